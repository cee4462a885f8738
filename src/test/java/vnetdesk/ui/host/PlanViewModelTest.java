package vnetdesk.ui.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.service.host.HostReports.GroupKind;
import vnetdesk.service.host.HostReports.PlanGroup;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostReports.PlannedStep;
import vnetdesk.ui.common.SameThreadTaskRunner;

/**
 * The Plan window's model with a fake run: per host its status and steps
 * as a tree with each line's commands, blockers and errors as lines of
 * their own, the summary, Apply over the hosts with changes only, and a
 * cancel that skips the hosts not planned yet.
 */
class PlanViewModelTest {

    private final FakeHostWork work = new FakeHostWork();
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private int reloads;

    private PlanViewModel vm(int... ids) {
        work.plans.put(1, new PlanReport(FakeHostWork.host(1), PlanStatus.CHANGES, List.of(
                new PlannedStep(1, "bridge vdbr1", "create", List.of("ip link add vdbr1 type bridge"),
                        List.of("ip link del vdbr1")),
                new PlannedStep(2, "nic one-5-0", "filter", List.of("iptables-restore --noflush <<'EOF'"), List.of())),
                List.of(new PlanGroup(GroupKind.NETWORK, "1:lan", "network 1:lan — bridge vdbr1",
                                List.of("create bridge vdbr1"), List.of(1)),
                        new PlanGroup(GroupKind.NIC, "one-5-0", "NIC one-5-0 — VM 5:web on network 1:lan",
                                List.of("create iptables chain one-5-0-i"), List.of(2))),
                List.of(), List.of("vdbr1 keeps its STP setting"), Optional.empty()));
        work.plans.put(2, new PlanReport(FakeHostWork.host(2), PlanStatus.IN_SYNC, List.of(), List.of(), List.of(),
                List.of(), Optional.empty()));
        work.plans.put(3, new PlanReport(FakeHostWork.host(3), PlanStatus.BLOCKED, List.of(), List.of(),
                List.of("network 1:lan uses driver vxlan, which this host cannot run"), List.of(), Optional.empty()));
        work.plans.put(4, new PlanReport(FakeHostWork.host(4), PlanStatus.UNREACHABLE, List.of(), List.of(),
                List.of(), List.of(), Optional.of("127.0.0.1:2204: connection refused")));
        return new PlanViewModel(work, runner, Runnable::run, FakeHostWork.rows(ids), () -> reloads++);
    }

    @Test
    void eachHostsPlanIsATreeOfItsStatusStepsAndCommands() {
        PlanViewModel vm = vm(1, 2, 3, 4);
        vm.start();

        List<String> hosts = vm.outline().stream().map(PlanItem::text).toList();
        assertEquals(List.of("1:kvm1 — 2 steps", "2:kvm2 — nothing to do", "3:kvm3 — blocked",
                "4:kvm4 — unreachable: 127.0.0.1:2204: connection refused"), hosts);
        PlanItem first = vm.outline().get(0);
        assertEquals("ip link add vdbr1 type bridge\niptables-restore --noflush <<'EOF'", first.commands());
        assertEquals(List.of("network 1:lan — bridge vdbr1 (step 1)",
                "NIC one-5-0 — VM 5:web on network 1:lan (step 2)", "the steps in the order they run",
                "note: vdbr1 keeps its STP setting"), first.children().stream().map(PlanItem::text).toList());
        String bridgeStep = "ip link add vdbr1 type bridge\n# undone, if a later step fails, by:\n#   ip link del vdbr1";
        assertEquals(bridgeStep, first.children().get(0).commands(), "a group's commands are its steps'");
        assertEquals(List.of("create bridge vdbr1"), first.children().get(0).children().stream()
                .map(PlanItem::text).toList());
        assertEquals("iptables-restore --noflush <<'EOF'", first.children().get(1).children().get(0).commands());
        assertEquals(List.of("1. bridge vdbr1: create", "2. nic one-5-0: filter"), first.children().get(2)
                .children().stream().map(PlanItem::text).toList());
        assertEquals(bridgeStep, first.children().get(2).children().get(0).commands());
        assertEquals(PlanItem.Kind.BLOCKER, vm.outline().get(2).children().get(0).kind());
        assertEquals(PlanItem.Kind.ERROR, vm.outline().get(3).children().get(0).kind());
        assertEquals("1 with changes, 1 in sync, 1 blocked, 1 unreachable", vm.summaryProperty().get());
        assertEquals(List.of("done", "done", "failed", "failed"),
                vm.rows().stream().map(r -> r.state().words()).toList());
        assertEquals(List.of(1), vm.withChanges().stream().map(HostRunRow::hostId).toList());
        assertTrue(vm.canApplyBinding().get());
    }

    @Test
    void applyFromThePlanTakesTheHostsWithChangesOnly() {
        PlanViewModel vm = vm(1, 2, 3, 4);
        vm.start();
        ApplyViewModel apply = vm.apply();

        assertEquals(List.of(List.of(1)), work.applyCalls);
        assertEquals(List.of("1:kvm1"), apply.rows().stream().map(HostRunRow::label).toList());
        assertEquals("1 applied", apply.summaryProperty().get());
        assertEquals(1, reloads);
    }

    @Test
    void aCancelWhilePlanningSkipsTheHostsNotPlannedYet() {
        PlanViewModel vm = vm(1, 2, 3);
        work.whileRunning = id -> {
            if (id == 1) {
                assertFalse(vm.canApplyBinding().get(), "no apply while planning");
                vm.cancel();
            }
        };
        vm.start();

        assertEquals(List.of("1:kvm1 — 2 steps", "2:kvm2 — skipped: not started: cancelled",
                "3:kvm3 — skipped: not started: cancelled"), vm.outline().stream().map(PlanItem::text).toList());
        assertEquals("1 with changes, 2 skipped", vm.summaryProperty().get());
        assertTrue(vm.canApplyBinding().get());
    }
}
