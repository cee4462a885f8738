package vnetdesk.service.interchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.ipam.ArFactory;
import vnetdesk.ipam.ArOverlap;
import vnetdesk.model.AddressRange;
import vnetdesk.model.Attributes;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.Numbers;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.NetworkService;
import vnetdesk.service.Progress;
import vnetdesk.service.core.AllocatorCache;
import vnetdesk.service.core.ErrorContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.NetworkRepository;

/**
 * Restores a JSON backup: rebuilds every network, AR and lease through the
 * same parsers as user input (so a tampered file gets the same errors, with
 * the place in the file in front), refuses ids and names that already exist,
 * and writes everything with the original ids in the caller's transaction.
 */
final class InterchangeRestore {

    private final NetworkRepository networks;
    private final LeaseRepository leases;
    private final AllocatorCache cache;

    InterchangeRestore(NetworkRepository networks, LeaseRepository leases, AllocatorCache cache) {
        this.networks = networks;
        this.leases = leases;
        this.cache = cache;
    }

    /** Restores the networks of a backup; returns their ids, parents first. */
    List<Integer> restore(Connection c, Tx.Hooks hooks, List<JsonBackup.Network> backup, Progress progress)
            throws SQLException {
        refuseExistingIds(c, backup);
        InterchangePlan plan = new InterchangePlan();
        for (JsonBackup.Network b : backup) {
            String label = b.at().text() + ": network " + name(b);
            List<AddressRange> ars = addressRanges(b);
            VirtualNetwork n = ErrorContext.in(label, () -> build(b, ars));
            if (networks.nameTaken(c, n.ownership().uid(), n.name(), -1)) {
                throw new ConflictException(label + ": NAME: user " + n.ownership().uid() + " already has a network"
                        + " named \"" + ValidationException.printable(n.name()) + "\" in the inventory");
            }
            plan.add(n, label);
        }
        plan.linkReservations();
        for (JsonBackup.Network b : backup) {
            for (JsonBackup.Ar ar : b.addressRanges()) {
                if (ar.roundRobinCursor().isPresent()) {
                    String label = ar.at().text() + ": network " + name(b) + ", address range " + ar.arId();
                    long cursor = ErrorContext.in(label,
                            () -> JsonBackup.parseIndex("roundRobinCursor", ar.roundRobinCursor().get()));
                    plan.setRoundRobinCursor(b.id(), ar.arId(), cursor, label);
                }
                for (JsonBackup.LeaseEntry l : ar.leases()) {
                    String label = l.at().text() + ": network " + name(b) + ", address range " + ar.arId() + ", lease";
                    long index = ErrorContext.in(label, () -> JsonBackup.parseIndex("index", l.index()));
                    LeaseOwner owner = ErrorContext.in(label, () -> JsonBackup.parseOwner(l.owner()));
                    plan.addLease(b.id(), ar.arId(), index, owner, label);
                }
            }
        }
        plan.checkReservationCoverage();
        List<Integer> ids = plan.writeNetworks(c, hooks, networks, cache, progress);
        plan.writeLeases(c, leases, networks, progress);
        if (!ids.isEmpty()) {
            networks.moveIdSequencePast(c, "NETWORK", ids.stream().mapToInt(Integer::intValue).max().getAsInt());
        }
        return ids;
    }

    private void refuseExistingIds(Connection c, List<JsonBackup.Network> backup) throws SQLException {
        Map<Integer, JsonBackup.Network> seen = new HashMap<>();
        List<String> existing = new ArrayList<>();
        for (JsonBackup.Network b : backup) {
            JsonBackup.Network twin = seen.putIfAbsent(b.id(), b);
            if (twin != null) {
                throw new ValidationException("id", b.at().text() + ": id: network " + b.id()
                        + " appears twice in the file (also at line " + twin.at().line() + ")");
            }
            networks.find(c, b.id()).ifPresent(n -> existing.add(n.label()));
        }
        if (!existing.isEmpty()) {
            throw new ConflictException(backup.get(0).at().source()
                    + ": the backup restores networks with their ids, and the inventory already has "
                    + (existing.size() == 1 ? "network " : "networks ") + String.join(", ", existing)
                    + "; restore into an empty inventory, or delete "
                    + (existing.size() == 1 ? "that network" : "those networks") + " first");
        }
    }

    /** "7:web" as in messages, or "7" when the file has no name. */
    private static String name(JsonBackup.Network b) {
        String name = b.attributes().get("NAME");
        return b.id() + (name == null ? "" : ":" + ValidationException.printable(name));
    }

    /** The network as {@code vnet create} would build it, with the backup's identity and owner. */
    private static VirtualNetwork build(JsonBackup.Network b, List<AddressRange> ars) {
        Permissions permissions = Permissions.parseOctal("permissions", b.permissions());
        Optional<LockLevel> lock = b.lock().map(text -> LockLevel.parse("lock", text));
        NetworkAttributes.Parsed p = NetworkAttributes.parse(b.attributes());
        String bridge = p.bridge().orElseThrow(() -> ValidationException.missing("BRIDGE"));
        Optional<Integer> vlan = p.vlanId();
        if (p.automaticVlanId()) {
            vlan = Optional.of(b.pickedVlanId().orElseThrow(() -> new ValidationException("pickedVlanId",
                    "pickedVlanId: required with AUTOMATIC_VLAN_ID=YES (the VLAN id that was picked)")));
        } else if (b.pickedVlanId().isPresent()) {
            throw ValidationException.invalid("pickedVlanId", b.pickedVlanId().get(),
                    "only a network with AUTOMATIC_VLAN_ID=YES has a picked VLAN id");
        }
        return p.toNetwork(b.id(), new Ownership(b.uid(), b.gid(), permissions), bridge, b.bridgeGenerated(), vlan,
                lock, p.securityGroupsOrDefault(), ars, b.parentNetworkId(), b.nextArId(), 0)
                .toBuilder().vectors(b.vectors()).build();
    }

    /** The ARs as {@code vnet create} would build them, with the backup's ids; errors name the AR's place. */
    private static List<AddressRange> addressRanges(JsonBackup.Network b) {
        // a backup always names the first MAC of address ranges without IPv4, so none is ever made up
        ArFactory factory = new ArFactory(NetworkService.MAC_PREFIX, prefix -> {
            throw ValidationException.missing("MAC");
        });
        List<AddressRange> built = new ArrayList<>();
        for (JsonBackup.Ar def : b.addressRanges()) {
            String label = def.at().text() + ": network " + name(b) + ", address range " + def.arId();
            AddressRange ar = ErrorContext.in(label, () -> {
                if (def.arId() >= b.nextArId()) {
                    throw ValidationException.invalid("nextArId", b.nextArId(), "must be above every address range id");
                }
                if (built.stream().anyMatch(other -> other.id() == def.arId())) {
                    throw ValidationException.invalid("arId", def.arId(), "the network has two address ranges with this id");
                }
                Map<String, String> attributes = Attributes.upperKeys(def.attributes());
                Optional<Integer> parentArId = Optional.ofNullable(attributes.get("PARENT_NETWORK_AR_ID"))
                        .map(v -> Numbers.parseInt("PARENT_NETWORK_AR_ID", v, 0, Integer.MAX_VALUE));
                AddressRange created = factory.create(def.arId(), attributes, parentArId);
                ArOverlap.check(built, created);
                return created;
            });
            built.add(ar);
        }
        return built;
    }
}
