package vnetdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vnetdesk.ui.common.TaskHandle.State;

/** The queued test runner keeps the task rules too: a task cancelled while it waits never runs. */
class QueuedTaskRunnerTest {

    @Test
    void aTaskCancelledWhileQueuedNeverStartsAndOnlyOnCancelledIsCalledAtOnce() {
        QueuedTaskRunner runner = new QueuedTaskRunner();
        List<String> calls = new ArrayList<>();
        TaskHandle withProgress = runner.runWithProgress("Long", progress -> calls.add("long ran"),
                result -> calls.add("long success"), e -> calls.add("long failure"), () -> calls.add("long cancelled"));
        TaskHandle plain = runner.run("Plain", () -> calls.add("plain ran"),
                result -> calls.add("plain success"), e -> calls.add("plain failure"));
        TaskHandle kept = runner.run("Kept", () -> calls.add("kept ran"),
                result -> calls.add("kept success"), e -> calls.add("kept failure"));
        assertEquals(3, runner.running().get());

        assertTrue(withProgress.cancel());
        assertEquals(List.of("long cancelled"), calls);
        assertTrue(plain.cancel());
        assertEquals(List.of("long cancelled"), calls, "a plain task has no onCancelled: nothing is called");
        assertEquals(1, runner.running().get());

        runner.runAll();
        assertEquals(List.of("long cancelled", "kept ran", "kept success"), calls);
        assertEquals(List.of(State.CANCELLED, State.CANCELLED, State.SUCCEEDED),
                List.of(withProgress.state(), plain.state(), kept.state()));
        assertFalse(plain.cancel());
        assertEquals(0, runner.running().get());
    }
}
