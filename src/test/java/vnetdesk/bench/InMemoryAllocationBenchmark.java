package vnetdesk.bench;

import static vnetdesk.bench.BenchStats.f0;
import static vnetdesk.bench.BenchStats.f2;
import static vnetdesk.bench.BenchStats.perSecond;
import static vnetdesk.bench.BenchStats.verdict;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import vnetdesk.ipam.UsedIndexSet;

/**
 * Row "IPAM in memory": fills a 10.0.0.0/8 IP4 range (16,777,214 addresses) with
 * lowest-free allocations, releases every other address, fills it again, and
 * measures what the used-index set costs in heap per million used leases.
 */
public final class InMemoryAllocationBenchmark {

    /** Last index of a 10.0.0.0/8 IP4 AR without network and broadcast: 16,777,214 addresses. */
    static final long SLASH8_LAST_INDEX = 16_777_213L;
    private static final double TARGET_ALLOC_PER_SEC = 5_000_000;
    private static final double TARGET_MIB_PER_MILLION = 8.0;
    private static final double MIB = 1024.0 * 1024.0;

    private final long lastIndex;
    private final int rounds;

    InMemoryAllocationBenchmark(boolean quick) {
        this.lastIndex = quick ? 1_048_575L : SLASH8_LAST_INDEX;
        this.rounds = quick ? 2 : 5;
    }

    public static void main(String[] args) {
        new InMemoryAllocationBenchmark(IpamBenchmarks.isQuick(args)).run();
    }

    /** One round's rates in operations per second, by wall clock and per CPU-second of this thread. */
    private record Round(double fill, double release, double refill,
                         double fillCpu, double releaseCpu, double refillCpu) {

        String describe() {
            return "fill " + f0(fill) + "/s (" + f0(fillCpu) + "/CPU-s), release " + f0(release) + "/s ("
                    + f0(releaseCpu) + "/CPU-s), refill " + f0(refill) + "/s (" + f0(refillCpu) + "/CPU-s)";
        }
    }

    void run() {
        long size = lastIndex + 1;
        System.out.println("== IPAM in memory: UsedIndexSet, " + f0(size) + " addresses ==");
        Round warm = round();
        System.out.println("warm-up round: " + warm.describe());
        List<Round> measured = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            BenchStats.settledUsedHeap();
            Round round = round();
            measured.add(round);
            System.out.println("round " + (r + 1) + ": " + round.describe());
        }
        BenchStats.Summary fill = BenchStats.Summary.of(measured.stream().mapToDouble(Round::fill).toArray());
        BenchStats.Summary release = BenchStats.Summary.of(measured.stream().mapToDouble(Round::release).toArray());
        BenchStats.Summary refill = BenchStats.Summary.of(measured.stream().mapToDouble(Round::refill).toArray());
        BenchStats.Summary fillCpu = BenchStats.Summary.of(measured.stream().mapToDouble(Round::fillCpu).toArray());
        BenchStats.Summary releaseCpu = BenchStats.Summary.of(
                measured.stream().mapToDouble(Round::releaseCpu).toArray());
        BenchStats.Summary refillCpu = BenchStats.Summary.of(
                measured.stream().mapToDouble(Round::refillCpu).toArray());

        System.out.println();
        System.out.println("| phase | ops | median ops/s (wall) | min | max | median ops per CPU-second | target | result |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        printRate("allocate every address (allocateLowestFree)", size, fill, fillCpu, true);
        printRate("release every other address (remove)", (size + 1) / 2, release, releaseCpu, false);
        printRate("allocate again until full (allocateLowestFree)", (size + 1) / 2, refill, refillCpu, true);
        System.out.println();
        memory();
    }

    private static void printRate(String phase, long ops, BenchStats.Summary s, BenchStats.Summary cpu,
                                  boolean targeted) {
        System.out.println("| " + phase + " | " + f0(ops) + " | " + f0(s.median()) + " | " + f0(s.min()) + " | "
                + f0(s.max()) + " | " + f0(cpu.median()) + " | " + (targeted ? "≥ 5,000,000/s" : "(none)") + " | "
                + (targeted ? verdict(s.median() >= TARGET_ALLOC_PER_SEC) : "-") + " |");
    }

