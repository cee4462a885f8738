package vnetdesk.service;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import vnetdesk.ipam.ArFactory;
import vnetdesk.ipam.ArOverlap;
import vnetdesk.model.Actor;
import vnetdesk.model.AddressRange;
import vnetdesk.model.Attributes;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.Mac;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.Words;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.AllocatorCache;
import vnetdesk.service.core.ArCatalog;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.VmRepository;

/**
 * The address ranges of networks: add, update, remove, the parent addresses a
 * reservation's AR frees, and the AR factory with inventory-unique random
 * MACs. {@link NetworkService} offers these operations; this class does them.
 */
final class NetworkArs {

    private final Tx tx;
    private final NetworkRefs refs;
    private final Access access;
    private final NetworkRepository networks;
    private final LeaseRepository leases;
    private final AllocatorCache cache;
    private final ArCatalog catalog;
    private final VmRepository vms;
    private final SecureRandom random = new SecureRandom();

    NetworkArs(ServiceContext ctx) {
        this.tx = ctx.tx();
        this.refs = ctx.refs();
        this.access = ctx.access();
        this.networks = ctx.networks();
        this.leases = ctx.leases();
        this.cache = ctx.cache();
        this.catalog = ctx.catalog();
        this.vms = ctx.vms();
    }

    int add(Actor actor, ObjectRef ref, Map<String, String> attributes) {
        return tx.write((c, hooks) -> {
            VirtualNetwork n = refs.resolve(c, ref);
            access.of(c, actor).require(n, Right.MANAGE, "add an address range to");
            if (n.isReservation()) {
                throw new ConflictException("network " + n.label() + " is a reservation; add addresses with reserve --into");
            }
            AddressRange ar = factory(c, n.addressRanges()).create(n.nextArId(), attributes, Optional.empty());
            ArOverlap.check(n.addressRanges(), ar);
            networks.insertAr(c, n.id(), ar);
            networks.update(c, n.toBuilder().nextArId(n.nextArId() + 1).build());
            return ar.id();
        });
    }

    void update(Actor actor, ObjectRef ref, Map<String, String> attributes) {
        Map<String, String> a = Attributes.upperKeys(attributes);
        String arIdText = a.get("AR_ID");
        if (arIdText == null) {
            throw ValidationException.missing("AR_ID");
        }
        int arId = vnetdesk.model.Numbers.parseInt("AR_ID", arIdText, 0, Integer.MAX_VALUE);
        tx.write((c, hooks) -> {
            VirtualNetwork n = refs.resolve(c, ref);
            access.of(c, actor).require(n, Right.MANAGE, "update an address range of");
            AddressRange current = n.addressRange(arId)
                    .orElseThrow(() -> new NotFoundException("AR_ID: network " + n.label() + " has no address range " + arId));
            AddressRange updated = factory(c, n.addressRanges()).update(current, a);
            if (updated.lastIndex() != current.lastIndex()) {
                if (current.isReservation() || n.isReservation()) {
                    throw ValidationException.invalid("SIZE", updated.size(), "the size of a reservation cannot change");
                }
                var state = leases.readAr(c, n.id(), arId).orElseThrow();
                var set = cache.forWrite(c, n.id(), current, state.version());
                boolean shrinks = Long.compareUnsigned(updated.lastIndex(), current.lastIndex()) < 0;
                long[] outside = shrinks ? set.usedAtOrAfter(updated.lastIndex() + 1, 20) : new long[0];
                if (outside.length > 0) {
                    List<String> names = new ArrayList<>();
                    for (long idx : outside) {
                        names.add(current.addressesAt(idx).primary());
                    }
                    throw ValidationException.invalid("SIZE", updated.size(),
                            "used leases would fall outside the range: " + String.join(", ", names)
                                    + (outside.length == 20 ? ", …" : ""));
                }
                hooks.afterCommit(() -> cache.discard(n.id(), arId));
            }
            ArOverlap.check(n.addressRanges(), updated);
            networks.updateAr(c, n.id(), updated);
            networks.update(c, n);
            return null;
        });
    }

