package vnetdesk.ui.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vnetdesk.model.vm.HostConnection;
import vnetdesk.ui.common.RowList;
import vnetdesk.ui.common.SameThreadTaskRunner;
import vnetdesk.ui.common.ScriptedDialogs;

/**
 * Which hosts the Hosts view's Plan and Apply actions take: Plan all the
 * hosts the user may manage, Apply pending those with pending changes, each
 * apply only after a confirmation naming its hosts (a "no" starts nothing),
 * and the hosts list read again after an apply.
 */
class HostRunActionsTest {

    private final FakeHostWork work = new FakeHostWork();
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private int reads;
    private RowList<HostRow> list;
    private HostRunActions actions;

    private static HostRow host(int id, Optional<Boolean> pending) {
        return new HostRow(id, "kvm" + id, 0, "0:default", "10.0.0." + id, HostConnection.DEFAULT, List.of(),
                pending, Optional.empty(), "", vnetdesk.service.host.HostStatus.NONE, "not contacted");
    }

    @BeforeEach
    void hosts() {
        list = new RowList<>(runner, dialogs, "hosts", () -> {
            reads++;
            return List.of(host(1, Optional.of(true)), host(2, Optional.of(false)), host(3, Optional.empty()),
                    host(4, Optional.of(true)));
        }, HostRow::id, (h, f) -> true);
        list.reload();
        actions = new HostRunActions(work, runner, dialogs, Runnable::run, list);
    }

    @Test
    void planAllTakesTheHostsTheUserMayManage() {
        work.plans.put(1, new vnetdesk.service.host.HostReports.PlanReport(FakeHostWork.host(1),
                vnetdesk.service.host.HostReports.PlanStatus.IN_SYNC, List.of(), List.of(), List.of(), List.of(),
                Optional.empty()));
        work.plans.put(2, work.plans.get(1));
        work.plans.put(4, work.plans.get(1));
        PlanViewModel plan = actions.planAll().orElseThrow();
        assertEquals(List.of(List.of(1, 2, 4)), work.planCalls, "host 3 may not be managed: Pending is unknown");
        assertEquals(3, plan.rows().size());
    }

    @Test
    void applyPendingConfirmsNamingItsHostsThenAppliesThemAndReadsTheListAgain() {
        dialogs.answer(false);
        assertTrue(actions.applyPending().isEmpty());
        assertEquals(List.of(), work.applyCalls, "a no starts nothing");
        assertEquals("Apply the pending changes to 2 hosts: 1:kvm1, 4:kvm4? Plan all… shows the steps first.",
                dialogs.questions.get(0));

        dialogs.answer(true);
        int before = reads;
        ApplyViewModel apply = actions.applyPending().orElseThrow();
        assertEquals(List.of(List.of(1, 4)), work.applyCalls);
        assertEquals("2 applied", apply.summaryProperty().get());
        assertEquals(before + 1, reads, "Pending and Last apply are read again");
    }

    @Test
    void applyToTheSelectedHostNamesItAndSaysItHasNoPendingChanges() {
        list.selectedIdProperty().set(Optional.of(2));
        dialogs.answer(true);
        actions.applySelected().orElseThrow();
        assertEquals("Apply to host 2:kvm2? It has no pending changes: the apply reads the host and repairs what"
                + " differs. Plan… shows the steps first.", dialogs.questions.get(0));
        assertEquals(List.of(List.of(2)), work.applyCalls);
    }

    @Test
    void severalSelectedHostsArePlannedAndAppliedTogether() {
        list.selectedIdProperty().set(Optional.of(4));
        List<HostRow> picked = List.of(list.unfiltered().get(0), list.unfiltered().get(3));
        actions.planSelected(picked).orElseThrow();
        assertEquals(List.of(List.of(1, 4)), work.planCalls, "both hosts in one plan, not only the one shown");
        dialogs.answer(true);
        actions.applySelected(picked).orElseThrow();
        assertEquals("Apply to 2 hosts: 1:kvm1, 4:kvm4? Each is made as the inventory wants it. Plan… shows the"
                + " steps first.", dialogs.questions.get(0));
        assertEquals(List.of(List.of(1, 4)), work.applyCalls);
        actions.planSelected(List.of()).orElseThrow();
        assertEquals(List.of(4), work.planCalls.get(1), "no table selection: the host shown");
    }
}
