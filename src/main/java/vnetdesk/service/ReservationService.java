package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import vnetdesk.ipam.ArOverlap;
import vnetdesk.ipam.UsedIndexSet;
import vnetdesk.model.Actor;
import vnetdesk.model.AddressRange;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.AllocatorCache;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.LeaseRepository.ArState;
import vnetdesk.store.NetworkRepository;

/**
 * Reservations: moves a contiguous block of a network's addresses into a child
 * network owned by the caller (OpenNebula's {@code onevnet reserve}).
 */
public final class ReservationService {

    /** What to reserve: size, target (new name or existing child), optional AR and first address. */
    public record Request(long size, Optional<String> newName, Optional<ObjectRef> into, Optional<Integer> arId,
                          Optional<String> firstAddress) {
    }

    private final Tx tx;
    private final NetworkRefs refs;
    private final Access access;
    private final NetworkRepository networks;
    private final LeaseRepository leases;
    private final AllocatorCache cache;
    private final NetworkService networkService;
    private final LeaseService leaseService;

    ReservationService(ServiceContext ctx, NetworkService networkService, LeaseService leaseService) {
        this.tx = ctx.tx();
        this.refs = ctx.refs();
        this.access = ctx.access();
        this.networks = ctx.networks();
        this.leases = ctx.leases();
        this.cache = ctx.cache();
        this.networkService = networkService;
        this.leaseService = leaseService;
    }

    /** Reserves addresses; returns the id of the reservation (child) network. */
    public int reserve(Actor actor, ObjectRef parentRef, Request r) {
        if (r.size() <= 0) {
            throw ValidationException.invalid("SIZE", r.size(), "must be at least 1");
        }
        if (r.size() > LocatedAddress.MAX_BULK) {
            throw ValidationException.invalid("SIZE", r.size(), "at most " + LocatedAddress.MAX_BULK + " addresses per reservation");
        }
        if (r.newName().isPresent() == r.into().isPresent()) {
            throw new ValidationException("NAME", "NAME: give either a name for a new reservation or the reservation to add to (--into)");
        }
        r.newName().ifPresent(name -> NetworkAttributes.checkName("NAME", name));
        return tx.write((c, hooks) -> {
            NetworkRefs.Resolved resolved = refs.resolveWithState(c, parentRef);
            VirtualNetwork parent = resolved.network();
            access.of(c, actor).require(parent, Right.USE, "reserve addresses of");
            if (parent.isReservation()) {
                throw new ConflictException("network " + parent.label() + " is itself a reservation; reserve from network "
                        + parent.parentNetworkId().get() + " instead");
            }
            Block block = findBlock(c, resolved, r);
            VirtualNetwork child = r.into().isPresent() ? existingChild(c, actor, parent, r.into().get())
                    : newChild(c, actor, parent, r.newName().get());
            AddressRange parentAr = block.ar;
            AddressRange childAr = new AddressRange(child.nextArId(), parentAr.type().startingAt(block.first),
                    parentAr.firstMac().plus(block.first), r.size() - 1, parentAr.attributes(),
                    Optional.of(parentAr.id()));
            ArOverlap.check(child.addressRanges(), childAr);
            VirtualNetwork updatedChild = child.toBuilder().nextArId(child.nextArId() + 1).build();
            if (r.into().isPresent()) {
                networks.update(c, updatedChild);
            } else {
                networks.insert(c, updatedChild);
            }
            networks.insertAr(c, child.id(), childAr);
            LocatedAddress.Run run = new LocatedAddress.Run(parentAr, block.first, r.size(), "reservation");
            leaseService.take(c, hooks, resolved, Map.of(parentAr.id(), List.of(run)),
                    new LeaseOwner.Reservation(child.id()));
            return child.id();
        });
    }

    private record Block(AddressRange ar, long first) {
    }

    private Block findBlock(Connection c, NetworkRefs.Resolved resolved, Request r) throws SQLException {
        VirtualNetwork parent = resolved.network();
        if (r.firstAddress().isPresent()) {
            LocatedAddress.Run start = LocatedAddress.resolveToken(parent, r.firstAddress().get(), r.arId());
            UsedIndexSet set = usedSet(c, resolved, start.ar());
            if (!set.isRangeFree(start.first(), r.size())) {
                throw new ConflictException("not enough contiguous free addresses: " + r.size() + " from "
                        + r.firstAddress().get() + " are not all free in address range " + start.ar().id());
            }
            return new Block(start.ar(), start.first());
        }
        if (r.arId().isPresent() && parent.addressRange(r.arId().get()).isEmpty()) {
            throw ValidationException.invalid("AR_ID", r.arId().get(), "network " + parent.label() + " has no such address range");
        }
        for (AddressRange ar : parent.addressRanges()) {
            if (r.arId().isPresent() && ar.id() != r.arId().get()) {
                continue;
            }
            OptionalLong first = usedSet(c, resolved, ar).findFreeRun(r.size());
            if (first.isPresent()) {
                return new Block(ar, first.getAsLong());
            }
        }
        throw new ConflictException("not enough contiguous free addresses: network " + parent.label()
                + " has no block of " + r.size() + " free addresses");
    }

    private UsedIndexSet usedSet(Connection c, NetworkRefs.Resolved resolved, AddressRange ar) throws SQLException {
        ArState state = resolved.state(ar.id());
        return cache.forWrite(c, resolved.network().id(), ar, state.version());
    }

    private VirtualNetwork newChild(Connection c, Actor actor, VirtualNetwork parent, String name) throws SQLException {
        Map<String, String> attributes = new LinkedHashMap<>(NetworkAttributes.toAttributes(parent));
        attributes.put("NAME", name);
        attributes.put("BRIDGE", parent.conf().bridge());
        attributes.remove("AUTOMATIC_VLAN_ID");
        parent.conf().vlanId().ifPresent(v -> attributes.put("VLAN_ID", v.toString()));
        return networkService.newNetwork(c, actor, attributes, Optional.of(parent.id()));
    }

    private VirtualNetwork existingChild(Connection c, Actor actor, VirtualNetwork parent, ObjectRef ref)
            throws SQLException {
        VirtualNetwork child = refs.resolve(c, ref);
        access.of(c, actor).require(child, Right.MANAGE, "add addresses to");
        if (child.parentNetworkId().filter(p -> p == parent.id()).isEmpty()) {
            throw new ConflictException("network " + child.label() + " is not a reservation of network " + parent.label());
        }
        return child;
    }
}
