package vnetdesk.service.interchange;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import vnetdesk.ipam.ArFactory;
import vnetdesk.ipam.ArOverlap;
import vnetdesk.model.Actor;
import vnetdesk.model.AddressRange;
import vnetdesk.model.AllocationPolicy;
import vnetdesk.model.ConflictException;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.Mac;
import vnetdesk.model.Numbers;
import vnetdesk.model.Permissions;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.NetworkService;
import vnetdesk.service.Progress;
import vnetdesk.service.core.AllocatorCache;
import vnetdesk.service.core.ErrorContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.ClusterRepository;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.UserRepository;
import vnetdesk.template.ImportedAr;
import vnetdesk.template.ImportedLease;
import vnetdesk.template.ImportedNetwork;
import vnetdesk.template.ImportedOwner;

/**
 * Imports networks read from {@code onevnet show -x} XML (one {@code VNET} or a
 * {@code VNET_POOL}). By default the networks keep the document's ids (a network id already
 * in the inventory is a conflict) and owners ({@link InterchangeXmlOwners}); the caller allows
 * that to administrators only. As new ({@code import --as-new}, and any user's import) they get
 * new ids and belong to the acting user, as {@code vnet create} would make them. The document's clusters must exist here ({@link InterchangeXmlClusters}).
 * Either way generated bridges and automatic VLAN ids are picked anew, the file's
 * permissions, lock and template vectors are kept, given AR ids are kept and the leases recreated:
 * VM owners become VM-NIC leases, {@code -1} a hold, and a {@code VNET} owner a reservation lease
 * when that reservation is in the same file, else a hold. A reservation whose parent is in the
 * file takes the parent's bridge and VLAN id; one whose parent is not becomes a plain network.
 */
final class InterchangeXmlImport {

    private final NetworkRepository networks;
    private final LeaseRepository leases;
    private final NetworkService networkService;
    private final InterchangeXmlOwners owners;
    private final InterchangeXmlClusters clusters;
    private final AllocatorCache cache;

    InterchangeXmlImport(NetworkRepository networks, LeaseRepository leases, UserRepository users,
                         ClusterRepository clusters, AllocatorCache cache, NetworkService networkService) {
        this.networks = networks;
        this.leases = leases;
        this.networkService = networkService;
        this.owners = new InterchangeXmlOwners(users, networks);
        this.clusters = new InterchangeXmlClusters(clusters);
        this.cache = cache;
    }

    /**
     * Creates the networks in the caller's transaction; returns their ids, parents first. With
     * {@code asNew} every network gets a new id and the actor as owner; else see the class comment.
     */
    List<Integer> importNetworks(Connection c, Tx.Hooks hooks, Actor actor, List<ImportedNetwork> in, String source,
                                 boolean asNew, Progress progress) throws SQLException {
        Map<Integer, ImportedNetwork> byXmlId = new HashMap<>();
        for (ImportedNetwork n : in) {
            if (n.id().isPresent() && byXmlId.putIfAbsent(n.id().getAsInt(), n) != null) {
                throw new ValidationException("ID", source + ": ID: two networks in the file have ID " + n.id().getAsInt());
            }
        }
        List<ImportedNetwork> order = new ArrayList<>();
        in.stream().filter(n -> parentInFile(n, byXmlId).isEmpty()).forEach(order::add);
        in.stream().filter(n -> parentInFile(n, byXmlId).isPresent()).forEach(order::add);

        Map<ImportedNetwork, String> labels = new IdentityHashMap<>();
        for (int i = 0; i < in.size(); i++) {
            labels.put(in.get(i), label(source, in.get(i), i));
        }
        if (!asNew) {
            reserveIds(c, hooks, in, labels);
        }
        InterchangePlan plan = new InterchangePlan();
        Map<ImportedNetwork, VirtualNetwork> created = new IdentityHashMap<>();
        Map<ImportedNetwork, Map<ImportedAr, Integer>> arIds = new IdentityHashMap<>();
        progress.phase("importing networks");
        progress.step(0, order.size());
        for (ImportedNetwork x : order) {
            String label = labels.get(x);
            Optional<VirtualNetwork> parentNetwork = parentInFile(x, byXmlId).map(created::get);
            Optional<Integer> parent = parentNetwork.map(VirtualNetwork::id);
            Map<String, String> attributes = clusters.placed(c,
                    parentNetwork.map(p -> inherited(x.attributes(), p)).orElse(x.attributes()), label, asNew);
            Actor owner = asNew || x.owner().isEmpty() ? actor
                    : owners.owner(c, x.owner().get(), label);
            Optional<Integer> keptId = asNew || x.id().isEmpty() ? Optional.empty() : Optional.of(x.id().getAsInt());
            VirtualNetwork n = ErrorContext.inStore(label, () -> networkService.newNetwork(c, owner, attributes, parent,
                    keptId));
            Map<ImportedAr, Integer> ids = assignArIds(x, label);
            List<AddressRange> ars = ErrorContext.inStore(label, () -> addressRanges(c, x, ids, parent.isPresent()));
            int nextArId = ids.values().stream().mapToInt(id -> id + 1).max().orElse(0);
            Permissions permissions = x.permissionsOctal().map(p -> Permissions.parseOctal("PERMISSIONS", p))
                    .orElse(n.ownership().permissions());
            n = n.toBuilder().addressRanges(ars).nextArId(nextArId)
                    .ownership(n.ownership().withPermissions(permissions)).lock(x.lock()).vectors(x.vectors()).build();
            plan.add(n, label);
            // stored at once, so the next network's automatic VLAN id, random MACs and name check see it
            networks.insert(c, n);
            created.put(x, n);
            arIds.put(x, ids);
            progress.step(created.size(), order.size());
        }
        plan.linkReservations();
        for (ImportedNetwork x : order) {
            VirtualNetwork n = created.get(x);
            String label = labels.get(x);
            for (ImportedAr ar : x.addressRanges()) {
                int arId = arIds.get(x).get(ar);
                AddressRange range = n.addressRange(arId).orElseThrow();
                if (n.conf().allocation() == AllocationPolicy.ROUND_ROBIN) {
                    OptionalLong cursor = cursor(range, ar.nextIndex());
                    if (cursor.isPresent()) {
                        plan.setRoundRobinCursor(n.id(), arId, cursor.getAsLong(), label + ", address range " + arId);
                    }
                }
                for (ImportedLease lease : ar.leases()) {
                    String leaseLabel = label + ", address range " + arId + ", lease " + describe(lease);
                    long index = ErrorContext.in(leaseLabel, () -> locate(range, lease));
                    plan.addLease(n.id(), arId, index, owner(lease.owner(), x, byXmlId, created), leaseLabel);
                }
            }
        }
        plan.checkReservationCoverage();
        plan.writeLeases(c, leases, networks, progress);
        return order.stream().map(x -> created.get(x).id()).toList();
    }

