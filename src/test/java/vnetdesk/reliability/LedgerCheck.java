package vnetdesk.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import vnetdesk.model.AddressRange;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.reliability.AckLedger.InFlight;
import vnetdesk.reliability.AckLedger.Reservation;

/**
 * Compares what the crash worker acknowledged with what the inventory holds
 * after a kill. Acknowledged operations must all be there and nothing else,
 * except the one operation in flight at the kill, which must be there
 * completely or not at all; the ledger then adopts the observed outcome.
 */
final class LedgerCheck {

    private final AckLedger ledger;
    private final InventorySnapshot snapshot;
    private final int networkId;
    private final Optional<InFlight> inFlight;
    private final List<String> violations = new ArrayList<>();
    private boolean inFlightCommitted;

    private LedgerCheck(AckLedger ledger, InventorySnapshot snapshot, int networkId, Optional<InFlight> inFlight) {
        this.ledger = ledger;
        this.snapshot = snapshot;
        this.networkId = networkId;
        this.inFlight = inFlight;
    }

    /** The outcome of one comparison: violations, and whether the in-flight operation had committed. */
    record Result(List<String> violations, boolean inFlightCommitted) {
    }

    static Result compare(AckLedger ledger, InventorySnapshot snapshot, int networkId, Optional<InFlight> inFlight) {
        LedgerCheck check = new LedgerCheck(ledger, snapshot, networkId, inFlight);
        Map<String, LeaseOwner> owners = snapshot.ownersByAddress(networkId);
        check.holds(owners);
        check.allocations(owners);
        check.reservations(owners);
        return new Result(List.copyOf(check.violations), check.inFlightCommitted);
    }

    private boolean inFlightIs(String op) {
        return inFlight.filter(f -> f.op().equals(op)).isPresent();
    }

    private void holds(Map<String, LeaseOwner> owners) {
        Set<String> observed = new TreeSet<>();
        owners.forEach((address, owner) -> {
            if (owner instanceof LeaseOwner.Hold) {
                observed.add(address);
            }
        });
        Set<String> acked = ledger.held();
        if (observed.equals(acked)) {
            return;
        }
        if (inFlightIs("hold")) {
            Set<String> requested = AckLedger.expand(inFlight.get().args());
            Set<String> all = new HashSet<>(acked);
            all.addAll(requested);
            if (disjoint(requested, acked) && observed.equals(all)) {
                inFlightCommitted = true;
                ledger.settleHolds(observed);
                return;
            }
        }
        if (inFlightIs("release")) {
            Set<String> rest = new HashSet<>(acked);
            rest.removeAll(inFlight.get().args());
            if (acked.containsAll(inFlight.get().args()) && observed.equals(rest)) {
                inFlightCommitted = true;
                ledger.settleHolds(observed);
                return;
            }
        }
        for (String a : new TreeSet<>(acked)) {
            if (!observed.contains(a)) {
                violations.add("acknowledged hold of " + a + " (not released since) is lost: it is "
                        + Optional.ofNullable(owners.get(a)).map(LeaseOwner::label).orElse("free"));
            }
        }
        for (String a : observed) {
            if (!acked.contains(a)) {
                violations.add(a + " is held although no hold of it is acknowledged (or its release was)"
                        + inFlightNote());
            }
        }
    }

    private void allocations(Map<String, LeaseOwner> owners) {
        Map<String, LeaseOwner.VmNic> observed = new HashMap<>();
        owners.forEach((address, owner) -> {
            if (owner instanceof LeaseOwner.VmNic v) {
                observed.put(address, v);
            }
        });
        Map<String, LeaseOwner.VmNic> acked = ledger.vmLeases();
        if (observed.equals(acked)) {
            return;
        }
        Map<String, LeaseOwner.VmNic> extra = new HashMap<>(observed);
        extra.keySet().removeAll(acked.keySet());
        if (inFlightIs("alloc") && extra.size() == 1 && observed.entrySet().containsAll(acked.entrySet())) {
            Map.Entry<String, LeaseOwner.VmNic> e = extra.entrySet().iterator().next();
            List<String> args = inFlight.get().args();
            LeaseOwner.VmNic requested = new LeaseOwner.VmNic(Integer.parseInt(args.get(0)),
                    Integer.parseInt(args.get(1)));
            if (e.getValue().equals(requested)) {
                inFlightCommitted = true;
                ledger.settleAllocation(e.getKey(), e.getValue());
                return;
            }
        }
        acked.forEach((address, owner) -> {
            if (!owner.equals(observed.get(address))) {
                violations.add("acknowledged allocation of " + address + " to " + owner.label() + " is lost: it is "
                        + Optional.ofNullable(owners.get(address)).map(LeaseOwner::label).orElse("free"));
            }
        });
        extra.forEach((address, owner) -> violations.add(address + " is allocated to " + owner.label()
                + " although that allocation was never acknowledged" + inFlightNote()));
    }

    private void reservations(Map<String, LeaseOwner> owners) {
        Map<Integer, Set<String>> parentLeases = new HashMap<>();
        owners.forEach((address, owner) -> {
            if (owner instanceof LeaseOwner.Reservation r) {
                parentLeases.computeIfAbsent(r.networkId(), k -> new TreeSet<>()).add(address);
            }
        });
        Map<Integer, Reservation> acked = ledger.reservations();
        for (Reservation r : acked.values()) {
            VirtualNetwork child = snapshot.networks().get(r.childId());
            if (child == null) {
                violations.add("acknowledged reservation " + r + " is lost: network " + r.childId()
                        + " does not exist");
            } else {
                checkReservation(r, child, parentLeases.getOrDefault(r.childId(), Set.of()));
            }
        }
        for (VirtualNetwork n : snapshot.networks().values()) {
            if (n.parentNetworkId().filter(p -> p == networkId).isEmpty() || acked.containsKey(n.id())) {
                continue;
            }
            Optional<Reservation> pending = inFlight.filter(f -> f.op().equals("reserve"))
                    .map(f -> new Reservation(n.id(), Integer.parseInt(f.args().get(1)), f.args().get(0)))
                    .filter(p -> p.name().equals(n.name()));
            if (pending.isPresent() && !inFlightCommitted) {
                inFlightCommitted = true;
                checkReservation(pending.get(), n, parentLeases.getOrDefault(n.id(), Set.of()));
                ledger.settleReservation(pending.get());
            } else {
                violations.add("reservation " + n.label() + " exists although it was never acknowledged"
                        + inFlightNote());
            }
        }
        parentLeases.keySet().stream().filter(id -> !snapshot.networks().containsKey(id))
                .forEach(id -> violations.add("parent leases owned by NET:" + id + " but that network does not exist"));
    }

    /** The child network has the name and size, and its addresses are exactly the parent leases it owns. */
    private void checkReservation(Reservation r, VirtualNetwork child, Set<String> parentLeases) {
        Set<String> childAddresses = new TreeSet<>();
        for (AddressRange ar : child.addressRanges()) {
            for (long i = 0; i <= ar.lastIndex(); i++) {
                childAddresses.add(ar.addressesAt(i).primary());
            }
        }
        if (!child.name().equals(r.name()) || childAddresses.size() != r.size()) {
            violations.add("reservation " + r + " stored as " + child.label() + " with " + childAddresses.size()
                    + " addresses");
        }
        if (!childAddresses.equals(parentLeases)) {
            violations.add("reservation " + r + ": its addresses " + childAddresses
                    + " differ from the parent leases owned by NET:" + r.childId() + " " + parentLeases);
        }
    }

    private String inFlightNote() {
        return inFlight.map(f -> "; in flight at the kill: " + f).orElse("");
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }
}
