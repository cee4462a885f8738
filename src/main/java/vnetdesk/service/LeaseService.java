package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import vnetdesk.ipam.UsedIndexSet;
import vnetdesk.model.Actor;
import vnetdesk.model.Address;
import vnetdesk.model.AddressRange;
import vnetdesk.model.AllocationPolicy;
import vnetdesk.model.ConflictException;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.AllocatorCache;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.OwnerNames;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.LeaseRepository.ArState;
import vnetdesk.store.LeaseRepository.LeaseRow;
import vnetdesk.store.NetworkRepository;

/**
 * Leases: hold and release (single, list, range; all-or-nothing) and
 * allocation for VM NICs (lowest free or round robin, or a specific address).
 */
public final class LeaseService {

    private final Tx tx;
    private final NetworkRefs refs;
    private final Access access;
    private final NetworkRepository networks;
    private final LeaseRepository leases;
    private final AllocatorCache cache;
    private final OwnerNames ownerNames;

    LeaseService(ServiceContext ctx) {
        this.tx = ctx.tx();
        this.refs = ctx.refs();
        this.access = ctx.access();
        this.networks = ctx.networks();
        this.leases = ctx.leases();
        this.cache = ctx.cache();
        this.ownerNames = ctx.ownerNames();
    }

    /** Marks addresses as held (used, never assigned automatically); returns the new leases. */
    public List<Lease> hold(Actor actor, ObjectRef ref, List<String> addresses, Optional<Integer> arId) {
        return hold(actor, ref, addresses, arId, Progress.NONE);
    }

    /** As {@link #hold(Actor, ObjectRef, List, Optional)}; {@code progress} hears the addresses written. */
    public List<Lease> hold(Actor actor, ObjectRef ref, List<String> addresses, Optional<Integer> arId,
                            Progress progress) {
        return tx.write((c, hooks) -> {
            NetworkRefs.Resolved r = refs.resolveWithState(c, ref);
            VirtualNetwork n = r.network();
            access.of(c, actor).require(n, Right.USE, "hold addresses of");
            Map<Integer, List<LocatedAddress.Run>> runs = LocatedAddress.resolve(n, addresses, arId);
            BulkProgress bulk = new BulkProgress(progress, "holding", runs);
            List<Lease> taken = take(c, hooks, r, runs, LeaseOwner.HOLD, bulk);
            bulk.saving();
            return taken;
        });
    }

    /** Frees held addresses; any address that is not held is an error and nothing is freed. */
    public int release(Actor actor, ObjectRef ref, List<String> addresses, Optional<Integer> arId) {
        return release(actor, ref, addresses, arId, Progress.NONE);
    }

    /** As {@link #release(Actor, ObjectRef, List, Optional)}; {@code progress} hears the addresses freed. */
    public int release(Actor actor, ObjectRef ref, List<String> addresses, Optional<Integer> arId,
                       Progress progress) {
        return tx.write((c, hooks) -> {
            NetworkRefs.Resolved r = refs.resolveWithState(c, ref);
            VirtualNetwork n = r.network();
            access.of(c, actor).require(n, Right.USE, "release addresses of");
            Map<Integer, List<LocatedAddress.Run>> runs = LocatedAddress.resolve(n, addresses, arId);
            BulkProgress bulk = new BulkProgress(progress, "releasing", runs);
            int released = 0;
            for (Map.Entry<Integer, List<LocatedAddress.Run>> e : runs.entrySet()) {
                AddressRange ar = n.addressRange(e.getKey()).orElseThrow();
                ArChange change = new ArChange(c, hooks, r, ar);
                UsedIndexSet set = change.set;
                long count = 0;
                for (LocatedAddress.Run whole : e.getValue()) {
                    for (LocatedAddress.Run run : BulkProgress.chunks(whole)) {
                        checkAllHeld(c, n, ar, set, run);
                        for (long i = 0; i < run.count(); i++) {
                            if (!set.remove(run.first() + i)) {
                                throw new ConflictException("ADDRESS", "ADDRESS: "
                                        + ar.addressesAt(run.first() + i).primary() + " is named twice in this request");
                            }
                        }
                        leases.deleteRun(c, n.id(), ar.id(), run.first(), run.count());
                        count += run.count();
                        bulk.done(run.count());
                    }
                }
                change.record(-count, OptionalLong.empty());
                released += (int) count;
            }
            bulk.saving();
            return released;
        });
    }

