package vnetdesk.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;

/**
 * The console's runner: one worker thread for the ordered lane, a fixed-size
 * pool for long independent work, deliveries on the FX thread by
 * {@link Platform#runLater}. Must be created and called on the FX thread.
 *
 * <p>It does not wrap {@code javafx.concurrent.Task}: the rules of a task's life
 * live once, in {@link TaskJob}, so the same-thread runner of the ViewModel
 * tests keeps exactly the console's cancel and progress rules; progress is
 * merged between deliveries the way {@code Task} merges it.
 */
public final class FxTaskRunner extends TaskRunner implements AutoCloseable {

    /** Pool threads when none are asked for: enough for a few hosts at once, few enough for a desktop. */
    public static final int DEFAULT_POOL_SIZE = 4;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "vnetdesk-worker"));
    private final ExecutorService pool;

    public FxTaskRunner() {
        this(DEFAULT_POOL_SIZE);
    }

    /** @param poolSize how many pool tasks may run at once */
    public FxTaskRunner(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, not " + poolSize);
        }
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(poolSize, r -> daemon(r, "vnetdesk-pool-" + threads.incrementAndGet()));
    }

    /** Daemon threads: background work must not keep the JVM alive after the window closed. */
    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    void dispatch(Lane lane, TaskJob<?> job) {
        (lane == Lane.ORDERED ? worker : pool).execute(job::runWork);
    }

    @Override
    void onUiThread(Runnable delivery) {
        Platform.runLater(delivery);
    }

    /**
     * Runs {@code work} after everything queued on the ordered lane and waits for
     * it (used once, when the window closes, to close the inventory on the worker thread).
     */
    public void runLastAndWait(Runnable work, long timeout, TimeUnit unit) throws Exception {
        worker.submit(work).get(timeout, unit);
    }

    /**
     * Lets the pool's started work end — host work told to stop finishes or
     * rolls back the host it is on — and starts no queued pool work; true
     * when it ended within the timeout. Called when the console closes,
     * before the inventory is closed under it.
     */
    public boolean awaitPool(long timeout, TimeUnit unit) throws InterruptedException {
        pool.shutdown();
        return pool.awaitTermination(timeout, unit);
    }

    /** Lets the ordered lane finish what is queued; pool work is interrupted and queued pool work never starts. */
    @Override
    public void close() {
        worker.shutdown();
        pool.shutdownNow();
    }
}
