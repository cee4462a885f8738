package vnetdesk.store;

import java.sql.SQLException;

import org.h2.api.ErrorCode;

import vnetdesk.model.ConflictException;
import vnetdesk.model.VnetException;

/** Turns JDBC errors into messages an administrator can act on. */
final class StoreErrors {

    private StoreErrors() {
    }

    static VnetException translate(SQLException e) {
        int code = e.getErrorCode();
        if (code == ErrorCode.DUPLICATE_KEY_1) {
            return new ConflictException("the object already exists (another operation created it first)");
        }
        if (code == ErrorCode.LOCK_TIMEOUT_1 || code == ErrorCode.CONCURRENT_UPDATE_1
                || code == ErrorCode.DEADLOCK_1) {
            return new ConflictException("the inventory is busy with a concurrent change; try again");
        }
        String msg = e.getMessage() == null ? "" : e.getMessage();
        int nl = msg.indexOf('\n');
        return new VnetException("inventory database error: " + (nl < 0 ? msg : msg.substring(0, nl)), e);
    }
}
