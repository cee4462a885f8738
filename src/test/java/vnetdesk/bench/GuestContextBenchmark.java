package vnetdesk.bench;

import static vnetdesk.bench.BenchStats.f0;
import static vnetdesk.bench.BenchStats.f2;
import static vnetdesk.bench.BenchStats.f3;
import static vnetdesk.bench.BenchStats.verdict;
import static vnetdesk.model.vm.ContextFixtures.ar;
import static vnetdesk.model.vm.ContextFixtures.attrs;
import static vnetdesk.model.vm.ContextFixtures.leased;
import static vnetdesk.model.vm.ContextFixtures.network;
import static vnetdesk.model.vm.ContextFixtures.vm;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.GuestContext;
import vnetdesk.model.vm.Vm;

/**
 * The guest-context figure of the VM issue (not asserted anywhere): how long
 * {@link GuestContext#of} takes for a VM with 8 NICs on four networks of
 * different AR types, warm, and the same plus rendering its context.sh.
 * Every result is checked against the first so the work cannot be skipped.
 *
 * <p>Argument {@code --quick} shrinks the workload to check the harness only.
 */
public final class GuestContextBenchmark {

    private static final double TARGET_MICROS = 1000;

    private final int warmUpIterations;
    private final int rounds;
    private final int iterationsPerRound;

    GuestContextBenchmark(boolean quick) {
        this.warmUpIterations = quick ? 20_000 : 300_000;
        this.rounds = quick ? 5 : 15;
        this.iterationsPerRound = quick ? 10_000 : 100_000;
    }

    public static void main(String[] args) {
        System.out.println("Guest context benchmark — " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.vm.version")
                + (IpamBenchmarks.isQuick(args) ? " (QUICK: figures not comparable)" : ""));
        System.out.println("(load average before: " + BenchStats.loadAverage() + ")");
        new GuestContextBenchmark(IpamBenchmarks.isQuick(args)).run();
        System.out.println("(load average after: " + BenchStats.loadAverage() + ")");
    }

    void run() {
        VirtualNetwork lan = network(1, attrs("NETWORK_ADDRESS", "10.0.0.0", "NETWORK_MASK", "255.255.0.0",
                        "GATEWAY", "10.0.0.254", "DNS", "10.0.0.53 10.0.0.54", "GUEST_MTU", "1450",
                        "SEARCH_DOMAIN", "lab.example.org", "METRIC", "100", "TRAFFIC_TYPE", "private",
                        "MOTD", "Welcome \"$USER\" to `hostname`"),
                ar(0, "TYPE", "IP4", "IP", "10.0.0.1", "SIZE", "1000"),
                ar(1, "TYPE", "IP4", "IP", "10.0.8.1", "SIZE", "100", "GATEWAY", "10.0.8.254", "METRIC", "50"));
        VirtualNetwork dual = network(2, attrs("NETWORK_MASK", "255.255.255.0", "GATEWAY", "192.168.1.1",
                        "GATEWAY6", "2001:db8::1", "DNS", "192.168.1.53"),
                ar(0, "TYPE", "IP4_6", "IP", "192.168.1.10", "SIZE", "200", "GLOBAL_PREFIX", "2001:db8::",
                        "ULA_PREFIX", "fd00::"));
        VirtualNetwork dualStatic = network(3, attrs("NETWORK_MASK", "24", "GATEWAY", "172.16.0.1",
                        "IP6_GATEWAY", "2001:db8:1::1"),
                ar(0, "TYPE", "IP4_6_STATIC", "IP", "172.16.0.10", "IP6", "2001:db8:1::10", "PREFIX_LENGTH", "64",
                        "SIZE", "200"));
        VirtualNetwork v6 = network(4, attrs("GATEWAY6", "2001:db8:2::1", "DNS", "2001:db8:2::53"),
                ar(0, "TYPE", "IP6_STATIC", "IP6", "2001:db8:2::100", "PREFIX_LENGTH", "64", "SIZE", "1000"));
        Vm vm = vm(Map.of("GATEWAY_IFACE", "3"),
                leased(0, lan, 0, 5), leased(1, lan, 1, 6), leased(2, dual, 0, 7), leased(3, dual, 0, 8),
                leased(4, dualStatic, 0, 9), leased(5, dualStatic, 0, 10), leased(6, v6, 0, 11), leased(7, v6, 0, 12));
        // what a service passes: its networks by id
        Map<Integer, VirtualNetwork> byId = Map.of(1, lan, 2, dual, 3, dualStatic, 4, v6);
        IntFunction<Optional<VirtualNetwork>> networks = id -> Optional.ofNullable(byId.get(id));

        GuestContext first = GuestContext.of(vm, networks);
        String firstScript = first.contextSh();
        if (first.defaultRouteNic().orElse(-1) != 3 || !first.warnings().isEmpty()) {
            throw new IllegalStateException("unexpected context: " + first);
        }
        System.out.println("VM with 8 NICs: " + first.attributes().size() + " attributes, context.sh "
                + firstScript.length() + " chars; warm-up " + warmUpIterations + " iterations, then " + rounds
                + " rounds of " + iterationsPerRound);

        ToIntFunction<Vm> contextOnly = v -> {
            GuestContext c = GuestContext.of(v, networks);
            check(c.attributes().equals(first.attributes()));
            return c.attributes().size();
        };
        ToIntFunction<Vm> withScript = v -> {
            String script = GuestContext.of(v, networks).contextSh();
            check(script.length() == firstScript.length());
            return script.length();
        };
        System.out.println();
        System.out.println("| operation | µs per VM, median of " + rounds + " (wall) | min | max"
                + " | median µs per VM (thread CPU) | target | result |");
        System.out.println("|---|---|---|---|---|---|---|");
        report("GuestContext.of (8 NICs)", measure(vm, contextOnly));
        report("GuestContext.of + contextSh()", measure(vm, withScript));
    }

    /** Wall and thread-CPU microseconds per call of each round. */
    private record Rounds(double[] wall, double[] cpu) {
    }

    private Rounds measure(Vm vm, ToIntFunction<Vm> work) {
        long sink = 0;
        for (int i = 0; i < warmUpIterations; i++) {
            sink += work.applyAsInt(vm);
        }
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            BenchStats.Clock start = BenchStats.Clock.now();
            for (int i = 0; i < iterationsPerRound; i++) {
                sink += work.applyAsInt(vm);
            }
            BenchStats.Clock spent = BenchStats.Clock.now().since(start);
            wall[r] = spent.wall() / 1000.0 / iterationsPerRound;
            cpu[r] = spent.threadCpu() / 1000.0 / iterationsPerRound;
        }
        check(sink > 0);
        return new Rounds(wall, cpu);
    }

    private static void report(String operation, Rounds r) {
        BenchStats.Summary wall = BenchStats.Summary.of(r.wall());
        BenchStats.Summary cpu = BenchStats.Summary.of(r.cpu());
        System.out.println("| " + operation + " | " + f2(wall.median()) + " | " + f2(wall.min()) + " | "
                + f2(wall.max()) + " | " + f3(cpu.median()) + " | < " + f0(TARGET_MICROS) + " µs | "
                + verdict(wall.max() < TARGET_MICROS) + " |");
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("a run gave a different context than the first");
        }
    }
}
