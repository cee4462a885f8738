package vnetdesk.store;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps the embedded inventory file from growing without bound. With
 * {@code WRITE_DELAY=0} (needed so an acknowledged commit survives a kill) H2
 * writes a new chunk per commit and stops its own background thread, which is
 * also the one that rewrites sparse chunks; so this thread does that part:
 * every few seconds it asks the store to rewrite chunks that are mostly dead,
 * whose space is then reused instead of appended to.
 */
final class StoreMaintenance implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StoreMaintenance.class.getName());
    /** Chunks with fewer live bytes than this percentage are rewritten. */
    private static final int TARGET_FILL_RATE = 50;
    private static final int MAX_REWRITE_BYTES = 4 * 1024 * 1024;

    private final MVStore store;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vnetdesk-store-maintenance");
        t.setDaemon(true);
        return t;
    });

    private StoreMaintenance(MVStore store) {
        this.store = store;
        timer.scheduleWithFixedDelay(this::compact, 2, 2, TimeUnit.SECONDS);
    }

    /** Starts maintenance for the embedded store behind {@code c}; empty for other databases. */
    static Optional<StoreMaintenance> start(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty(); // a server connection: the server keeps its own file
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return Optional.of(new StoreMaintenance(store));
    }

    private void compact() {
        try {
            if (!store.isClosed()) {
                store.compact(TARGET_FILL_RATE, MAX_REWRITE_BYTES);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "inventory file maintenance failed: {0}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
