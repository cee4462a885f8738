package vnetdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.concurrent.Task;

/**
 * The console's runner: one worker thread (the inventory serialises writes
 * anyway, and one thread keeps results in the order the user asked for them),
 * outcomes delivered on the FX thread by {@link Task}. Must be created and
 * called on the FX thread.
 */
public final class FxTaskRunner extends TaskRunner implements AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vnetdesk-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(String taskTitle, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnRunning(e -> started(taskTitle));
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            onFailure.accept(task.getException());
        });
        submitted();
        worker.execute(task);
    }

    /**
     * Runs {@code work} after everything queued and waits for it (used once,
     * when the window closes, to close the inventory on the worker thread).
     */
    public void runLastAndWait(Runnable work, long timeout, TimeUnit unit) throws Exception {
        worker.submit(work).get(timeout, unit);
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
