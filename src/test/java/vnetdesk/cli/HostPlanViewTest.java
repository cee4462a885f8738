package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.model.vm.Host;
import vnetdesk.service.host.HostReports.GroupKind;
import vnetdesk.service.host.HostReports.PlanGroup;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostReports.PlannedStep;

/** {@code host plan} prints a host's changes by host, network and NIC, with the steps that make them. */
class HostPlanViewTest {

    static final Host KVM1 = new Host(1, "kvm1", 0, "10.9.0.1", Map.of(), 0);

    static final PlanReport REPORT = new PlanReport(KVM1, PlanStatus.CHANGES, List.of(
            new PlannedStep(1, "bridge br0", "create bridge br0", List.of("ip link add name br0 type bridge"),
                    List.of("ip link del dev br0 2>/dev/null || true")),
            new PlannedStep(2, "iptables", "create chains one-5-0-i, opennebula (loaded in one transaction)",
                    List.of("iptables-restore -w --noflush <<'EOF'\n*filter\n:one-5-0-i - [0:0]\nCOMMIT\nEOF"),
                    List.of())),
            List.of(new PlanGroup(GroupKind.HOST, "kvm1", "host kvm1 — host-wide",
                            List.of("create iptables chain opennebula"), List.of(2)),
                    new PlanGroup(GroupKind.NETWORK, "1:private", "network 1:private — bridge br0",
                            List.of("create bridge br0"), List.of(1)),
                    new PlanGroup(GroupKind.NIC, "one-5-0", "NIC one-5-0 — VM 5:web on network\n1:private",
                            List.of("create iptables chain one-5-0-i"), List.of(2))),
            List.of(), List.of("tap one-5-0 is not on the host yet"), Optional.empty());

    static String printed(java.util.function.Consumer<HostPlanView> show) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        show.accept(new HostPlanView(out, new HostKeys.Refusing()));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPlanIsPrintedByOwnerWithTheNumbersOfItsStepsAndTheDryRunOnRequest() {
        assertEquals("""
                kvm1: 2 steps
                  host kvm1 — host-wide (step 2)
                    create iptables chain opennebula
                  network 1:private — bridge br0 (step 1)
                    create bridge br0
                  NIC one-5-0 — VM 5:web on network 1:private (step 2)
                    create iptables chain one-5-0-i
                  note: tap one-5-0 is not on the host yet
                """, printed(v -> v.plan(REPORT, false)));
        String dry = printed(v -> v.plan(REPORT, true));
        assertEquals("  commands (dry run):\nip link add name br0 type bridge\niptables-restore -w --noflush <<'EOF'\n"
                + "*filter\n:one-5-0-i - [0:0]\nCOMMIT\nEOF\n", dry.substring(dry.indexOf("  commands")));
    }

    @Test
    void theJsonKeepsTheStepsAndAddsTheGroups() {
        List<Map<String, Object>> json = HostPlanView.json(List.of(REPORT), new HostKeys.Refusing());
        assertEquals(2, ((List<?>) json.get(0).get("steps")).size());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) json.get(0).get("groups");
        assertEquals(List.of("host", "network", "nic"), groups.stream().map(g -> g.get("kind")).toList());
        assertEquals(Map.of("kind", "network", "name", "1:private", "title", "network 1:private — bridge br0",
                "lines", List.of("create bridge br0"), "steps", List.of(1)), groups.get(1));
    }
}
