package vnetdesk.store;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps an embedded inventory file from growing without bound while it is open.
 * With {@code WRITE_DELAY=0} (needed so that an acknowledged commit survives a
 * kill) H2 writes a chunk per commit and stops its own background thread, which
 * is also the one that rewrites sparse chunks; this daemon thread does that part.
 * It runs only in the process that has the file open itself: a process attached
 * over TCP (H2 server or AUTO_SERVER client) has no store to look after.
 */
final class StoreMaintenance implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StoreMaintenance.class.getName());
    /**
     * Superseded chunks may be overwritten as soon as no reader needs them. Set on
     * this process's store only: SET RETENTION_TIME would be stored in the file
     * for every later opener. See docs/decisions.md (Inventory file and durability).
     */
    private static final int RETENTION_MS = 0;
    /** How often the thread looks at the store; it compacts when something was committed since the last look. */
    private static final long TICK_MS = 250;
    /** Chunks with fewer live bytes than this percentage are rewritten. */
    private static final int TARGET_FILL_RATE = 50;
    /** Upper bound of live bytes one compaction moves. */
    private static final int MAX_REWRITE_BYTES = 4 << 20;

    private final MVStore store;
    private final String location;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vnetdesk-store-maintenance");
        t.setDaemon(true);
        return t;
    });
    private long versionAtLastLook;

    private StoreMaintenance(MVStore store, String location) {
        this.store = store;
        this.location = location;
        store.setRetentionTime(RETENTION_MS);
        versionAtLastLook = store.getCurrentVersion();
        timer.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts maintenance of the store behind the pool's sessions when this
     * process has the file open; empty for a server connection, an in-memory
     * database or when the session cannot be inspected (logged: the inventory
     * works without it, the file only grows until it is closed).
     */
    static Optional<StoreMaintenance> startFor(SessionPool pool, String location) {
        try {
            Connection c = pool.borrow();
            try {
                return embeddedStore(c).map(store -> new StoreMaintenance(store, location));
            } finally {
                pool.giveBack(c);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "inventory {0}: no file maintenance, the file may grow until it is closed: {1}",
                    location, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether the session {@code c} is in this process with the file (not over TCP, not in memory). */
    static boolean servesFile(Connection c) throws SQLException {
        return embeddedStore(c).isPresent();
    }

    private static Optional<MVStore> embeddedStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        Session session = c.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local)) {
            return Optional.empty();
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
    }

    private void tick() {
        try {
            long version = store.getCurrentVersion();
            if (store.isClosed() || version == versionAtLastLook) {
                return;
            }
            versionAtLastLook = version;
            store.compact(TARGET_FILL_RATE, MAX_REWRITE_BYTES);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "inventory {0}: file maintenance failed, trying again later: {1}",
                    location, e.getMessage());
        }
    }

    /** Stops the thread after the compaction in progress, if any, has finished; never interrupts it. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "inventory {0}: file maintenance still running at close", location);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
