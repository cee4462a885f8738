package vnetdesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A runner for tests of late results: work waits in a queue until the test runs it. */
public final class QueuedTaskRunner implements TaskRunner {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");

    @Override
    public <T> void run(String taskTitle, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure) {
        running.set(running.get() + 1);
        queue.addLast(() -> {
            running.set(running.get() - 1);
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    /** Runs everything queued, including work queued by the callbacks, in order. */
    public void runAll() {
        while (!queue.isEmpty()) {
            queue.removeFirst().run();
        }
    }

    public int queued() {
        return queue.size();
    }

    @Override
    public ReadOnlyIntegerProperty running() {
        return running.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty currentTitle() {
        return title.getReadOnlyProperty();
    }
}