    /**
     * Removes an AR. Refused while it has used leases unless {@code force}; a
     * forced removal returns the addresses it dropped. Removing a reservation's
     * AR frees the parent's addresses.
     */
    List<String> remove(Actor actor, ObjectRef ref, int arId, boolean force) {
        return tx.write((c, hooks) -> {
            NetworkRefs.Resolved r = refs.resolveWithState(c, ref);
            VirtualNetwork n = r.network();
            access.of(c, actor).require(n, Right.MANAGE, "remove an address range of");
            AddressRange ar = n.addressRange(arId)
                    .orElseThrow(() -> new NotFoundException("AR_ID: network " + n.label() + " has no address range " + arId));
            long used = r.state(arId).used();
            if (used > 0 && !force) {
                throw new ConflictException("address range " + arId + " of network " + n.label() + " has "
                        + used + " used leases; use --force to remove it anyway");
            }
            if (leases.anyReserved(c, n.id(), arId)) {
                throw new ConflictException("address range " + arId + " of network " + n.label()
                        + " has addresses reserved by other networks; delete those reservations first");
            }
            List<VmRepository.NicRow> nics = vms.nicsOn(c, n.id()).stream()
                    .filter(nic -> nic.lease().orElseThrow().arId() == arId).toList();
            if (!nics.isEmpty()) {
                // a forced removal may drop holds and leases of VMs the inventory does not hold, never a NIC's
                throw new ConflictException("address range " + arId + " of network " + n.label() + " holds the leases of "
                        + Words.count(nics.size(), "NIC") + " (" + String.join(", ", nics.stream().limit(10)
                        .map(nic -> "VM " + nic.vmId() + " NIC " + nic.index()).toList())
                        + (nics.size() > 10 ? ", …" : "") + "); detach them first");
            }
            List<String> dropped = new ArrayList<>();
            for (LeaseRepository.LeaseRow row : leases.page(c, n.id(), arId, OptionalLong.empty(), NetworkService.DROPPED_LISTED)) {
                if (row.arId() == arId) {
                    dropped.add(ar.addressesAt(row.index()).primary() + " (" + row.owner().label() + ")");
                }
            }
            if (used > dropped.size()) {
                dropped.add("… and " + (used - dropped.size()) + " more");
            }
            if (n.parentNetworkId().isPresent()) {
                freeParentLeases(c, hooks, n.parentNetworkId().get(), n.id(), ar);
            }
            networks.deleteAr(c, n.id(), arId);
            networks.update(c, n);
            hooks.afterCommit(() -> cache.discard(n.id(), arId));
            return dropped;
        });
    }

    /** Frees the parent addresses held for one AR of a reservation. */
    void freeParentLeases(Connection c, Tx.Hooks hooks, int parentId, int childId, AddressRange childAr)
            throws SQLException {
        VirtualNetwork parent = networks.find(c, parentId).orElse(null);
        if (parent == null || childAr.parentArId().isEmpty()) {
            return;
        }
        AddressRange parentAr = parent.addressRange(childAr.parentArId().get()).orElse(null);
        if (parentAr == null) {
            return;
        }
        // locate by IP first: in a static IPv6 range beyond 2^32 leases MACs repeat
        long first = childAr.type().firstIp().map(parentAr::indexOf)
                .or(() -> childAr.type().firstIp6().map(parentAr::indexOf))
                .orElseGet(() -> parentAr.indexOf(childAr.firstMac()))
                .orElseThrow(() -> new IllegalStateException("reservation AR " + childAr.id() + " of network "
                        + childId + " is not inside address range " + parentAr.id() + " of network " + parentId));
        long version = leases.readAr(c, parentId, parentAr.id()).orElseThrow().version();
        int freed = leases.deleteRunOwnedBy(c, parentId, parentAr.id(), first, childAr.lastIndex() + 1,
                new LeaseOwner.Reservation(childId));
        leases.touchAr(c, parentId, parentAr.id(), version, -freed, java.util.OptionalLong.empty());
        hooks.afterCommit(() -> cache.discard(parentId, parentAr.id()));
        hooks.afterRollback(() -> cache.discard(parentId, parentAr.id()));
    }

    /** The AR factory for a network: random MACs are unique in the inventory and in {@code sameNetwork}. */
    ArFactory factory(Connection c, List<AddressRange> sameNetwork) throws SQLException {
        List<VirtualNetwork> all = catalog.networks(c);
        return new ArFactory(NetworkService.MAC_PREFIX, prefix -> randomUniqueMac(prefix, all, sameNetwork));
    }

    private Mac randomUniqueMac(int prefix, List<VirtualNetwork> all, List<AddressRange> sameNetwork) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Mac candidate = Mac.of(prefix, random.nextInt());
            // a range with more leases than MACs would claim every candidate; it is not MAC-checked
            boolean taken = sameNetwork.stream().anyMatch(ar -> !ar.macsRepeat() && ar.indexOf(candidate).isPresent())
                    || all.stream().flatMap(n -> n.addressRanges().stream())
                    .anyMatch(ar -> !ar.macsRepeat() && ar.indexOf(candidate).isPresent());
            if (!taken) {
                return candidate;
            }
        }
        throw new ConflictException("MAC", "MAC: cannot find a free random MAC address; give MAC explicitly");
    }
}
