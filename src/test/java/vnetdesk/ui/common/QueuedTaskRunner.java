package vnetdesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A runner for tests of late results: work waits in a queue until the test
 * runs it, then delivers on the test's thread. A task cancelled while queued
 * is skipped.
 */
public final class QueuedTaskRunner extends TaskRunner {

    private final Deque<TaskJob<?>> queue = new ArrayDeque<>();

    @Override
    void dispatch(Lane lane, TaskJob<?> job) {
        queue.addLast(job);
    }

    @Override
    void onUiThread(Runnable delivery) {
        delivery.run();
    }

    /** Runs everything queued, including work queued by the callbacks, in order. */
    public void runAll() {
        while (!queue.isEmpty()) {
            queue.removeFirst().runWork();
        }
    }
}
