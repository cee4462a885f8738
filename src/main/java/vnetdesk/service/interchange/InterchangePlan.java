package vnetdesk.service.interchange;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import vnetdesk.ipam.UsedIndexSet;
import vnetdesk.model.AddressRange;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.Progress;
import vnetdesk.service.core.AllocatorCache;
import vnetdesk.service.core.ErrorContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.LeaseRepository.LeaseRow;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.NetworkRepository;

/**
 * Networks a restore or an import is about to write, with their leases. It
 * checks what spans objects — names unique per owner, each lease inside its
 * AR and listed once, every reservation matching the block its parent holds
 * for it, lease by lease — and then writes everything in the caller's
 * transaction, parents before their reservations.
 *
 * <p>Use: {@link #add} every network, {@link #linkReservations}, {@link #addLease}
 * every lease, {@link #checkReservationCoverage}, then {@link #writeNetworks} (unless the
 * caller stored them already) and {@link #writeLeases}.
 */
final class InterchangePlan {

    private static final int INSERT_BATCH = 10_000;

    /** One network, where it came from, and its leases per AR id. */
    private static final class Planned {
        final VirtualNetwork network;
        final String label;
        final Map<Integer, ArLeases> leases = new LinkedHashMap<>();
        /** For a reservation: its blocks per parent AR id. */
        final Map<Integer, List<Block>> blocks = new HashMap<>();
        /** For a reservation: how many parent leases name it, per parent AR id. */
        final Map<Integer, Long> parentLeases = new HashMap<>();

        Planned(VirtualNetwork network, String label) {
            this.network = network;
            this.label = label;
        }
    }

    /** The leases of one AR, and the indexes seen so far. */
    private static final class ArLeases {
        final AddressRange ar;
        final UsedIndexSet used;
        final List<LeaseRow> rows = new ArrayList<>();
        OptionalLong roundRobinCursor = OptionalLong.empty();

        ArLeases(AddressRange ar) {
            this.ar = ar;
            this.used = new UsedIndexSet(ar.lastIndex());
        }
    }

    /** The parent indexes one reservation AR stands for. */
    private record Block(int childArId, long first, long lastIndex) {
        boolean contains(long index) {
            return Long.compareUnsigned(index, first) >= 0 && Long.compareUnsigned(index - first, lastIndex) <= 0;
        }
    }

    private final Map<Integer, Planned> networks = new LinkedHashMap<>();
    private final Map<String, String> namesByOwner = new HashMap<>();

    /** Adds a network; {@code label} says where it came from ("file.xml: network 3:web"). */
    void add(VirtualNetwork n, String label) {
        String key = n.ownership().uid() + "/" + n.name();
        String other = namesByOwner.putIfAbsent(key, label);
        if (other != null) {
            throw new ConflictException(label + ": NAME: another network of the same owner in this file is also called \""
                    + ValidationException.printable(n.name()) + "\" (" + other + ")");
        }
        Planned p = new Planned(n, label);
        for (AddressRange ar : n.addressRanges()) {
            p.leases.put(ar.id(), new ArLeases(ar));
        }
        networks.put(n.id(), p);
    }

    /**
     * Checks every reservation against its parent: the parent is in the plan and
     * is not itself a reservation, and each AR of the reservation is a block of
     * the parent AR it names, with the same addresses.
     */
    void linkReservations() {
        for (Planned child : networks.values()) {
            VirtualNetwork n = child.network;
            if (n.parentNetworkId().isEmpty()) {
                for (AddressRange ar : n.addressRanges()) {
                    if (ar.parentArId().isPresent()) {
                        throw new ValidationException("PARENT_NETWORK_AR_ID", child.label + ", address range " + ar.id()
                                + ": PARENT_NETWORK_AR_ID: only the address ranges of a reservation have a parent AR");
                    }
                }
                continue;
            }
            int parentId = n.parentNetworkId().get();
            Planned parent = networks.get(parentId);
            if (parent == null || parentId == n.id()) {
                throw new ValidationException("parentNetworkId", child.label + ": parentNetworkId: network " + parentId
                        + " is not in the file; a reservation is restored together with the network it was reserved from");
            }
            if (parent.network.isReservation()) {
                throw new ValidationException("parentNetworkId", child.label + ": parentNetworkId: network "
                        + parent.network.label() + " is itself a reservation; reservations are taken from plain networks");
            }
            for (AddressRange ar : n.addressRanges()) {
                Block block = ErrorContext.in(child.label + ", address range " + ar.id(), () -> block(parent, ar));
                child.blocks.computeIfAbsent(ar.parentArId().orElseThrow(), k -> new ArrayList<>()).add(block);
            }
        }
    }

