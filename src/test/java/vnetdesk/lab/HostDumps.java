package vnetdesk.lab;

import java.util.List;
import java.util.stream.Collectors;

import vnetdesk.host.actual.ActualStateReader;

/**
 * A lab host's configuration as text, read in its namespace without SSH:
 * what "nothing half-applied" is checked against. The save tools' date
 * comments, the built-in chains' packet counters and a bridge's running
 * timers are masked — they count time and traffic, not configuration.
 */
public final class HostDumps {

    private HostDumps() {
    }

    /** Everything an apply may change: the four save outputs, {@code ip -d link} and the qdiscs. */
    public static String all(LabHost host) {
        return of(host, List.of(ActualStateReader.IPTABLES, ActualStateReader.IP6TABLES, "ipset save",
                "ebtables-save", "ip -d link show", "tc qdisc show"));
    }

    public static String of(LabHost host, List<String> commands) {
        return commands.stream()
                .map(c -> "$ " + c + "\n" + output(host, c))
                .collect(Collectors.joining("\n"));
    }

    /** The lines of {@code command}'s output, comments dropped and counters masked. */
    public static List<String> lines(LabHost host, String command) {
        return output(host, command).lines().toList();
    }

    private static String output(LabHost host, String command) {
        return host.sh(command).orThrow().out().lines().filter(l -> !l.startsWith("#"))
                .map(l -> l.replaceFirst(" \\[[0-9]+:[0-9]+\\]$", " [counters]"))
                .map(l -> l.replaceAll("[a-z_]+_timer +[0-9.]+", "timer"))
                .collect(Collectors.joining("\n"));
    }

    /** Waits until the tap's carrier is up (a moment after the VM's end), so link dumps compare stably. */
    public static void awaitUp(LabHost host, String tap) {
        host.sh("for i in $(seq 100); do ip link show dev " + tap + " | grep -q 'state UP' && exit 0; sleep 0.05;"
                + " done; exit 1").orThrow();
    }
}