    /** Fill, release every other, refill; checks that each phase did exactly what it should. */
    private Round round() {
        UsedIndexSet set = new UsedIndexSet(lastIndex);
        BenchStats.Clock t0 = BenchStats.Clock.now();
        long filled = 0;
        for (OptionalLong i = set.allocateLowestFree(); i.isPresent(); i = set.allocateLowestFree()) {
            if (i.getAsLong() != filled) {
                throw new IllegalStateException("fill handed out " + i.getAsLong() + ", expected " + filled);
            }
            filled++;
        }
        BenchStats.Clock t1 = BenchStats.Clock.now();
        long released = 0;
        for (long idx = 0; idx <= lastIndex; idx += 2) {
            if (!set.remove(idx)) {
                throw new IllegalStateException("index " + idx + " was not used");
            }
            released++;
        }
        BenchStats.Clock t2 = BenchStats.Clock.now();
        long refilled = 0;
        for (OptionalLong i = set.allocateLowestFree(); i.isPresent(); i = set.allocateLowestFree()) {
            if (i.getAsLong() != 2 * refilled) {
                throw new IllegalStateException("refill handed out " + i.getAsLong() + ", expected " + 2 * refilled);
            }
            refilled++;
        }
        BenchStats.Clock t3 = BenchStats.Clock.now();
        if (filled != lastIndex + 1 || refilled != released || set.usedCount() != lastIndex + 1) {
            throw new IllegalStateException("filled " + filled + ", released " + released + ", refilled " + refilled);
        }
        BenchStats.Clock a = t1.since(t0);
        BenchStats.Clock b = t2.since(t1);
        BenchStats.Clock c = t3.since(t2);
        return new Round(perSecond(filled, a.wall()), perSecond(released, b.wall()), perSecond(refilled, c.wall()),
                perSecond(filled, a.threadCpu()), perSecond(released, b.threadCpu()),
                perSecond(refilled, c.threadCpu()));
    }

    /** Estimated and measured heap per million used indexes, for dense, half-used and sparse layouts. */
    private void memory() {
        long size = lastIndex + 1;
        System.out.println("| layout | used | estimatedMemoryBytes | MiB per million (estimate) "
                + "| measured heap delta, median of 5 | MiB per million (measured) | target ≤ 8 MiB/M |");
        System.out.println("|---|---|---|---|---|---|---|");
        memoryRow("/8 fully allocated (fill phase end)", true, () -> {
            UsedIndexSet s = new UsedIndexSet(lastIndex);
            for (long i = 0; i < size; i++) {
                s.add(i);
            }
            return s;
        });
        memoryRow("/8 every other address used (release phase end)", true, () -> {
            UsedIndexSet s = new UsedIndexSet(lastIndex);
            for (long i = 1; i < size; i += 2) {
                s.add(i);
            }
            return s;
        });
        memoryRow("/8 every 16th address used (array containers)", false, () -> {
            UsedIndexSet s = new UsedIndexSet(lastIndex);
            for (long i = 0; i < size; i += 16) {
                s.add(i);
            }
            return s;
        });
        memoryRow("IPv6 /64, 1,000,000 random addresses (one container each)", false, () -> {
            UsedIndexSet s = new UsedIndexSet(-1L);
            SplittableRandom random = new SplittableRandom(42);
            while (s.usedCount() < 1_000_000) {
                s.add(random.nextLong());
            }
            return s;
        });
    }

    private static void memoryRow(String layout, boolean targeted, Supplier<UsedIndexSet> build) {
        double[] deltas = new double[5];
        for (int r = 0; r < deltas.length; r++) {
            deltas[r] = heapDelta(build);
        }
        UsedIndexSet set = build.get();
        long used = set.usedCount();
        double millions = used / 1_000_000.0;
        long estimate = set.estimatedMemoryBytes();
        double measured = BenchStats.Summary.of(deltas).median();
        double estPerM = estimate / MIB / millions;
        double measPerM = measured / MIB / millions;
        boolean ok = Math.max(estPerM, measPerM) <= TARGET_MIB_PER_MILLION;
        System.out.println("| " + layout + " | " + f0(used) + " | " + f0(estimate) + " | " + f2(estPerM) + " | "
                + f0(measured) + " B | " + f2(measPerM) + " | "
                + (targeted ? verdict(ok) : "(not the target workload) " + verdict(ok)) + " |");
    }

    /**
     * Heap retained by one freshly built set. A method of its own so that no stack slot
     * still holds the set of a previous repetition when "before" is read.
     */
    private static long heapDelta(Supplier<UsedIndexSet> build) {
        long before = BenchStats.settledUsedHeap();
        UsedIndexSet set = build.get();
        long after = BenchStats.settledUsedHeap();
        Reference.reachabilityFence(set);
        return after - before;
    }
}
