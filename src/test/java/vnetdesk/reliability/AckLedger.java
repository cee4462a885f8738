package vnetdesk.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import vnetdesk.model.Ipv4;
import vnetdesk.model.LeaseOwner;

/**
 * What the crash worker acknowledged, accumulated over all rounds: the holds it
 * has (acknowledged and not released), the VM NIC leases and the reservations;
 * plus the one operation that was in flight when the worker was killed.
 */
final class AckLedger {

    /** An operation the worker started ({@code TRY}) but did not answer before it was killed. */
    record InFlight(String op, List<String> args) {
    }

    /** An acknowledged reservation: child network id, size and name. */
    record Reservation(int childId, int size, String name) {
    }

    private final Set<String> held = new LinkedHashSet<>();
    private final Map<String, LeaseOwner.VmNic> vmLeases = new HashMap<>();
    private final Map<Integer, Reservation> reservations = new TreeMap<>();
    private final Map<String, Integer> acks = new TreeMap<>();
    private final Map<String, Integer> nacks = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * Applies the lines of one round (in order) and returns the operation left
     * in flight, if any. Lines that are not part of the protocol are recorded as problems.
     */
    Optional<InFlight> applyRound(List<String> lines) {
        Optional<InFlight> open = Optional.empty();
        for (String line : lines) {
            String[] w = line.split(" ");
            switch (w[0]) {
                case "READY" -> { }
                case "TRY" -> {
                    if (open.isPresent()) {
                        problems.add("TRY before the previous operation was answered: " + line);
                    }
                    open = Optional.of(new InFlight(w[1], List.of(w).subList(2, w.length)));
                }
                case "ACK" -> {
                    expectOpen(open, w[1], line);
                    open = Optional.empty();
                    acknowledge(w);
                    acks.merge(w[1], 1, Integer::sum);
                }
                case "NACK" -> {
                    expectOpen(open, w[1], line);
                    open = Optional.empty();
                    nacks.merge(w[1], 1, Integer::sum);
                    if (w[1].equals("release")) {
                        problems.add("a release of the worker's own hold was refused: " + line);
                    }
                }
                default -> problems.add("unexpected output line: " + line);
            }
        }
        return open;
    }

    private void expectOpen(Optional<InFlight> open, String op, String line) {
        if (open.isEmpty() || !open.get().op().equals(op)) {
            problems.add("answer without a matching TRY: " + line);
        }
    }

    private void acknowledge(String[] w) {
        switch (w[1]) {
            case "hold" -> {
                for (int i = 2; i < w.length; i++) {
                    if (!held.add(w[i])) {
                        problems.add("hold acknowledged twice without a release: " + w[i]);
                    }
                }
            }
            case "release" -> {
                for (int i = 3; i < w.length; i++) {
                    if (!held.remove(w[i])) {
                        problems.add("release acknowledged for an address not acknowledged as held: " + w[i]);
                    }
                }
                if (Integer.parseInt(w[2]) != w.length - 3) {
                    problems.add("release returned " + w[2] + " for " + (w.length - 3) + " addresses");
                }
            }
            case "alloc" -> {
                LeaseOwner.VmNic owner = new LeaseOwner.VmNic(Integer.parseInt(w[2]), Integer.parseInt(w[3]));
                if (vmLeases.put(w[4], owner) != null) {
                    problems.add("address allocated twice: " + w[4]);
                }
            }
            case "reserve" -> {
                int child = Integer.parseInt(w[2]);
                if (reservations.put(child, new Reservation(child, Integer.parseInt(w[3]), w[4])) != null) {
                    problems.add("reservation id acknowledged twice: " + child);
                }
            }
            default -> problems.add("unknown operation acknowledged: " + String.join(" ", w));
        }
    }

    /** The IPv4 addresses a hold request names (single addresses and FIRST-LAST ranges). */
    static Set<String> expand(List<String> tokens) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tokens) {
            int dash = t.indexOf('-');
            if (dash < 0) {
                out.add(t);
                continue;
            }
            Ipv4 first = Ipv4.parse("ADDRESS", t.substring(0, dash));
            Ipv4 last = Ipv4.parse("ADDRESS", t.substring(dash + 1));
            for (long ip = first.unsigned(); ip <= last.unsigned(); ip++) {
                out.add(Ipv4.ofUnsigned(ip).toString());
            }
        }
        return out;
    }

    /** Replaces the hold set by the one observed after an in-flight hold or release was judged atomic. */
    void settleHolds(Set<String> observed) {
        held.clear();
        held.addAll(observed);
    }

    void settleAllocation(String address, LeaseOwner.VmNic owner) {
        vmLeases.put(address, owner);
    }

    void settleReservation(Reservation r) {
        reservations.put(r.childId(), r);
    }

    Set<String> held() {
        return Set.copyOf(held);
    }

    Map<String, LeaseOwner.VmNic> vmLeases() {
        return Map.copyOf(vmLeases);
    }

    Map<Integer, Reservation> reservations() {
        return Map.copyOf(reservations);
    }

    Map<String, Integer> acks() {
        return Map.copyOf(acks);
    }

    Map<String, Integer> nacks() {
        return Map.copyOf(nacks);
    }

    int totalAcks() {
        return acks.values().stream().mapToInt(Integer::intValue).sum();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
