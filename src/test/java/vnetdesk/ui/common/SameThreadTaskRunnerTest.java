package vnetdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import vnetdesk.ui.common.TaskHandle.State;

/** The same-thread runner keeps the console's task rules, so ViewModel tests meet cancel and progress as users do. */
class SameThreadTaskRunnerTest {

    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private final List<String> calls = new ArrayList<>();

    /** Calls {@code listener} with each task the runner shows, as the status bar follows them. */
    private void followCurrentTask(Consumer<TaskHandle> listener) {
        runner.currentTask().addListener((o, was, now) -> now.ifPresent(listener));
    }

    @Test
    void progressReachesTheCallerWhileTheWorkRunsThenTheResult() {
        List<Double> fractions = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        followCurrentTask(task -> {
            task.progressProperty().addListener((o, was, now) -> fractions.add(now.doubleValue()));
            task.messageProperty().addListener((o, was, now) -> messages.add(now));
        });
        TaskHandle handle = runner.runWithProgress("Counting", progress -> {
            progress.report(1, 4, "first quarter");
            calls.add("work goes on after " + fractions);
            progress.report(0.5, "half");
            progress.message("still half");
            progress.report(4, 4, "all");
            return "done";
        }, result -> calls.add("success " + result), e -> calls.add("failure"), () -> calls.add("cancelled"));
        assertEquals(List.of("work goes on after [0.25]", "success done"), calls);
        assertEquals(List.of(0.25, 0.5, 1.0), fractions, "a message alone leaves the fraction as it was");
        assertEquals(List.of("first quarter", "half", "still half", "all"), messages);
        assertEquals(State.SUCCEEDED, handle.state());
        assertEquals(0, runner.running().get());
        assertEquals("", runner.currentTitle().get());
        assertTrue(runner.currentTask().get().isEmpty());
    }

    @Test
    void cancelFromAProgressListenerStopsTheWorkAndCallsOnlyOnCancelled() {
        followCurrentTask(task -> task.progressProperty().addListener((o, was, now) -> {
            if (now.doubleValue() >= 0.5) {
                task.cancel();
            }
        }));
        int[] steps = {0};
        TaskHandle handle = runner.runWithProgress("Stepping", progress -> {
            for (int i = 1; i <= 100 && !progress.isCancelled(); i++) {
                steps[0]++;
                progress.report(i, 100, "step " + i);
            }
            return steps[0];
        }, result -> calls.add("success"), e -> calls.add("failure"), () -> calls.add("cancelled"));
        assertEquals(50, steps[0], "the loop stopped at the step that was cancelled");
        assertEquals(State.CANCELLED, handle.state());
        assertEquals(List.of("cancelled"), calls);
        assertEquals(1, runner.completed(), "the work ran");
        assertEquals(0, runner.running().get());
        assertFalse(handle.cancel(), "an ended task cannot be cancelled again");
    }

    @Test
    void aCancelledPoolTaskIsInterruptedAndTheInterruptDoesNotOutliveIt() {
        followCurrentTask(task -> task.messageProperty().addListener((o, was, now) -> task.cancel()));
        TaskHandle handle = runner.runOnPool("Waiting for a host", progress -> {
            progress.message("connecting");
            new CountDownLatch(1).await();
            return "never";
        }, result -> calls.add("success"), e -> calls.add("failure"), () -> calls.add("cancelled"));
        assertEquals(State.CANCELLED, handle.state());
        assertEquals(List.of("cancelled"), calls, "the interrupted wait is no failure: the task was cancelled");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void aFailureCallsOnlyOnFailureAndAPlainTaskIsNotStoppable() {
        TaskHandle handle = runner.run("Failing", () -> {
            throw new IllegalStateException("broken");
        }, result -> calls.add("success"), e -> calls.add("failure " + e.getMessage()));
        assertEquals(List.of("failure broken"), calls);
        assertEquals(State.FAILED, handle.state());
        assertFalse(handle.isStoppable());
        assertEquals(TaskHandle.INDETERMINATE, handle.progressProperty().get());
    }
}
