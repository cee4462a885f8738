package vnetdesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Small numeric helpers shared by the IPAM benchmarks: order statistics over
 * repeated measurements, a settled heap reading, and fixed-locale formatting so
 * the printed figures can be pasted into docs/benchmarks.md unchanged.
 */
final class BenchStats {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BenchStats() {
    }

    /**
     * A point in time on three clocks: wall, CPU of the calling thread, CPU of the whole
     * process. The machine is shared with other builds, so wall time alone can hide
     * whether a miss is our cost or waiting for a core; the CPU clocks tell them apart.
     */
    record Clock(long wall, long threadCpu, long processCpu) {

        static Clock now() {
            return new Clock(System.nanoTime(), THREADS.getCurrentThreadCpuTime(), processCpuNanos());
        }

        /** Elapsed on each clock since {@code start}, in nanoseconds. */
        Clock since(Clock start) {
            return new Clock(wall - start.wall, threadCpu - start.threadCpu, processCpu - start.processCpu);
        }
    }

    static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Median, minimum, maximum and 99th percentile (nearest rank) of a set of samples. */
    record Summary(double median, double min, double max, double p99, int count) {

        static Summary of(double[] samples) {
            if (samples.length == 0) {
                throw new IllegalArgumentException("no samples");
            }
            double[] s = samples.clone();
            Arrays.sort(s);
            return new Summary(percentile(s, 50), s[0], s[s.length - 1], percentile(s, 99), s.length);
        }
    }

    /** The nearest-rank percentile of an ascending array. */
    static double percentile(double[] sorted, double pct) {
        int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    static double perSecond(long operations, long nanos) {
        return operations * 1_000_000_000.0 / nanos;
    }

    /**
     * Used heap after repeated full collections; several System.gc calls because one
     * may leave finalizable or soft-referenced garbage for the next cycle.
     */
    static long settledUsedHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%,.3f", v);
    }

    /** PASS when {@code ok}, else MISS. */
    static String verdict(boolean ok) {
        return ok ? "PASS" : "MISS";
    }
}
