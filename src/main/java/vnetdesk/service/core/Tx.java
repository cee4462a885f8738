package vnetdesk.service.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import vnetdesk.model.ConcurrentChangeException;
import vnetdesk.model.ConflictException;
import vnetdesk.store.Database;

/**
 * One service operation = one transaction. Writers of this process are
 * serialised (other processes may write beside them: a transaction that loses
 * a race with one is run again), and in-memory caches are told whether the
 * transaction committed or rolled back.
 */
public final class Tx {

    /** How long a write waits, in all, for other processes' conflicting changes. */
    public static final int BUSY_WAIT_SECONDS = 30;

    /** A unit of work that may register commit/rollback hooks. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c, Tx.Hooks hooks) throws SQLException;
    }

    /** Actions to run after the transaction's outcome is known. */
    public static final class Hooks {
        private final List<Runnable> onCommit = new ArrayList<>();
        private final List<Runnable> onRollback = new ArrayList<>();

        public void afterCommit(Runnable r) {
            onCommit.add(r);
        }

        public void afterRollback(Runnable r) {
            onRollback.add(r);
        }
    }

    private final Database db;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final List<Runnable> afterEveryRollback = new ArrayList<>();
    private final AtomicLong committed = new AtomicLong();

    public Tx(Database db) {
        this.db = db;
    }

    /** Registers a cache reset to run after any rolled-back write (it may have cached uncommitted rows). */
    public void afterEveryRollback(Runnable r) {
        afterEveryRollback.add(r);
    }

    /**
     * Runs {@code work} in one transaction. A transaction that lost a race
     * with another process ({@link ConcurrentChangeException}: rolled back,
     * nothing written) runs again from the start, with short random pauses,
     * for up to {@link #BUSY_WAIT_SECONDS}; then the conflict is reported.
     */
    public <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUSY_WAIT_SECONDS);
            long pause = 5;
            while (true) {
                try {
                    return once(work, true);
                } catch (ConcurrentChangeException e) {
                    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) > deadline) {
                        throw new ConflictException("the inventory stayed busy with changes by other processes for "
                                + BUSY_WAIT_SECONDS + " s (" + e.getMessage() + ")");
                    }
                    sleep(pause + ThreadLocalRandom.current().nextLong(pause));
                    pause = Math.min(pause * 2, 200);
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Reads that use the in-memory caches this process's writers share (the
     * allocator's used sets): under the write lock, in one transaction, and not
     * counted as a write (a front end reloads what depends on committed writes).
     */
    public <T> T readShared(Work<T> work) {
        writeLock.lock();
        try {
            return once(work, false);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T once(Work<T> work, boolean countsAsWrite) {
        Hooks hooks = new Hooks();
        try {
            T result = db.inTransaction(c -> work.run(c, hooks));
            if (countsAsWrite) {
                committed.incrementAndGet();
            }
            hooks.onCommit.forEach(Runnable::run);
            return result;
        } catch (RuntimeException | Error e) {
            hooks.onRollback.forEach(Runnable::run);
            afterEveryRollback.forEach(Runnable::run);
            throw e;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while waiting for a busy inventory");
        }
    }

    /** How many writes this process has committed: a front end compares it to see that something changed. */
    public long committedWrites() {
        return committed.get();
    }

    public <T> T read(Database.Work<T> work) {
        return db.read(work);
    }
}
