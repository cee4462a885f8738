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

    private final SessionPool pool;
    private final String location;
    /** Growth of the file during one session above which closing compacts it. */
    private static final long COMPACT_AFTER_GROWTH = 32L << 20;
    /** File size above which closing always compacts (e.g. after a crash left it large). */
    private static final long COMPACT_ABOVE = 256L << 20;

    private final Optional<InstanceLock> instanceLock;
    private final Optional<Path> file;
    private final long sizeAtOpen;
    private final Optional<StoreMaintenance> maintenance;

    private Database(SessionPool pool, String location, Optional<InstanceLock> instanceLock,
                     Optional<Path> file) {
        this.pool = pool;
        this.location = location;
        this.instanceLock = instanceLock;
        this.file = file;
        this.sizeAtOpen = file.map(Database::sizeOf).orElse(0L);
        this.maintenance = StoreMaintenance.startFor(pool, location);
    }

    /** Opens (creating if needed) the embedded inventory in {@code dataDir}. */
    public static Database openDirectory(Path dataDir) {
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
        // WRITE_DELAY=0: H2 writes a commit to the file before the call returns.
        String url = "jdbc:h2:file:" + dir.resolve(FILE_NAME)
                + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0;FILE_LOCK=FS;QUERY_CACHE_SIZE=64";
        InstanceLock lock = InstanceLock.acquire(dir, dir.toString());
        try {
            setPermissions(lock.file(), OWNER_ONLY_FILE);
            Path file = dir.resolve(FILE_NAME + ".mv.db");
            Database db = open(url, dir.toString(), Optional.of(lock), Optional.of(file));
            for (Path f : new Path[]{file, dir.resolve(FILE_NAME + ".trace.db")}) {
                if (Files.exists(f)) {
                    setPermissions(f, OWNER_ONLY_FILE);
                }
            }
            return db;
        } catch (IOException e) {
            closeLock(lock);
            throw new VnetException("cannot secure the inventory files in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeLock(lock);
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
            pool.giveBack(pool.borrow());
        } catch (SQLException e) {
            pool.dispose();
            throw translateOpenError(e, location);
        }
        try {
            Flyway.configure().dataSource(pool.dataSource()).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.dispose();
            String why = firstLine(e.getMessage());
            if (String.valueOf(e.getMessage()).contains("checksum mismatch")
                    || String.valueOf(e.getMessage()).contains("not resolved locally")) {
                why = "it was written by a different version of vnetdesk whose schema this one does not know";
            }
            throw new VnetException("cannot open inventory " + location + ": " + why, e);
        }
        return new Database(pool, location, lock, file);
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

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try {
            Connection c = pool.borrow();
            try {
                c.setAutoCommit(false);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                pool.giveBack(c);
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(e);
        }
    }

    /** Runs read-only work (autocommit, consistent per statement). */
    public <T> T read(Work<T> work) {
        try {
            Connection c = pool.borrow();
            try {
                return work.run(c);
            } finally {
                pool.giveBack(c);
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(e);
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
        compactIfGrown();
        pool.dispose();
        instanceLock.ifPresent(Database::closeLock);
    }

    /**
     * With WRITE_DELAY=0 H2 does no background compaction ({@link StoreMaintenance}
     * does it while the file is open); a session that still grew it noticeably (or
     * a file left large by a crash or an older version) is compacted on the way
     * out. H2 writes the compacted copy to a new file and then replaces the old
     * one, so an interruption leaves the old file intact.
     */
    private void compactIfGrown() {
        if (file.isEmpty()) {
            return;
        }
        long size = sizeOf(file.get());
        if (size - sizeAtOpen < COMPACT_AFTER_GROWTH && size < COMPACT_ABOVE) {
            return;
        }
        try {
            Connection c = pool.borrow();
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            } finally {
                pool.giveBack(c);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not compact the inventory {0}: {1}", location, firstLine(e.getMessage()));
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void closeLock(InstanceLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot release the inventory lock {0}: {1}", lock.file(), e.getMessage());
        }
    }
}
