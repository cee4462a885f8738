package vnetdesk.store;

import java.sql.SQLException;

import org.h2.api.ErrorCode;

import vnetdesk.model.ConcurrentChangeException;
import vnetdesk.model.ConflictException;
import vnetdesk.model.VnetException;

/** Turns JDBC errors into messages an administrator can act on. */
final class StoreErrors {

    private StoreErrors() {
    }

    /**
     * The session is gone: the process serving the inventory ended or was
     * killed (the next session reconnects, and one process takes the file
     * over), or the database was closed under it.
     */
    static boolean isConnectionLost(SQLException e) {
        int code = e.getErrorCode();
        return code == ErrorCode.CONNECTION_BROKEN_1 || code == ErrorCode.DATABASE_IS_CLOSED
                || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN || code == ErrorCode.OBJECT_CLOSED;
    }

    /** A transaction that lost its session before it committed: rolled back, so it may run again. */
    static ConcurrentChangeException connectionLost(String location) {
        return new ConcurrentChangeException("the connection to the inventory " + location
                + " was lost (the process serving it ended); nothing was changed; try again");
    }

    static VnetException translate(SQLException e) {
        int code = e.getErrorCode();
        if (code == ErrorCode.DUPLICATE_KEY_1) {
            return new ConflictException("the object already exists (another operation created it first)");
        }
        if (code == ErrorCode.LOCK_TIMEOUT_1 || code == ErrorCode.CONCURRENT_UPDATE_1
                || code == ErrorCode.DEADLOCK_1) {
            return new ConcurrentChangeException("the inventory is busy with a concurrent change; try again");
        }
        String msg = e.getMessage() == null ? "" : e.getMessage();
        int nl = msg.indexOf('\n');
        return new VnetException("inventory database error: " + (nl < 0 ? msg : msg.substring(0, nl)), e);
    }
}