    private static Block block(Planned parent, AddressRange ar) {
        int parentArId = ar.parentArId().orElseThrow(() -> ValidationException.missing("PARENT_NETWORK_AR_ID"));
        VirtualNetwork p = parent.network;
        AddressRange from = p.addressRange(parentArId).orElseThrow(() -> ValidationException.invalid(
                "PARENT_NETWORK_AR_ID", parentArId, "network " + p.label() + " has no such address range"));
        OptionalLong first = firstIndexIn(from, ar);
        boolean fits = first.isPresent() && from.firstMac().plus(first.getAsLong()).equals(ar.firstMac())
                && Long.compareUnsigned(ar.lastIndex(), from.lastIndex() - first.getAsLong()) <= 0;
        if (!fits) {
            throw ValidationException.invalid("MAC", ar.firstMac(), "the reservation's " + ar.size()
                    + " addresses are not inside address range " + parentArId + " of network " + p.label());
        }
        if (!from.type().startingAt(first.getAsLong()).equals(ar.type())) {
            throw ValidationException.invalid("TYPE", ar.type().typeName(), "the addresses do not match those of"
                    + " address range " + parentArId + " of network " + p.label() + " from MAC " + ar.firstMac());
        }
        return new Block(ar.id(), first.getAsLong(), ar.lastIndex());
    }

    /** Where a reservation AR starts in its parent AR: by IP when it has one, as a MAC repeats every 2^32 addresses. */
    private static OptionalLong firstIndexIn(AddressRange parent, AddressRange ar) {
        if (ar.type().firstIp().isPresent()) {
            return parent.indexOf(ar.type().firstIp().get());
        }
        if (ar.type().firstIp6().isPresent()) {
            return parent.indexOf(ar.type().firstIp6().get());
        }
        return parent.indexOf(ar.firstMac());
    }

    /**
     * Adds one lease; {@code label} says where it came from. Refuses an index
     * outside the AR, an index listed twice, and a reservation owner that is not
     * a reservation of this network covering the address.
     */
    void addLease(int networkId, int arId, long index, LeaseOwner owner, String label) {
        Planned p = networks.get(networkId);
        ArLeases l = p.leases.get(arId);
        ErrorContext.in(label, () -> {
            if (!l.ar.containsIndex(index)) {
                throw ValidationException.invalid("index", Long.toUnsignedString(index), "outside address range "
                        + arId + " (indexes 0 to " + Long.toUnsignedString(l.ar.lastIndex()) + ")");
            }
            String address = l.ar.addressesAt(index).primary();
            if (!l.used.add(index)) {
                throw ValidationException.invalid("index", Long.toUnsignedString(index), "the lease of " + address
                        + " is listed twice in address range " + arId);
            }
            if (owner instanceof LeaseOwner.Reservation r) {
                checkReservationLease(p, arId, index, address, r);
            }
            return null;
        });
        l.rows.add(new LeaseRow(networkId, arId, index, owner));
    }

    private void checkReservationLease(Planned p, int arId, long index, String address, LeaseOwner.Reservation r) {
        Planned child = networks.get(r.networkId());
        if (child == null || child.network.parentNetworkId().filter(id -> id == p.network.id()).isEmpty()) {
            throw ValidationException.invalid("owner", r.label(), "network " + r.networkId() + " is not a reservation of"
                    + " network " + p.network.label() + " in this file, so it cannot hold " + address);
        }
        boolean covered = child.blocks.getOrDefault(arId, List.of()).stream().anyMatch(b -> b.contains(index));
        if (!covered) {
            throw ValidationException.invalid("owner", r.label(), address + " is not inside any address range of"
                    + " reservation " + child.network.label());
        }
        child.parentLeases.merge(arId, 1L, Long::sum);
    }