    /** Every index of the run must be a hold; otherwise the error names the first that is not. */
    private void checkAllHeld(Connection c, VirtualNetwork n, AddressRange ar, UsedIndexSet set, LocatedAddress.Run run)
            throws SQLException {
        OptionalLong free = set.firstFreeAtOrAfter(run.first());
        if (free.isPresent() && Long.compareUnsigned(free.getAsLong() - run.first(), run.count()) < 0) {
            throw new ConflictException("ADDRESS", "ADDRESS: " + ar.addressesAt(free.getAsLong()).primary()
                    + " is not held (it is free)");
        }
        for (LeaseRow row : leases.inRun(c, n.id(), ar.id(), run.first(), run.count())) {
            if (!(row.owner() instanceof LeaseOwner.Hold)) {
                throw new ConflictException("ADDRESS", "ADDRESS: " + ar.addressesAt(row.index()).primary()
                        + " is not held; it is used by " + ownerNames.describe(c, row.owner())
                        + (row.owner() instanceof LeaseOwner.VmNic ? " (detach the NIC to free it)"
                        : " (delete that reservation to free it)"));
            }
        }
    }

    /**
     * Allocates one address for a VM NIC: the given address, or automatically
     * (ARs in id order, lowest free index or round robin), optionally within one AR.
     * (Holds and reservations have their own operations, which can undo them.)
     */
    public Lease allocate(Actor actor, ObjectRef ref, LeaseOwner.VmNic owner, Optional<String> address,
                          Optional<Integer> arId) {
        return tx.write((c, hooks) -> {
            NetworkRefs.Resolved r = refs.resolveWithState(c, ref);
            access.of(c, actor).require(r.network(), Right.USE, "take an address from");
            return allocateIn(c, hooks, r, owner, address, arId);
        });
    }

    /**
     * Inside the caller's transaction (a NIC attach): allocates one address of
     * {@code r} for {@code owner} — the given one, or the next free by the
     * network's policy, optionally within one AR. Rights are the caller's.
     */
    public Lease allocateIn(Connection c, Tx.Hooks hooks, NetworkRefs.Resolved r, LeaseOwner owner,
                            Optional<String> address, Optional<Integer> arId) throws SQLException {
        VirtualNetwork n = r.network();
        if (address.isPresent()) {
            return take(c, hooks, r, LocatedAddress.resolve(n, List.of(address.get()), arId), owner).get(0);
        }
        for (AddressRange ar : n.addressRanges()) {
            if (arId.isPresent() && ar.id() != arId.get()) {
                continue;
            }
            ArChange change = new ArChange(c, hooks, r, ar);
            boolean roundRobin = n.conf().allocation() == AllocationPolicy.ROUND_ROBIN;
            OptionalLong cursor = change.state.roundRobinCursor();
            // an AR shrunk below the cursor starts over from the lowest free index
            boolean useCursor = roundRobin && cursor.isPresent() && ar.containsIndex(cursor.getAsLong());
            OptionalLong idx = useCursor ? change.set.allocateNextFreeAfter(cursor.getAsLong())
                    : change.set.allocateLowestFree();
            if (idx.isEmpty()) {
                continue;
            }
            long index = idx.getAsLong();
            leases.insert(c, List.of(new LeaseRow(n.id(), ar.id(), index, owner)));
            change.record(1, roundRobin ? OptionalLong.of(index) : OptionalLong.empty());
            return new Lease(n.id(), ar.id(), index, ar.addressesAt(index), owner);
        }
        throw new ConflictException("no free address in network " + n.label()
                + arId.map(id -> " (address range " + id + ")").orElse(""));
    }

