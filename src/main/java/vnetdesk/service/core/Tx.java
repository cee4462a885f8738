package vnetdesk.service.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import vnetdesk.store.Database;

/**
 * One service operation = one transaction. Writers of this process are
 * serialised (the embedded inventory has a single writer process anyway), and
 * in-memory caches are told whether the transaction committed or rolled back.
 */
public final class Tx {

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
    private final java.util.concurrent.atomic.AtomicLong committed = new java.util.concurrent.atomic.AtomicLong();

    public Tx(Database db) {
        this.db = db;
    }

    /** Registers a cache reset to run after any rolled-back write (it may have cached uncommitted rows). */
    public void afterEveryRollback(Runnable r) {
        afterEveryRollback.add(r);
    }

    public <T> T write(Work<T> work) {
        writeLock.lock();
        Hooks hooks = new Hooks();
        try {
            T result = db.inTransaction(c -> work.run(c, hooks));
            committed.incrementAndGet();
            hooks.onCommit.forEach(Runnable::run);
            return result;
        } catch (RuntimeException | Error e) {
            hooks.onRollback.forEach(Runnable::run);
            afterEveryRollback.forEach(Runnable::run);
            throw e;
        } finally {
            writeLock.unlock();
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
