package vnetdesk.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the host-engine benchmarks of issue 11 (section 8 of
 * docs/benchmarks.md): {@code compile} (pure, no lab), and on lab hosts
 * (root) {@code parallel} with the no-op apply, and {@code ssh} (against one
 * OpenSSH connection per command). {@code all} runs the three; {@code --quick}
 * shrinks everything to check the harness. {@code --hosts N} (20),
 * {@code --vms N} (VMs of one NIC per host, 10), {@code --networks N} (20),
 * {@code --rounds N} (5) and {@code --singles N} (how many hosts are also
 * applied alone in each round; all) change the lab and the repetitions.
 * The defaults are the spec's row: 20 networks, 200 NICs, 20 hosts.
 */
public final class HostBenchmarks {

    private static final Set<String> PARTS = Set.of("compile", "parallel", "ssh");

    private HostBenchmarks() {
    }

    public static void main(String[] args) {
        boolean quick = IpamBenchmarks.isQuick(args);
        int hosts = option(args, "--hosts", quick ? 3 : 20);
        int vms = option(args, "--vms", quick ? 4 : 10);
        int networks = option(args, "--networks", quick ? 4 : 20);
        int rounds = option(args, "--rounds", quick ? 2 : 5);
        int singles = option(args, "--singles", hosts);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--hosts") || args[i].startsWith("--vms") || args[i].startsWith("--networks") || args[i].startsWith("--singles") || args[i].startsWith("--rounds")) {
                i++;
            } else if (args[i].equals("all")) {
                parts.addAll(List.of("compile", "parallel", "ssh"));
            } else if (PARTS.contains(args[i])) {
                parts.add(args[i]);
            } else if (!args[i].equals("--quick")) {
                throw new IllegalArgumentException("unknown argument " + args[i] + "; use all, compile, parallel, ssh,"
                        + " --quick, --hosts N, --vms N, --networks N, --rounds N, --singles N");
            }
        }
        if (parts.isEmpty()) {
            parts.addAll(List.of("compile", "parallel", "ssh"));
        }
        Runtime rt = Runtime.getRuntime();
        System.out.println("host-engine benchmarks" + (quick ? " (QUICK: reduced sizes)" : "") + " " + parts + " — "
                + Instant.now() + ", " + rt.availableProcessors() + " CPUs, max heap " + rt.maxMemory() / (1024 * 1024)
                + " MiB, Java " + System.getProperty("java.vm.version") + ", load average " + BenchStats.loadAverage());
        if (parts.contains("compile")) {
            new HostCompileBenchmark(quick).run();
        }
        if (parts.contains("parallel") || parts.contains("ssh")) {
            long start = System.nanoTime();
            try (HostBenchLab lab = HostBenchLab.start(hosts, vms, networks)) {
                System.out.println();
                System.out.println("lab: " + hosts + " hosts with " + vms + " VMs (one NIC each) per host on " + networks
                        + " networks, set up in "
                        + BenchStats.f1((System.nanoTime() - start) / 1e9) + " s; load " + BenchStats.loadAverage());
                if (parts.contains("parallel")) {
                    new HostApplyBenchmark(lab, rounds, singles).run();
                }
                if (parts.contains("ssh")) {
                    new SshPerCommandBenchmark(lab, rounds).run();
                }
            }
        }
        System.out.println();
        System.out.println("(load average after: " + BenchStats.loadAverage() + ", " + Instant.now() + ")");
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
