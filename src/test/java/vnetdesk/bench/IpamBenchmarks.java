package vnetdesk.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one entry point for the IPAM rows of the performance table (spec
 * 50-quality.md): runs the in-memory, persisted, huge-range and lookup
 * benchmarks, all or the ones named on the command line, and prints their
 * figures as Markdown tables. Not a JUnit test: timings are reported, never asserted.
 *
 * <p>Arguments: {@code all} or any of {@code memory persisted huge lookup};
 * {@code --quick} shrinks every workload to check the harness, not to measure.
 */
public final class IpamBenchmarks {

    private static final List<String> NAMES = List.of("memory", "persisted", "huge", "lookup");

    private IpamBenchmarks() {
    }

    public static void main(String[] args) {
        boolean quick = isQuick(args);
        List<String> chosen = new ArrayList<>();
        for (String arg : args) {
            String a = arg.toLowerCase(Locale.ROOT);
            if (a.equals("all")) {
                chosen.addAll(NAMES);
            } else if (NAMES.contains(a)) {
                chosen.add(a);
            } else if (!a.equals("--quick")) {
                System.err.println("unknown benchmark \"" + arg + "\"; use all, " + String.join(", ", NAMES)
                        + " (and optionally --quick)");
                System.exit(2);
            }
        }
        if (chosen.isEmpty()) {
            System.err.println("usage: IpamBenchmarks all | " + String.join(" ", NAMES) + " [--quick]");
            System.exit(2);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.println("IPAM benchmarks " + chosen + (quick ? " (QUICK: reduced sizes, figures not comparable)" : "")
                + " — " + Instant.now() + ", " + rt.availableProcessors() + " CPUs, max heap "
                + rt.maxMemory() / (1024 * 1024) + " MiB, Java " + System.getProperty("java.vm.version")
                + ", args " + Arrays.toString(args));
        for (String name : chosen.stream().distinct().toList()) {
            Instant start = Instant.now();
            System.out.println("(load average before " + name + ": " + BenchStats.loadAverage() + ")");
            switch (name) {
                case "memory" -> new InMemoryAllocationBenchmark(quick).run();
                case "persisted" -> new PersistedLeaseBenchmark(quick).run();
                case "huge" -> new HugeRangeBenchmark(quick).run();
                case "lookup" -> new WhoisLookupBenchmark(quick).run();
                default -> throw new IllegalStateException(name);
            }
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            System.out.println("(" + name + " took " + BenchStats.f1(seconds) + " s; load average after: "
                    + BenchStats.loadAverage() + ")");
            System.out.println();
        }
    }

    static boolean isQuick(String[] args) {
        return Arrays.asList(args).contains("--quick");
    }
}
