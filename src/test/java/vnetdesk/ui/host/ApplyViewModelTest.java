package vnetdesk.ui.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vnetdesk.model.VnetException;
import vnetdesk.model.vm.HostApplyOutcome.Result;
import vnetdesk.ui.common.SameThreadTaskRunner;
import vnetdesk.ui.common.TaskHandle;

/**
 * The Apply window's model with a fake run (no SSH): a row per host that
 * runs and ends as its host reports, the summary and failures, Cancel
 * (hosts not started skipped), Retry failed over the failed and skipped
 * hosts only, the status bar's Cancel stopping the run without an interrupt,
 * and a run that breaks.
 */
class ApplyViewModelTest {

    private final FakeHostWork work = new FakeHostWork();
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private int reloads;

    private ApplyViewModel vm(int... ids) {
        return new ApplyViewModel(work, runner, Runnable::run, FakeHostWork.rows(ids), () -> reloads++);
    }

    private static List<String> states(ApplyViewModel vm) {
        return vm.rows().stream().map(r -> r.label() + " " + r.state().words()).toList();
    }

    @Test
    void eachHostRunsAndEndsAsItReportsAndTheSummaryCountsThem() {
        work.outcomes.put(2, Result.NOTHING_TO_DO);
        work.outcomes.put(3, Result.UNREACHABLE);
        work.messages.put(3, "127.0.0.1:2203: connection refused");
        work.outcomes.put(5, Result.FAILED_ROLLED_BACK);
        work.messages.put(5, "RTNETLINK answers: File exists");
        ApplyViewModel vm = vm(1, 2, 3, 4, 5);
        List<String> seenWhileRunning = new ArrayList<>();
        work.whileRunning = id -> {
            HostRunRow r = vm.rows().get(id - 1);
            seenWhileRunning.add(r.state().words() + " " + r.phaseProperty().get() + " " + r.fractionProperty().get()
                    + " " + r.messageProperty().get());
            assertTrue(vm.runningProperty().get());
            assertFalse(vm.canRetryBinding().get(), "no retry while a run goes on");
        };
        vm.start();

        assertEquals("running changing 0.55 step 2 of 4: iptables: create chain one-1-0-i", seenWhileRunning.get(0));
        assertEquals(List.of("1:kvm1 done", "2:kvm2 done", "3:kvm3 failed", "4:kvm4 done", "5:kvm5 failed"),
                states(vm));
        assertEquals("2 applied, 1 in sync, 2 failed", vm.summaryProperty().get());
        assertEquals(List.of("3:kvm3 — unreachable: 127.0.0.1:2203: connection refused",
                "5:kvm5 — failed, rolled back: step 3: RTNETLINK answers: File exists"), vm.failures());
        assertEquals(1.0, vm.rows().get(0).fractionProperty().get());
        assertEquals("in sync", vm.rows().get(1).phaseProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.canRetryBinding().get());
        assertEquals(1, reloads, "the hosts list is read again after the apply");
    }

    @Test
    void cancelSkipsTheHostsNotStartedAndTheHostInTheMiddleFinishes() {
        ApplyViewModel vm = vm(1, 2, 3, 4);
        work.whileRunning = id -> {
            if (id == 2) {
                vm.cancel();
                assertTrue(vm.cancellingProperty().get());
            }
        };
        vm.start();

        assertEquals(List.of("1:kvm1 done", "2:kvm2 done", "3:kvm3 skipped", "4:kvm4 skipped"), states(vm));
        assertEquals("cancelled before it began", vm.rows().get(2).messageProperty().get());
        assertEquals("2 applied, 2 skipped", vm.summaryProperty().get());
        assertEquals(List.of("3:kvm3 — skipped: cancelled before it began",
                "4:kvm4 — skipped: cancelled before it began"), vm.failures());
        assertFalse(vm.cancellingProperty().get());
    }

    @Test
    void retryFailedRunsOnlyTheFailedAndSkippedHostsAndKeepsTheOthersOutcome() {
        work.outcomes.put(2, Result.UNREACHABLE);
        ApplyViewModel vm = vm(1, 2, 3, 4);
        work.whileRunning = id -> {
            if (id == 3) {
                vm.cancel();
            }
        };
        vm.start();
        assertEquals(List.of("1:kvm1 done", "2:kvm2 failed", "3:kvm3 done", "4:kvm4 skipped"), states(vm));
        assertEquals(List.of(2, 4), vm.retryable().stream().map(HostRunRow::hostId).toList());

        work.outcomes.clear();
        work.whileRunning = id -> assertEquals("1:kvm1 done", states(vm).get(0), "a host not retried keeps its row");
        vm.retryFailed();

        assertEquals(List.of(List.of(1, 2, 3, 4), List.of(2, 4)), work.applyCalls);
        assertEquals(List.of("1:kvm1 done", "2:kvm2 done", "3:kvm3 done", "4:kvm4 done"), states(vm));
        assertEquals("4 applied", vm.summaryProperty().get());
        assertTrue(vm.failures().isEmpty());
        assertFalse(vm.canRetryBinding().get());
        assertEquals(2, reloads);
    }

    @Test
    void theStatusBarsCancelStopsTheRunThroughTheRunNeverByAnInterrupt() {
        ApplyViewModel vm = vm(1, 2, 3);
        List<Boolean> interrupted = new ArrayList<>();
        work.whileRunning = id -> {
            if (id == 1) {
                TaskHandle task = runner.currentTask().get().orElseThrow();
                assertTrue(task.isStoppable(), "the status bar offers Cancel");
                task.cancel();
                interrupted.add(Thread.currentThread().isInterrupted());
            }
        };
        vm.start();

        assertEquals(List.of(false), interrupted, "an interrupt could close the inventory in the middle of a read");
        assertEquals(List.of("1:kvm1 done", "2:kvm2 skipped", "3:kvm3 skipped"), states(vm));
        assertEquals("cancelled before it began", vm.rows().get(1).messageProperty().get(),
                "the run's own result for a skipped host, delivered although the task was cancelled");
        assertEquals("1 applied, 2 skipped", vm.summaryProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void aRunThatBreaksMarksItsHostsFailedWithTheReason() {
        work.breaks = java.util.Optional.of(new VnetException("user bob may not apply to host 2:kvm2"));
        ApplyViewModel vm = vm(1, 2);
        vm.start();

        assertEquals(List.of("1:kvm1 failed", "2:kvm2 failed"), states(vm));
        assertEquals("user bob may not apply to host 2:kvm2", vm.rows().get(1).messageProperty().get());
        assertEquals("2 failed", vm.summaryProperty().get());
        assertEquals(1, reloads);
    }
}
