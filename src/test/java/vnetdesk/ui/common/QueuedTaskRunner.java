package vnetdesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** A runner for tests of late results: work waits in a queue until the test runs it. */
public final class QueuedTaskRunner extends TaskRunner {

    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> void run(String taskTitle, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure) {
        submitted();
        queue.addLast(() -> {
            started(taskTitle);
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                finished();
                onFailure.accept(e);
                return;
            }
            finished();
            onSuccess.accept(result);
        });
    }

    /** Runs everything queued, including work queued by the callbacks, in order. */
    public void runAll() {
        while (!queue.isEmpty()) {
            queue.removeFirst().run();
        }
    }
}
