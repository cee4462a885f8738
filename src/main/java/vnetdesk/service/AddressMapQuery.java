package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.ipam.IndexRange;
import vnetdesk.ipam.UsedIndexSet;
import vnetdesk.model.Address;
import vnetdesk.model.AddressRange;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.AddressMap.Cell;
import vnetdesk.service.AddressMap.Kind;
import vnetdesk.service.AddressMap.Owner;
import vnetdesk.service.AddressMap.Window;
import vnetdesk.service.core.AllocatorCache;
import vnetdesk.service.core.ArCatalog;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.LeaseRepository.LeaseRow;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.VmRepository;

/**
 * Builds {@link AddressMap}s: the used count of each cell from the
 * allocator's in-memory bitmap (so a /8 costs its containers, not its leases),
 * and owners from the lease rows only when a cell is one address — at most
 * one window of lease rows, read by index range.
 */
final class AddressMapQuery {

    /** The most cells one map may have: owners are read for at most this many single addresses. */
    static final int MAX_CELLS = 1024;

    private final LeaseRepository leases;
    private final NetworkRepository networks;
    private final VmRepository vms;
    private final AllocatorCache cache;
    private final ArCatalog catalog;

    AddressMapQuery(LeaseRepository leases, NetworkRepository networks, VmRepository vms, AllocatorCache cache,
                    ArCatalog catalog) {
        this.leases = leases;
        this.networks = networks;
        this.vms = vms;
        this.cache = cache;
        this.catalog = catalog;
    }

    /** The map of {@code window} of AR {@code arId}; the caller holds the write lock the cached sets need. */
    AddressMap map(Connection c, NetworkRefs.Resolved resolved, int arId, Window window, int maxCells)
            throws SQLException {
        if (maxCells < 2 || maxCells > MAX_CELLS) {
            // one cell would be the whole range: nothing to draw, and its cell size would not fit in 64 bits
            throw ValidationException.invalid("CELLS", maxCells, "must be between 2 and " + MAX_CELLS);
        }
        VirtualNetwork n = resolved.network();
        AddressRange ar = range(n, arId, window);
        Layout layout = Layout.of(ar, window, maxCells);
        int shift = layout.shift();
        long origin = layout.origin();
        UsedIndexSet set = cache.forWrite(c, n.id(), ar, resolved.state(arId).version());
        long[] used = set.usedPerCell(origin, window.first(), window.last(), shift);
        Map<Long, LeaseRow> rows = new HashMap<>();
        if (shift == 0) {
            for (LeaseRow r : leases.inRun(c, n.id(), arId, window.first(), window.last() - window.first() + 1)) {
                rows.put(r.index(), r);
            }
        }
        List<IndexRange> reserved = shift == 0 ? List.of() : reservedRuns(c, n, ar);
        Map<LeaseOwner, Owner> owners = new HashMap<>();
        long mask = (1L << shift) - 1;
        List<Cell> cells = new ArrayList<>(used.length);
        for (int i = 0; i < used.length; i++) {
            long start = origin + ((long) i << shift);
            long first = i == 0 ? window.first() : start;
            long last = Long.compareUnsigned(window.last() - start, mask) < 0 ? window.last() : start + mask;
            Optional<Owner> owner = Optional.empty();
            LeaseRow row = rows.get(first);
            if (row != null) {
                Owner known = owners.get(row.owner());
                if (known == null) {
                    known = describe(c, row.owner());
                    owners.put(row.owner(), known);
                }
                owner = Optional.of(known);
            }
            long inReservations = 0;
            for (IndexRange r : reserved) {
                inReservations += overlap(r, first, last);
            }
            cells.add(new Cell(first, last, used[i], Math.min(used[i], inReservations), owner, ar));
        }
        return new AddressMap(n.id(), arId, window.first(), window.last(), ar.lastIndex(), shift, cells);
    }

    /** Cells of 2^{@code shift} indexes, cell 0 starting at {@code origin} (at or just before the window). */
    private record Layout(int shift, long origin) {

