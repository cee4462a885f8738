package vnetdesk.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What closing an embedded inventory does before its sessions go: a process
 * that has the file open itself (and may serve it to others) lets the others'
 * transactions finish and compacts a file that grew; a process attached to
 * another one's server does neither — a SHUTDOWN COMPACT from it would close
 * the serving process's database under its sessions.
 */
final class FileClosing {

    private static final System.Logger LOG = System.getLogger(FileClosing.class.getName());
    private static final int CLOSE_WAIT_SECONDS = 5;
    /** Growth of the file during one session above which closing compacts it. */
    private static final long COMPACT_AFTER_GROWTH = 32L << 20;
    /** File size above which closing always compacts (e.g. after a crash left it large). */
    private static final long COMPACT_ABOVE = 256L << 20;

    private final Database db;
    private final SessionPool pool;
    private final String location;
    private final Path file;
    private final long sizeAtOpen;

    FileClosing(Database db, SessionPool pool, String location, Path file) {
        this.db = db;
        this.pool = pool;
        this.location = location;
        this.file = file;
        this.sizeAtOpen = sizeOf(file);
    }

    /** Runs while every session is still open, just before the pool is disposed. */
    void beforeClose() {
        if (servesTheFile()) {
            letOthersFinishTheirCommits();
            compactIfGrown();
        }
    }

    /**
     * When this process serves the file to others, its end breaks their
     * sessions (they reconnect, and one of them takes the file over); a commit
     * under way at that moment would leave its process unsure whether it was
     * saved. So closing first waits, up to {@link #CLOSE_WAIT_SECONDS}, until
     * no other session is inside a transaction with changes or a statement.
     */
    private void letOthersFinishTheirCommits() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
        try {
            while (db.read(FileClosing::othersInTransaction) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "cannot see the other sessions of {0}: {1}", location, e.getMessage());
        }
    }

    /** Whether this process has the file open itself (it may serve it to others), not over TCP. */
    private boolean servesTheFile() {
        try {
            return db.read(StoreMaintenance::servesFile);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "cannot tell whether {0} is served by this process: {1}", location, e.getMessage());
            return false;
        }
    }

    /** Sessions of other processes (they come over TCP: H2 records their address). */
    private static int othersAttached(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                     + " WHERE CLIENT_ADDR IS NOT NULL")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static int othersInTransaction(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                     + " WHERE CLIENT_ADDR IS NOT NULL AND (CONTAINS_UNCOMMITTED OR EXECUTING_STATEMENT IS NOT NULL)")) {
            r.next();
            return r.getInt(1);
        }
    }

    /**
     * With WRITE_DELAY=0 H2 does no background compaction ({@link StoreMaintenance}
     * does it while the file is open); a session that still grew it noticeably (or
     * a file left large by a crash or an older version) is compacted on the way
     * out, when no other process is attached (SHUTDOWN COMPACT would cut their
     * sessions; the last one to close compacts). H2 writes the compacted copy to
     * a new file and then replaces the old one, so an interruption leaves the
     * old file intact.
     */
    private void compactIfGrown() {
        long size = sizeOf(file);
        if (size - sizeAtOpen < COMPACT_AFTER_GROWTH && size < COMPACT_ABOVE) {
            return;
        }
        try {
            if (db.read(FileClosing::othersAttached) > 0) {
                LOG.log(Level.DEBUG, "{0}: other processes attached, the file is compacted by the last to close",
                        location);
                return;
            }
            Connection c = pool.borrow();
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            } finally {
                pool.giveBack(c);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not compact the inventory {0}: {1}", location,
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
