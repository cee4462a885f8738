package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A fingerprint of the inventory's committed state that moves whenever any
 * process commits a change, read with one cheap query and without any shared
 * counter that every writer would have to update (which would serialise all
 * writers on one row). Versioned rows (networks, address ranges — whose
 * version moves with every lease change —, VMs, hosts, security groups,
 * templates) count by id and version; the small unversioned tables by a hash
 * of their rows; leases by their count (read from the index, not by a scan).
 */
public final class ChangeStampRepository {

    private static final String SQL = "SELECT "
            + versioned("NETWORK", "ID") + ", "
            + versioned("ADDRESS_RANGE", "NETWORK_ID * 65536 + AR_ID") + ", "
            + versioned("VM", "ID") + ", "
            + versioned("HOST", "ID") + ", "
            + versioned("SECURITY_GROUP", "ID") + ", "
            + versioned("NETWORK_TEMPLATE", "ID") + ", "
            + hashed("USER_GROUP", "ID, NAME") + ", "
            + hashed("USER_ACCOUNT", "ID, NAME, GID") + ", "
            + hashed("CLUSTER", "ID, NAME") + ", "
            + hashed("ACL_RULE", "ID, RULE") + ", "
            + hashed("SECURITY_GROUP_VM", "SG_ID, VM_ID, STATE") + ", "
            + hashed("NIC", "VM_ID, NIC_ID, NETWORK_ID, AR_ID, IDX") + ", "
            + hashed("HOST_STATUS", "HOST_ID, CONTACTED, PROBED, DRIFT_CHECKED, DEVICES_READ") + ", "
            + hashed("INVENTORY_META", "NAME, META_VALUE") + ", "
            + "(SELECT COUNT(*) FROM HOST_APPLY), (SELECT COALESCE(MAX(ID), 0) FROM HOST_APPLY), "
            + "(SELECT COUNT(*) FROM LEASE)";

    private static String versioned(String table, String key) {
        return "(SELECT COUNT(*) FROM " + table + "), (SELECT COALESCE(SUM(CAST(" + key + " AS BIGINT)), 0) FROM "
                + table + "), (SELECT COALESCE(SUM(VERSION), 0) FROM " + table + ")";
    }

    private static String hashed(String table, String columns) {
        return "(SELECT COUNT(*) FROM " + table + "), (SELECT COALESCE(SUM(ORA_HASH(CONCAT_WS('|', " + columns
                + "))), 0) FROM " + table + ")";
    }

    /** The fingerprint as {@code c} sees the committed state; equal values mean nothing changed. */
    public long read(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SQL); ResultSet r = s.executeQuery()) {
            r.next();
            long stamp = 17;
            int columns = r.getMetaData().getColumnCount();
            for (int i = 1; i <= columns; i++) {
                stamp = stamp * 1_000_003L + r.getLong(i);
            }
            return stamp;
        }
    }
}