    /**
     * Checks that no kept id is taken here and moves the id sequence past them all before any
     * network is made, so a network of the file without an id never takes one another keeps; the
     * allocator's cache forgets each kept id when the transaction ends.
     */
    private void reserveIds(Connection c, Tx.Hooks hooks, List<ImportedNetwork> in,
                            Map<ImportedNetwork, String> labels) throws SQLException {
        for (ImportedNetwork x : in) {
            if (x.id().isPresent()) {
                int id = InterchangeXmlOwners.keepable(labels.get(x), "ID", x.id().getAsInt());
                Optional<VirtualNetwork> there = networks.find(c, id);
                if (there.isPresent()) {
                    throw new ConflictException("ID", labels.get(x) + ": ID " + id + " is already network "
                            + ValidationException.printable(there.get().label()) + " in this inventory (import"
                            + " --as-new gives the file's networks new ids)");
                }
                networks.moveIdSequencePast(c, "NETWORK", id);
                // as a restore does: the id may have been a deleted network's, whose used sets may still be cached
                hooks.afterCommit(() -> cache.discardNetwork(id));
                hooks.afterRollback(() -> cache.discardNetwork(id));
            }
        }
    }

    /**
     * The round-robin cursor a {@code NEXT_INDEX} stands for: {@link vnetdesk.template.OneXml} writes the
     * index after the cursor, wrapping to 0, and 0 when there is none, so 0 (and a value outside the
     * AR) gives none.
     */
    private static OptionalLong cursor(AddressRange range, Optional<String> nextIndex) {
        if (nextIndex.isEmpty() || !nextIndex.get().matches("[0-9]{1,20}")) {
            return OptionalLong.empty();
        }
        BigInteger next = new BigInteger(nextIndex.get());
        if (next.signum() == 0 || next.compareTo(range.size()) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(next.subtract(BigInteger.ONE).longValue());
    }

    /**
     * A reservation's attributes with the bridge and VLAN id of its parent as just imported (the
     * parent may have picked a new automatic VLAN id and generated a new bridge name), as
     * {@link ReservationService} gives them to a new reservation.
     */
    private static Map<String, String> inherited(Map<String, String> own, VirtualNetwork parent) {
        Map<String, String> a = new LinkedHashMap<>(own);
        a.put("BRIDGE", parent.conf().bridge());
        a.remove("AUTOMATIC_VLAN_ID");
        a.remove("VLAN_ID");
        parent.conf().vlanId().ifPresent(v -> a.put("VLAN_ID", v.toString()));
        return a;
    }

    /** The parent of a reservation when it is in the file too (and is a plain network). */
    private static Optional<ImportedNetwork> parentInFile(ImportedNetwork n, Map<Integer, ImportedNetwork> byXmlId) {
        if (n.parentNetworkId().isEmpty()) {
            return Optional.empty();
        }
        ImportedNetwork parent = byXmlId.get(n.parentNetworkId().getAsInt());
        return parent == null || parent == n || parent.parentNetworkId().isPresent()
                ? Optional.empty() : Optional.of(parent);
    }

    private static LeaseOwner owner(ImportedOwner owner, ImportedNetwork holder, Map<Integer, ImportedNetwork> byXmlId,
                                    Map<ImportedNetwork, VirtualNetwork> created) {
        if (owner instanceof ImportedOwner.Vm vm) {
            return new LeaseOwner.VmNic(vm.vmId(), vm.nicIndex());
        }
        if (owner instanceof ImportedOwner.Vnet vnet) {
            ImportedNetwork child = byXmlId.get(vnet.networkId());
            if (child != null && parentInFile(child, byXmlId).filter(p -> p == holder).isPresent()) {
                return new LeaseOwner.Reservation(created.get(child).id());
            }
        }
        return LeaseOwner.HOLD;
    }

    /** Given AR ids are kept; ARs without one get the ids after the highest given id, in order. */
    private static Map<ImportedAr, Integer> assignArIds(ImportedNetwork x, String label) {
        Map<ImportedAr, Integer> ids = new IdentityHashMap<>();
        Map<Integer, ImportedAr> taken = new LinkedHashMap<>();
        int next = 0;
        for (ImportedAr ar : x.addressRanges()) {
            if (ar.arId().isPresent()) {
                int id = ar.arId().getAsInt();
                if (taken.putIfAbsent(id, ar) != null) {
                    throw new ValidationException("AR_ID", label + ": AR_ID: two address ranges have AR_ID " + id);
                }
                ids.put(ar, id);
                next = Math.max(next, id + 1);
            }
        }
        for (ImportedAr ar : x.addressRanges()) {
            if (ar.arId().isEmpty()) {
                ids.put(ar, next++);
            }
        }
        return ids;
    }

    private List<AddressRange> addressRanges(Connection c, ImportedNetwork x, Map<ImportedAr, Integer> ids,
                                             boolean reservation) throws SQLException {
        List<AddressRange> built = new ArrayList<>();
        ArFactory factory = networkService.arFactory(c, built);
        for (ImportedAr def : x.addressRanges()) {
            int arId = ids.get(def);
            AddressRange ar = ErrorContext.in("address range " + arId, () -> {
                Optional<Integer> parentArId = Optional.empty();
                String parentText = def.attributes().get("PARENT_NETWORK_AR_ID");
                if (reservation && parentText != null) {
                    parentArId = Optional.of(Numbers.parseInt("PARENT_NETWORK_AR_ID", parentText, 0, Integer.MAX_VALUE));
                }
                AddressRange created = factory.create(arId, def.attributes(), parentArId);
                ArOverlap.check(built, created);
                return created;
            });
            built.add(ar);
        }
        return built;
    }

    /**
     * The lease's index in its AR, found by its IP, else its IPv6 address, else its MAC (a
     * MAC repeats every 2^32 addresses of a larger AR); every other address given must be
     * the lease's address at that index.
     */
    private static long locate(AddressRange ar, ImportedLease lease) {
        Optional<Ipv4> ip = lease.ip().map(v -> Ipv4.parse("IP", v.strip()));
        Optional<Ipv6> ip6 = lease.ip6().map(v -> Ipv6.parse("IP6", v.strip()));
        Optional<Mac> mac = lease.mac().map(v -> Mac.parse("MAC", v.strip()));
        OptionalLong index;
        String field;
        Object given;
        if (ip.isPresent()) {
            index = ar.indexOf(ip.get());
            field = "IP";
            given = ip.get();
        } else if (ip6.isPresent()) {
            index = ar.indexOf(ip6.get());
            field = "IP6";
            given = ip6.get();
        } else if (mac.isPresent()) {
            index = ar.indexOf(mac.get());
            field = "MAC";
            given = mac.get();
        } else {
            throw new ValidationException("LEASE", "LEASE: names no IP, IP6 or MAC address");
        }
        if (index.isEmpty()) {
            throw ValidationException.invalid(field, given, "not inside address range " + ar.id());
        }
        LeaseAddresses at = ar.addressesAt(index.getAsLong());
        if (mac.isPresent() && !mac.get().equals(at.mac())) {
            throw ValidationException.invalid("MAC", mac.get(), "not the MAC of " + given + " in address range "
                    + ar.id() + " (" + at.mac() + ")");
        }
        boolean ip6Matches = ip6.isEmpty() || ip6.equals(at.ip6()) || ip6.equals(at.ip6Global())
                || ip6.equals(at.ip6Ula());
        if (!ip6Matches) {
            throw ValidationException.invalid("IP6", ip6.get(), "not an IPv6 address of " + given + " in address range "
                    + ar.id());
        }
        return index.getAsLong();
    }

    private static String describe(ImportedLease lease) {
        return lease.ip().or(lease::ip6).or(lease::mac).map(ValidationException::printable).orElse("(no address)");
    }

    private static String label(String source, ImportedNetwork x, int position) {
        String id = x.id().isPresent() ? Integer.toString(x.id().getAsInt()) : "#" + (position + 1);
        return source + ": network " + id + (x.name().isEmpty() ? "" : ":" + ValidationException.printable(x.name()));
    }
}
