package vnetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionPoolTest {

    private SessionPool pool;
    private Connection keeper;

    @BeforeEach
    void open() throws SQLException {
        pool = new SessionPool("jdbc:h2:mem:pool-" + UUID.randomUUID(), "sa", 2);
        keeper = pool.borrow();
        try (Statement s = keeper.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() {
        pool.giveBack(keeper);
        pool.dispose();
    }

    @Test
    void aSessionGivenBackIsHandedOutAgainInAutocommit() throws SQLException {
        Connection first = pool.borrow();
        first.setAutoCommit(false);
        pool.giveBack(first);
        Connection again = pool.borrow();
        assertSame(first, again);
        assertTrue(again.getAutoCommit());
        pool.giveBack(again);
    }

    @Test
    void aTransactionLeftOpenIsRolledBackWhenTheSessionComesBack() throws SQLException {
        Connection c = pool.borrow();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO T VALUES (1)");
        }
        pool.giveBack(c);
        assertEquals(0, count());
    }

    @Test
    void aStatementPreparedAgainInAPooledSessionIsNotParsedAgain() throws SQLException {
        Object first = commandOf("SELECT COUNT(*) FROM T WHERE ID = ?");
        Object second = commandOf("SELECT COUNT(*) FROM T WHERE ID = ?");
        assertSame(first, second, "the session's statement cache should have served the second prepare");
    }

    @Test
    void aClosedSessionIsNotHandedOutAgain() throws SQLException {
        Connection c = pool.borrow();
        c.close();
        pool.giveBack(c);
        Connection next = pool.borrow();
        assertNotSame(c, next);
        assertFalse(next.isClosed());
        pool.giveBack(next);
    }

    @Test
    void noSessionAfterDispose() throws SQLException {
        pool.dispose();
        SQLException e = assertThrows(SQLException.class, pool::borrow);
        assertEquals("the inventory is closed", e.getMessage());
    }

    @Test
    void flywaysConnectionsGoBackToThePool() throws SQLException {
        Connection viaSource = pool.dataSource().getConnection();
        viaSource.close();
        viaSource.close();
        assertTrue(viaSource.isClosed());
        // both permits are free again: two borrows do not wait
        Connection a = pool.borrow();
        pool.giveBack(keeper);
        keeper = pool.borrow();
        pool.giveBack(a);
    }

    private int count() throws SQLException {
        Connection c = pool.borrow();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM T")) {
            r.next();
            return r.getInt(1);
        } finally {
            pool.giveBack(c);
        }
    }

    private Object commandOf(String sql) throws SQLException {
        Connection c = pool.borrow();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setInt(1, 1);
            p.executeQuery().close();
            var field = org.h2.jdbc.JdbcPreparedStatement.class.getDeclaredField("command");
            field.setAccessible(true);
            return field.get(p);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("H2's JdbcPreparedStatement has no 'command' field any more", e);
        } finally {
            pool.giveBack(c);
        }
    }
}
