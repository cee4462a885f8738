package vnetdesk.bench;

import static vnetdesk.bench.BenchStats.f0;
import static vnetdesk.bench.BenchStats.f2;
import static vnetdesk.bench.BenchStats.millis;
import static vnetdesk.bench.BenchStats.verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import vnetdesk.host.apply.ApplyReport;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.service.host.HostEngine;

/**
 * Host-engine rows "parallel apply" and "no-op" (issue 11), on a
 * {@link HostBenchLab}: per round, some hosts (all, or a sample spread over
 * the lab) applied alone from scratch (one {@code HostEngine.apply} of one
 * host after another: the slowest of them is the round's "slowest single
 * host"), then all hosts again from
 * scratch in one {@code HostEngine.apply} with a pool as large as the lab,
 * then the same call once more, when every host is already in sync. Each
 * call is timed whole: inventory read, compile, SSH login and root check,
 * probe, read, plan, commands, read-back and the outcome written to H2.
 * Every outcome is checked (APPLIED, then NOTHING_TO_DO). Never asserted.
 */
final class HostApplyBenchmark {

    private static final double TARGET_RATIO = 1.5;

    private final HostBenchLab lab;
    private final int rounds;
    private final int singles;

    /** {@code singles}: how many hosts, spread evenly over the lab, are applied alone in each round. */
    HostApplyBenchmark(HostBenchLab lab, int rounds, int singles) {
        this.lab = lab;
        this.rounds = rounds;
        this.singles = Math.min(singles, lab.refs().size());
    }

    void run() {
        List<ObjectRef> all = lab.refs();
        int n = all.size();
        List<ObjectRef> alone = new ArrayList<>();
        for (int i = 0; i < singles; i++) {
            alone.add(all.get(i * n / singles));
        }
        List<Double> aloneMs = new ArrayList<>();
        double[] slowestSingle = new double[rounds];
        double[] parallel = new double[rounds];
        double[] noop = new double[rounds];
        double[] busy = new double[rounds];
        double[] ratio = new double[rounds];
        double[] consoleCpu = new double[rounds];
        double[] speedup = new double[rounds];
        HostEngine.HostApply sample = null;
        for (int r = -1; r < rounds; r++) {
            lab.reset();
            double slowest = 0;
            double sumAlone = 0;
            for (ObjectRef ref : alone) {
                long start = System.nanoTime();
                sample = lab.apply(List.of(ref), HostApplyOutcome.Result.APPLIED).get(0);
                double took = millis(System.nanoTime() - start);
                slowest = Math.max(slowest, took);
                sumAlone += took;
                if (r >= 0) {
                    aloneMs.add(took);
                }
            }
            lab.reset();
            long[] cpuBefore = cpuJiffies();
            long jvmBefore = jvmCpuNanos();
            long start = System.nanoTime();
            lab.apply(all, HostApplyOutcome.Result.APPLIED);
            double par = millis(System.nanoTime() - start);
            double jvm = millis(jvmCpuNanos() - jvmBefore);
            long[] cpuAfter = cpuJiffies();
            start = System.nanoTime();
            lab.apply(all, HostApplyOutcome.Result.NOTHING_TO_DO);
            double idle = millis(System.nanoTime() - start);
            String label = r < 0 ? "warm-up" : "round " + (r + 1);
            System.out.println(label + ": slowest single " + f0(slowest) + " ms, " + n + " in parallel " + f0(par)
                    + " ms (ratio " + f2(par / slowest) + ", machine CPU busy " + f0(busyPercent(cpuBefore, cpuAfter))
                    + " %, console JVM CPU " + f0(jvm) + " ms, " + singles + " alone one after another "
                    + f0(sumAlone) + " ms), no-op over " + n + " " + f0(idle) + " ms; load " + BenchStats.loadAverage());
            if (r >= 0) {
                slowestSingle[r] = slowest;
                parallel[r] = par;
                noop[r] = idle;
                busy[r] = busyPercent(cpuBefore, cpuAfter);
                ratio[r] = par / slowest;
                consoleCpu[r] = jvm;
                speedup[r] = sumAlone * n / singles / par;
            }
        }
        ApplyReport report = sample.report().orElseThrow();
        System.out.println();
        System.out.println("per host: " + report.plan().steps().size() + " steps, " + report.changingCommands()
                + " changing commands, " + report.log().size() + " commands in all (with the reads and the read-back)"
                + ", plus the login's `id -u` and the probe");
        System.out.println();
        System.out.println("| workload | runs | median ms | min | max | target | result |");
        System.out.println("|---|---|---|---|---|---|---|");
        double[] single = aloneMs.stream().mapToDouble(Double::doubleValue).toArray();
        row("one host alone, from scratch (" + singles + " of the " + n + " hosts in each round)", single, "", "");
        row("slowest single host of a round (of those " + singles + ")", slowestSingle, "", "");
        BenchStats.Summary p = BenchStats.Summary.of(parallel);
        BenchStats.Summary s = BenchStats.Summary.of(slowestSingle);
        row(n + " hosts in parallel, from scratch", parallel, "≤ 1.5 × slowest single ("
                + f0(TARGET_RATIO * s.median()) + " ms)", verdict(p.median() <= TARGET_RATIO * s.median()));
        row("no-op: " + n + " hosts already in sync, in parallel", noop, "(none)", "-");
        BenchStats.Summary q = BenchStats.Summary.of(ratio);
        System.out.println();
        System.out.println("parallel / slowest single: median of the medians " + f2(p.median() / s.median())
                + "; per round median " + f2(q.median()) + " (" + f2(q.min()) + "–" + f2(q.max()) + "); machine CPU"
                + " busy during the parallel apply: median " + f0(BenchStats.Summary.of(busy).median()) + " % of all "
                + Runtime.getRuntime().availableProcessors() + " cores together");
        System.out.println("the console's own CPU (this JVM) during the parallel apply: median "
                + f0(BenchStats.Summary.of(consoleCpu).median()) + " ms; speed-up over applying the hosts one after"
                + " another: median " + f2(BenchStats.Summary.of(speedup).median()) + " × on "
                + Runtime.getRuntime().availableProcessors() + " cores that also run every lab host's sshd and tools");
    }

    /** CPU time this JVM has used (all threads). */
    private static long jvmCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static void row(String name, double[] samples, String target, String result) {
        BenchStats.Summary s = BenchStats.Summary.of(samples);
        System.out.println("| " + name + " | " + s.count() + " | " + f0(s.median()) + " | " + f0(s.min()) + " | "
                + f0(s.max()) + " | " + (target.isEmpty() ? "" : target) + " | " + result + " |");
    }

    /** The machine's busy and total jiffies from the first line of /proc/stat (idle and iowait are not busy). */
    static long[] cpuJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] v = Arrays.stream(f, 1, Math.min(f.length, 9)).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(v).sum();
            return new long[] {total - v[3] - v[4], total};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double busyPercent(long[] before, long[] after) {
        long total = after[1] - before[1];
        return total == 0 ? 0 : 100.0 * (after[0] - before[0]) / total;
    }
}
