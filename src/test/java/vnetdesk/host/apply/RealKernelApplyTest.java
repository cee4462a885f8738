package vnetdesk.host.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vnetdesk.host.plan.Command;
import vnetdesk.host.state.Chain;
import vnetdesk.host.state.Device;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.IpSet;
import vnetdesk.host.state.RuleTable;
import vnetdesk.host.state.TapQos;
import vnetdesk.lab.HostDumps;
import vnetdesk.lab.Lab;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.model.Mac;

/**
 * The plan and the applier against a real kernel (a lab host's namespace,
 * reached without SSH): an apply reads back as planned, a second one changes
 * nothing, and a failure at any command leaves every table and link of the
 * host as it was, compared as text.
 */
class RealKernelApplyTest {

    static Lab lab;
    static LabHost host;

    @BeforeAll
    static void start() {
        LabPrerequisites.assumeLab();
        lab = Lab.start(1);
        host = lab.host(0);
        lab.vm(host, 5, 0, Mac.parse("MAC", "02:00:0a:00:00:05"), List.of("10.0.0.5/24"));
        // the host's own rules, which every apply and rollback must leave as they are
        host.sh("iptables -A FORWARD -p tcp --dport 2222 -j DROP; ip6tables -A INPUT -p udp -j ACCEPT;"
                + " ipset create hostset hash:ip; ebtables -A INPUT -p ARP -j ACCEPT").orThrow();
        // the veth's carrier comes up a moment after the VM's end: compare dumps only once it has
        HostDumps.awaitUp(host, "one-5-0");
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    static HostState desired(String tcpPort) {
        Map<String, Device> devices = new LinkedHashMap<>();
        devices.put("onebr7", new Device.Bridge("onebr7", Optional.empty(), true, OptionalInt.empty()));
        devices.put("one-5-0", new Device.Other("one-5-0", Optional.of("onebr7"), OptionalInt.empty()));
        RuleTable v4 = new RuleTable(List.of("-A FORWARD -m physdev --physdev-is-bridged -j opennebula",
                "-A INPUT -m physdev --physdev-in one-5-0 --physdev-is-bridged -j one-5-0-o"), Map.of(
                "opennebula", new Chain("-", List.of(
                        "-m physdev --physdev-out one-5-0 --physdev-is-bridged -j one-5-0-i",
                        "-m physdev --physdev-in one-5-0 --physdev-is-bridged -j one-5-0-o", "-j ACCEPT")),
                "one-5-0-i", new Chain("-", List.of("-m state --state RELATED,ESTABLISHED -j ACCEPT",
                        "-p tcp -m multiport --dports " + tcpPort + " -j RETURN",
                        "-m set --match-set one-5-0-0-i-n src -j RETURN", "-j DROP")),
                "one-5-0-o", new Chain("-", List.of("-m set ! --match-set one-5-0-ip src -j DROP", "-j RETURN"))));
        RuleTable eb = new RuleTable(List.of("-A FORWARD -o one-5-0 -j one-5-0-i"), Map.of("one-5-0-i",
                new Chain("RETURN", List.of("-s ! 02:00:0a:00:00:00/ff:ff:ff:ff:ff:00 -j DROP"))));
        Map<String, IpSet> sets = Map.of(
                "one-5-0-ip", new IpSet("one-5-0-ip", "hash:ip", "inet", List.of("10.0.0.5")),
                "one-5-0-0-i-n", new IpSet("one-5-0-0-i-n", "hash:net", "inet", List.of("10.0.1.0/24", "10.0.2.1")));
        Map<String, TapQos> qos = Map.of("one-5-0", new TapQos("one-5-0",
                Optional.of(new TapQos.Shaping(100_000, 200_000, 51_200)), Optional.empty()));
        return new HostState(devices, Map.of("net.bridge.bridge-nf-call-iptables", "1"), v4,
                RuleTable.EMPTY, eb, sets, qos);
    }

    /** Everything a failed apply must give back byte for byte ({@link HostDumps} masks time and traffic). */
    static String dumps() {
        return HostDumps.all(host);
    }

    @Test
    void anApplyReadsBackAsPlannedAndASecondApplyChangesNothingThenTheHostIsTakenBack() {
        NamespaceShell shell = new NamespaceShell(host.namespace());
        Applier applier = new Applier(new ShellStateReader());
        String before = dumps();
        ApplyReport first = applier.apply(shell, desired("22,80"), () -> false);
        assertEquals(ApplyReport.Outcome.APPLIED, first.outcome(), first.message().orElse("")
                + "\n" + first.plan().commandText());
        ApplyReport second = applier.apply(shell, desired("22,80"), () -> false);
        assertEquals(ApplyReport.Outcome.NOTHING_TO_DO, second.outcome(), second.message().orElse(""));
        assertEquals(0, second.changingCommands(), second.log().toString());
        ApplyReport changed = applier.apply(shell, desired("22,443"), () -> false);
        assertEquals(ApplyReport.Outcome.APPLIED, changed.outcome(), changed.message().orElse(""));
        assertEquals(List.of("iptables"), changed.plan().steps().stream().map(s -> s.subject()).toList(),
                "only the changed chain is rewritten");
        HostState empty = new HostState(Map.of(), Map.of(), RuleTable.EMPTY, RuleTable.EMPTY, RuleTable.EMPTY, Map.of(),
                Map.of());
        ApplyReport removed = applier.apply(shell, empty, () -> false);
        assertEquals(ApplyReport.Outcome.APPLIED, removed.outcome(), removed.message().orElse("")
                + "\n" + removed.plan().commandText());
        host.sh("tc qdisc del dev one-5-0 root 2>/dev/null; ip link set dev one-5-0 nomaster; ip link del onebr7;"
                + " true");
        assertEquals(before, dumps(), "taking everything away again leaves the host's own configuration");
    }

    @Test
    void aFailureAtAnyStepOfTheApplyLeavesTheHostByteForByteAsBefore() {
        Applier applier = new Applier(new ShellStateReader());
        String before = dumps();
        int steps = applier.plan(new NamespaceShell(host.namespace()), desired("22")).plan().steps().size();
        assertTrue(steps >= 6, "a plan worth breaking: " + steps);
        // each step runs as one command line (or one per input-fed command): fail each in turn
        for (int failAt = 1; failAt <= steps; failAt++) {
            FailingShell shell = new FailingShell(new NamespaceShell(host.namespace()), failAt);
            ApplyReport r = applier.apply(shell, desired("22"), () -> false);
            assertEquals(ApplyReport.Outcome.FAILED_ROLLED_BACK, r.outcome(), "failing command " + failAt + ": "
                    + r.message().orElse(""));
            assertEquals(before, dumps(), "after failing command " + failAt + " (" + shell.failed + ")");
        }
    }

    /** Fails the n-th command line that is not a read, once, without running it. */
    static final class FailingShell implements HostShell {
        private final HostShell shell;
        private final int failAt;
        private final AtomicInteger changes = new AtomicInteger();
        String failed = "";

        FailingShell(HostShell shell, int failAt) {
            this.shell = shell;
            this.failAt = failAt;
        }

        @Override
        public CommandOutput run(Command command) {
            if (!ShellStateReader.isRead(command) && changes.incrementAndGet() == failAt) {
                failed = command.line();
                return new CommandOutput(1, "", "injected failure");
            }
            return shell.run(command);
        }
    }
}