        /**
         * The smallest cells that show {@code window} in at most {@code maxCells}, starting on
         * address boundaries (a multiple of the cell size), so the first cell may be cut; when
         * that needs one more cell than allowed, the cells grow.
         */
        static Layout of(AddressRange ar, Window window, int maxCells) {
            int shift = window.shiftFor(maxCells);
            long span = window.last() - window.first();
            long phase = 0;
            while (shift > 0 && shift < 63) {
                phase = AddressMap.addressBits(ar, window.first()) & ((1L << shift) - 1);
                if (Long.compareUnsigned(span + phase, span) < 0) {
                    phase = 0; // a window of 2^64 indexes has no room before it
                    break;
                }
                if (Long.compareUnsigned((span + phase) >>> shift, maxCells - 1L) <= 0) {
                    break;
                }
                shift++;
            }
            return new Layout(shift, window.first() - phase);
        }
    }

    /**
     * The runs of this AR taken by reservations, from the child networks' ARs
     * (a reservation is one run of the parent AR, starting at the child AR's
     * first address): a block shows its reserved share without reading leases.
     */
    private List<IndexRange> reservedRuns(Connection c, VirtualNetwork n, AddressRange ar) throws SQLException {
        List<IndexRange> runs = new ArrayList<>();
        for (VirtualNetwork child : catalog.networks(c)) {
            if (child.parentNetworkId().filter(p -> p == n.id()).isEmpty()) {
                continue;
            }
            for (AddressRange childAr : child.addressRanges()) {
                if (childAr.parentArId().filter(p -> p == ar.id()).isEmpty()) {
                    continue;
                }
                ar.indexOf(Address.parse("ADDRESS", childAr.addressesAt(0).primary())).ifPresent(first -> {
                    long last = first + childAr.lastIndex();
                    runs.add(new IndexRange(first, Long.compareUnsigned(last, ar.lastIndex()) > 0
                            || Long.compareUnsigned(last, first) < 0 ? ar.lastIndex() : last));
                });
            }
        }
        return runs;
    }

    /** How many indexes of {@code r} lie in {@code first..last} (unsigned). */
    private static long overlap(IndexRange r, long first, long last) {
        long lo = Long.compareUnsigned(r.first(), first) > 0 ? r.first() : first;
        long hi = Long.compareUnsigned(r.last(), last) < 0 ? r.last() : last;
        return Long.compareUnsigned(lo, hi) > 0 ? 0 : hi - lo + 1;
    }

    /** The leases of {@code window} counted per owner kind, for a block's tooltip (reads the block's lease keys). */
    Map<Kind, Long> usage(Connection c, VirtualNetwork n, int arId, Window window) throws SQLException {
        range(n, arId, window);
        Map<Kind, Long> out = new EnumMap<>(Kind.class);
        leases.countByKind(c, n.id(), arId, window.first(), window.last()).forEach((k, count) ->
                out.put(k == 'V' ? Kind.VM : k == 'H' ? Kind.HELD : Kind.RESERVED, count));
        return out;
    }

    private static AddressRange range(VirtualNetwork n, int arId, Window window) {
        AddressRange ar = n.addressRange(arId).orElseThrow(() -> new NotFoundException("network " + n.label()
                + " has no address range " + arId));
        if (Long.compareUnsigned(window.first(), window.last()) > 0
                || Long.compareUnsigned(window.last(), ar.lastIndex()) > 0) {
            throw ValidationException.invalid("WINDOW", Long.toUnsignedString(window.first()) + ".."
                    + Long.toUnsignedString(window.last()), "is not inside address range " + arId + " (indexes 0.."
                    + Long.toUnsignedString(ar.lastIndex()) + ")");
        }
        return ar;
    }

    /** "VM 12 NIC 0 (web-1)", "held (HOLD)", "reserved for network 7 (child)". */
    private Owner describe(Connection c, LeaseOwner o) throws SQLException {
        if (o instanceof LeaseOwner.VmNic nic) {
            String base = "VM " + nic.vmId() + " NIC " + nic.nicIndex();
            return new Owner(Kind.VM, o.label(), vms.name(c, nic.vmId()).map(name -> base + " (" + name + ")")
                    .orElse(base));
        }
        if (o instanceof LeaseOwner.Reservation r) {
            String base = "reserved for network " + r.networkId();
            return new Owner(Kind.RESERVED, o.label(), networks.find(c, r.networkId())
                    .map(x -> base + " (" + x.name() + ")").orElse(base));
        }
        // a hold does not record who made it
        return new Owner(Kind.HELD, o.label(), "held (HOLD)");
    }
}