    /**
     * Inside the caller's transaction (a NIC detach): frees the lease at
     * {@code index} of AR {@code arId}, which must belong to {@code owner}.
     */
    public void freeIn(Connection c, Tx.Hooks hooks, NetworkRefs.Resolved r, int arId, long index, LeaseOwner owner)
            throws SQLException {
        VirtualNetwork n = r.network();
        AddressRange ar = n.addressRange(arId).orElseThrow(() -> new ConflictException("network " + n.label()
                + " has no address range " + arId));
        ArChange change = new ArChange(c, hooks, r, ar);
        if (leases.deleteRunOwnedBy(c, n.id(), arId, index, 1, owner) != 1 || !change.set.remove(index)) {
            throw new ConflictException("ADDRESS", "ADDRESS: " + ar.addressesAt(index).primary() + " of network "
                    + n.label() + " is not leased to " + owner.label());
        }
        change.record(-1, OptionalLong.empty());
    }

    /** Takes the given index runs for one owner; any used index fails the whole operation. */
    List<Lease> take(Connection c, Tx.Hooks hooks, NetworkRefs.Resolved r, Map<Integer, List<LocatedAddress.Run>> runs,
                     LeaseOwner owner) throws SQLException {
        return take(c, hooks, r, runs, owner, new BulkProgress(Progress.NONE, "", runs));
    }

    private List<Lease> take(Connection c, Tx.Hooks hooks, NetworkRefs.Resolved r,
                             Map<Integer, List<LocatedAddress.Run>> runs, LeaseOwner owner, BulkProgress bulk)
            throws SQLException {
        VirtualNetwork n = r.network();
        LeaseRuns taken = new LeaseRuns(n.id(), owner);
        for (Map.Entry<Integer, List<LocatedAddress.Run>> e : runs.entrySet()) {
            AddressRange ar = n.addressRange(e.getKey()).orElseThrow();
            ArChange change = new ArChange(c, hooks, r, ar);
            long count = 0;
            for (LocatedAddress.Run whole : e.getValue()) {
                taken.add(ar, whole.first(), whole.count());
                for (LocatedAddress.Run run : BulkProgress.chunks(whole)) {
                    for (long i = 0; i < run.count(); i++) {
                        long idx = run.first() + i;
                        if (!change.set.add(idx)) {
                            throw alreadyUsed(c, n, ar, idx);
                        }
                    }
                    if (run.count() == 1) {
                        leases.insert(c, List.of(new LeaseRow(n.id(), ar.id(), run.first(), owner)));
                    } else {
                        leases.insertRun(c, n.id(), ar.id(), run.first(), run.count(), owner);
                    }
                    count += run.count();
                    bulk.done(run.count());
                }
            }
            change.record(count, OptionalLong.empty());
        }
        return taken;
    }

    /**
     * The used set of one AR opened for change in this transaction: the cached
     * set is dropped if the transaction rolls back, and {@link #record} writes
     * the AR's counters (checking its version) and keeps the set on commit.
     */
    private final class ArChange {
        private final Connection c;
        private final Tx.Hooks hooks;
        private final int networkId;
        private final int arId;
        final ArState state;
        final UsedIndexSet set;

        ArChange(Connection c, Tx.Hooks hooks, NetworkRefs.Resolved r, AddressRange ar) throws SQLException {
            this.c = c;
            this.hooks = hooks;
            this.networkId = r.network().id();
            this.arId = ar.id();
            this.state = r.state(ar.id());
            this.set = cache.forWrite(c, networkId, ar, state.version());
            hooks.afterRollback(() -> cache.discard(networkId, arId));
        }

        void record(long delta, OptionalLong cursor) throws SQLException {
            long committedVersion = leases.touchAr(c, networkId, arId, state.version(), delta, cursor);
            hooks.afterCommit(() -> cache.committed(networkId, arId, committedVersion));
        }
    }

    private ConflictException alreadyUsed(Connection c, VirtualNetwork n, AddressRange ar, long idx)
            throws SQLException {
        String text = ar.addressesAt(idx).primary();
        Optional<LeaseRow> row = leases.find(c, n.id(), ar.id(), idx);
        if (row.isEmpty()) {
            return new ConflictException("ADDRESS", "ADDRESS: " + text + " is named twice in this request");
        }
        return new ConflictException("ADDRESS", "ADDRESS: " + text + " is already used by "
                + ownerNames.describe(c, row.get().owner()) + " in network " + n.label());
    }
}
