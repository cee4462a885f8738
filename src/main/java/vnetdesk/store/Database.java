package vnetdesk.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;

import vnetdesk.model.ConcurrentChangeException;
import vnetdesk.model.OutcomeUnknownException;
import vnetdesk.model.VnetException;

/**
 * The inventory database: opens the embedded H2 file (or a JDBC URL of a shared
 * server), brings the schema up to date with Flyway, keeps the files private
 * to the user, and runs work in transactions.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final String FILE_NAME = "inventory";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    /**
     * The embedded file's settings. AUTO_SERVER: the process that opens the
     * file serves the other processes over loopback, which needs H2's lock
     * file (FILE_LOCK=FILE; the file store keeps its own OS lock on the data
     * file besides); AUTO_RECONNECT: when that process ends or is killed, the
     * others reconnect and one of them takes the file over. WRITE_DELAY=0: a
     * commit is in the file before the call returns. LOCK_TIMEOUT: a statement
     * waits up to 10 s for a row another process is changing.
     */
    static final String SHARED_FILE_SETTINGS = ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;FILE_LOCK=FILE"
            + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0;QUERY_CACHE_SIZE=64;LOCK_TIMEOUT=10000";
    /** How long opening waits while another process takes the file over. */
    private static final int OPEN_WAIT_SECONDS = 20;
    private static final int MIGRATE_ATTEMPTS = 4;
    private static final int READ_ATTEMPTS = 3;
    /** How long closing waits for other processes' transactions under way. */

    private final SessionPool pool;
    private final String location;

    private final Optional<InstanceLock> instanceLock;
    private final Optional<Path> file;
    private final Optional<FileClosing> closing;
    private final Optional<StoreMaintenance> maintenance;

    private Database(SessionPool pool, String location, Optional<InstanceLock> instanceLock,
                     Optional<Path> file) {
        this.pool = pool;
        this.location = location;
        this.instanceLock = instanceLock;
        this.file = file;
        this.closing = file.map(f -> new FileClosing(this, pool, location, f));
        this.maintenance = StoreMaintenance.startFor(pool, location);
    }

    /**
     * Who opens an embedded inventory. Any number of processes share one
     * inventory (see {@link #openDirectory}); a console also takes the
     * inventory's console lock, so a second console is refused with the pid of
     * the first.
     */
    public enum Opener {
        /** A console: one per inventory. */
        CONSOLE,
        /** A CLI command or another program: attaches beside a console and beside other commands. */
        COMMAND
    }

    static {
        // the process that opens the file serves the others over TCP (AUTO_SERVER): on loopback only,
        // set before H2 reads its settings (an explicit -Dh2.bindAddress wins)
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** Opens (creating if needed) the embedded inventory in {@code dataDir} as a command (shared). */
    public static Database openDirectory(Path dataDir) {
        return openDirectory(dataDir, Opener.COMMAND);
    }

    /**
     * Opens (creating if needed) the embedded inventory in {@code dataDir}.
     * Several processes may have it open at once: the first one opens the file
     * and serves the others over loopback (H2's automatic mixed mode); when it
     * ends or is killed, another one takes the file over. A console also takes
     * the console lock ({@code vnetdesk.pid}).
     *
     * @throws InventoryInUseException when a console opens an inventory another console has open
     */
    public static Database openDirectory(Path dataDir, Opener opener) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new VnetException("--data: " + dir + " is a file, not a folder");
        }
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                setPermissions(dir, OWNER_ONLY_DIR);
            }
        } catch (IOException e) {
            throw new VnetException("cannot create the inventory folder " + dir + ": "
                    + FolderProblems.whyNotCreated(dir, e), e);
        }
        String url = "jdbc:h2:file:" + dir.resolve(FILE_NAME) + SHARED_FILE_SETTINGS;
        Optional<InstanceLock> lock = opener == Opener.CONSOLE
                ? Optional.of(InstanceLock.acquire(dir, dir.toString())) : Optional.empty();
        try {
            if (lock.isPresent()) {
                setPermissions(lock.get().file(), OWNER_ONLY_FILE);
            }
            Path file = dir.resolve(FILE_NAME + ".mv.db");
            Database db = open(url, dir.toString(), lock, Optional.of(file));
            for (Path f : new Path[]{file, dir.resolve(FILE_NAME + ".trace.db"), dir.resolve(FILE_NAME + ".lock.db")}) {
                if (Files.exists(f)) {
                    setPermissions(f, OWNER_ONLY_FILE);
                }
            }
            return db;
        } catch (IOException e) {
            lock.ifPresent(Database::closeLock);
            throw new VnetException("cannot secure the inventory files in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.ifPresent(Database::closeLock);
            throw e;
        }
    }

    /** Opens a database by JDBC URL (a shared server); user and password may be in the URL. */
    public static Database openUrl(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            throw new VnetException("--db: unsupported JDBC URL \"" + jdbcUrl + "\": only H2 URLs (jdbc:h2:...) are supported");
        }
        return open(jdbcUrl, jdbcUrl, Optional.empty(), Optional.empty());
    }

    private static Database open(String url, String location, Optional<InstanceLock> lock, Optional<Path> file) {
        SessionPool pool = new SessionPool(url, "vnetdesk", 16);
        try {
            pool.giveBack(borrowWhileOpening(pool));
        } catch (SQLException e) {
            pool.dispose();
            throw translateOpenError(e, location);
        }
        migrate(pool, location);
        return new Database(pool, location, lock, file);
    }

    /**
     * A session. While another process is taking the file over (it was just
     * started beside this one, or the process that served the file ended), H2
     * refuses new sessions for a moment; this waits up to {@link #OPEN_WAIT_SECONDS}.
     */
    private static java.sql.Connection borrowWhileOpening(SessionPool pool) throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(OPEN_WAIT_SECONDS);
        long pause = 50;
        while (true) {
            try {
                return pool.borrow();
            } catch (SQLException e) {
                boolean transientRefusal = e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                        || e.getErrorCode() == ErrorCode.ERROR_OPENING_DATABASE_1
                        || e.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1;
                if (!transientRefusal || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                LOG.log(Level.DEBUG, "inventory busy while opening ({0}); trying again", firstLine(e.getMessage()));
                sleep(pause);
                pause = Math.min(pause * 2, 500);
            }
        }
    }

    /**
     * Brings the schema up to date. Processes started at the same moment on a
     * new inventory may race to create the tables: the loser tries again and
     * then finds them done.
     */
    private static void migrate(SessionPool pool, String location) {
        for (int attempt = 1; ; attempt++) {
            try {
                Flyway.configure().dataSource(pool.dataSource()).locations("classpath:db/migration").load().migrate();
                return;
            } catch (FlywayException e) {
                String message = String.valueOf(e.getMessage());
                boolean otherVersion = message.contains("checksum mismatch") || message.contains("not resolved locally");
                if (!otherVersion && attempt < MIGRATE_ATTEMPTS) {
                    sleep(200L * attempt);
                    continue;
                }
                pool.dispose();
                String why = otherVersion
                        ? "it was written by a different version of vnetdesk whose schema this one does not know"
                        : firstLine(e.getMessage());
                throw new VnetException("cannot open inventory " + location + ": " + why, e);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VnetException("interrupted while opening the inventory", e);
        }
    }

    private static VnetException translateOpenError(SQLException e, String location) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new InventoryInUseException("inventory " + location + " is open in another program; close it first");
        }
        int code = e.getErrorCode();
        if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.FILE_VERSION_ERROR_1
                || code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2) {
            return new VnetException("inventory " + location + " cannot be read: the file is damaged or not a"
                    + " vnetdesk inventory (restore a JSON backup with 'vnetdesk --data NEW_FOLDER import FILE')", e);
        }
        return new VnetException("cannot open inventory " + location + ": " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown database error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void setPermissions(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException e) {
            LOG.log(Level.DEBUG, "file system without POSIX permissions: {0}", p);
        }
    }

    /** Where the inventory is (folder or URL), for status bars and messages. */
    public String location() {
        return location;
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled
     * back when it throws. A transaction that lost a race with another process
     * (lock timeout, deadlock, or the serving process went away before the
     * commit) throws {@link ConcurrentChangeException}: nothing was written.
     * If the connection breaks during the commit itself the outcome is unknown,
     * and the message says so.
     */
    public <T> T inTransaction(Work<T> work) {
        boolean committing = false;
        try {
            Connection c = borrowWhileOpening(pool);
            try {
                c.setAutoCommit(false);
                T result = work.run(c);
                committing = true;
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                pool.giveBack(c);
            }
        } catch (SQLException e) {
            if (StoreErrors.isConnectionLost(e)) {
                if (committing) {
                    throw new OutcomeUnknownException("the connection to the inventory " + location + " broke while"
                            + " the change was being committed; it may or may not have been saved (look before trying"
                            + " again)", e);
                }
                throw StoreErrors.connectionLost(location);
            }
            throw StoreErrors.translate(e);
        }
    }

    /**
     * Runs read-only work (autocommit, consistent per statement). Reads that
     * lost their session (the process serving the inventory ended) run again
     * on a new one: they changed nothing.
     */
    public <T> T read(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                Connection c = borrowWhileOpening(pool);
                try {
                    return work.run(c);
                } finally {
                    pool.giveBack(c);
                }
            } catch (SQLException e) {
                if (!StoreErrors.isConnectionLost(e) || attempt >= READ_ATTEMPTS) {
                    throw StoreErrors.translate(e);
                }
                LOG.log(Level.DEBUG, "inventory read lost its session ({0}); reading again", firstLine(e.getMessage()));
            }
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    @Override
    public void close() {
        maintenance.ifPresent(StoreMaintenance::close);
        closing.ifPresent(FileClosing::beforeClose);
        pool.dispose();
        instanceLock.ifPresent(Database::closeLock);
    }

    private static void closeLock(InstanceLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot release the inventory lock {0}: {1}", lock.file(), e.getMessage());
        }
    }
}
