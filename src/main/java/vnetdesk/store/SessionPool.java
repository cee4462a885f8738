package vnetdesk.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * At most {@code max} open H2 sessions, each kept open and handed out again
 * after use. H2's own {@code JdbcConnectionPool} gives every borrower a new
 * connection handle, which empties the session's cache of parsed statements:
 * with it, every statement of every transaction was parsed again (a tenth of
 * the time of a NIC attach). Here a borrower gets the session itself, so a
 * statement prepared once stays parsed for the life of the session.
 */
final class SessionPool {

    private static final long WAIT_SECONDS = 30;

    private final JdbcDataSource source = new JdbcDataSource();
    private final int max;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean disposed;

    SessionPool(String url, String user, int max) {
        source.setURL(url);
        source.setUser(user);
        source.setPassword("");
        this.max = max;
        permits = new Semaphore(max, true);
    }

    /**
     * The pool as a {@code DataSource} for Flyway: closing one of its
     * connections gives the session back. (The session that creates a CHECK
     * constraint must stay open: H2 evaluates the constraint in it later.)
     */
    DataSource dataSource() {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection session = borrow();
                AtomicBoolean closed = new AtomicBoolean();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[]{Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                            case "close" -> {
                                if (closed.compareAndSet(false, true)) {
                                    giveBack(session);
                                }
                                yield null;
                            }
                            case "isClosed" -> closed.get();
                            default -> {
                                try {
                                    yield method.invoke(session, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            }
                        });
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
                // nothing is logged
            }

            @Override
            public void setLoginTimeout(int seconds) {
                // sessions are opened in-process
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper of " + iface.getName());
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }

    /** A session in autocommit mode, waiting up to 30 s while all of them are in use. */
    Connection borrow() throws SQLException {
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("all " + max + " inventory sessions stayed busy for "
                        + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for an inventory session", e);
        }
        try {
            Connection c;
            synchronized (this) {
                if (disposed) {
                    throw new SQLException("the inventory is closed");
                }
                c = idle.pollFirst();
            }
            return c != null ? c : source.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /**
     * Takes a session back: a transaction left open is rolled back; a session
     * that cannot be reset (or arrives after {@link #dispose}) is closed.
     */
    void giveBack(Connection c) {
        try {
            boolean keep;
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                keep = !c.isClosed();
            } catch (SQLException e) {
                keep = false;
            }
            synchronized (this) {
                if (keep && !disposed) {
                    idle.addFirst(c);
                    return;
                }
            }
            closeQuietly(c);
        } finally {
            permits.release();
        }
    }

    /** Closes the idle sessions; sessions still borrowed are closed when given back. */
    void dispose() {
        Deque<Connection> open;
        synchronized (this) {
            disposed = true;
            open = new ArrayDeque<>(idle);
            idle.clear();
        }
        open.forEach(SessionPool::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the session is gone either way
        }
    }
}