    /** Sets where round-robin allocation continues in one AR; the index must be inside the AR. */
    void setRoundRobinCursor(int networkId, int arId, long cursor, String label) {
        ArLeases l = networks.get(networkId).leases.get(arId);
        if (!l.ar.containsIndex(cursor)) {
            throw new ValidationException("roundRobinCursor", label + ": roundRobinCursor: invalid value \""
                    + Long.toUnsignedString(cursor) + "\": outside address range " + arId);
        }
        l.roundRobinCursor = OptionalLong.of(cursor);
    }

    /** Checks that each reservation's blocks are held for it in its parent, address by address. */
    void checkReservationCoverage() {
        for (Planned child : networks.values()) {
            for (Map.Entry<Integer, List<Block>> e : child.blocks.entrySet()) {
                BigInteger expected = BigInteger.ZERO;
                for (Block b : e.getValue()) {
                    expected = expected.add(AddressRange.sizeOf(b.lastIndex()));
                }
                long held = child.parentLeases.getOrDefault(e.getKey(), 0L);
                if (!expected.equals(BigInteger.valueOf(held))) {
                    throw new ValidationException("leases", child.label + ": its address ranges cover " + expected
                            + " addresses of address range " + e.getKey() + " of network "
                            + networks.get(child.network.parentNetworkId().orElseThrow()).network.label()
                            + ", but that network holds " + held + " of them for it (owner "
                            + new LeaseOwner.Reservation(child.network.id()).label() + "; the parent's LEASES, or"
                            + " in the list form its ALLOCATED, list the reserved addresses)");
                }
            }
        }
    }

    /** Writes the networks with their ARs, parents first; returns their ids in that order. */
    List<Integer> writeNetworks(Connection c, Tx.Hooks hooks, NetworkRepository networkRepository,
                                AllocatorCache cache, Progress progress) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        List<Planned> order = parentsFirst();
        progress.phase("importing networks");
        progress.step(0, order.size());
        for (Planned p : order) {
            int id = p.network.id();
            // a restored id may have belonged to a deleted network: never trust a cached used set for it
            hooks.afterCommit(() -> cache.discardNetwork(id));
            hooks.afterRollback(() -> cache.discardNetwork(id));
            networkRepository.insert(c, p.network);
            ids.add(id);
            progress.step(ids.size(), order.size());
        }
        return ids;
    }

    /**
     * Writes the leases and round-robin cursors of the networks, which must be stored already, and
     * moves the VM id sequence past every VM a lease names: such a VM exists somewhere (here, in the
     * backup's VMs, or in the cloud the file came from), so no new VM may take its id.
     */
    void writeLeases(Connection c, LeaseRepository leaseRepository, NetworkRepository ids, Progress progress)
            throws SQLException {
        int highestVm = -1;
        long total = networks.values().stream().flatMap(p -> p.leases.values().stream())
                .mapToLong(l -> l.rows.size()).sum();
        long done = 0;
        progress.phase("importing leases");
        progress.step(0, total);
        for (Planned p : parentsFirst()) {
            for (ArLeases l : p.leases.values()) {
                if (l.rows.isEmpty() && l.roundRobinCursor.isEmpty()) {
                    continue;
                }
                for (LeaseRow row : l.rows) {
                    if (row.owner() instanceof LeaseOwner.VmNic vm) {
                        highestVm = Math.max(highestVm, vm.vmId());
                    }
                }
                for (int from = 0; from < l.rows.size(); from += INSERT_BATCH) {
                    int to = Math.min(l.rows.size(), from + INSERT_BATCH);
                    leaseRepository.insert(c, l.rows.subList(from, to));
                    done += to - from;
                    progress.step(done, total);
                }
                long version = leaseRepository.readAr(c, p.network.id(), l.ar.id()).orElseThrow().version();
                leaseRepository.touchAr(c, p.network.id(), l.ar.id(), version, l.rows.size(), l.roundRobinCursor);
            }
        }
        if (highestVm >= 0) {
            ids.moveIdSequencePast(c, "VM", highestVm);
        }
    }

    private List<Planned> parentsFirst() {
        List<Planned> order = new ArrayList<>();
        networks.values().stream().filter(p -> !p.network.isReservation()).forEach(order::add);
        networks.values().stream().filter(p -> p.network.isReservation()).forEach(order::add);
        return order;
    }
}
