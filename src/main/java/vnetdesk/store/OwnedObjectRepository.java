package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;

/**
 * Security groups and network templates in the inventory: both are a named,
 * owned object with an optional lock and a body the service layer decodes.
 * Updates are optimistic like networks': a write names the version it read
 * and the repository bumps it.
 */
public final class OwnedObjectRepository {

    /** One stored object; {@code body} is JSON (groups) or template text (templates). */
    public record Row(int id, String name, Ownership ownership, Optional<LockLevel> lock, long version, String body) {

        public Row withName(String newName) {
            return new Row(id, newName, ownership, lock, version, body);
        }

        public Row withOwnership(Ownership newOwnership) {
            return new Row(id, name, newOwnership, lock, version, body);
        }

        public Row withLock(Optional<LockLevel> newLock) {
            return new Row(id, name, ownership, newLock, version, body);
        }

        public Row withBody(String newBody) {
            return new Row(id, name, ownership, lock, version, newBody);
        }
    }

    private static final String COLUMNS = "ID, NAME, UID, GID, PERMS, LOCK_LEVEL, VERSION, BODY";

    private final String table;
    private final String noun;

    private OwnedObjectRepository(String table, String noun) {
        this.table = table;
        this.noun = noun;
    }

    public static OwnedObjectRepository securityGroups() {
        return new OwnedObjectRepository("SECURITY_GROUP", "security group");
    }

    public static OwnedObjectRepository networkTemplates() {
        return new OwnedObjectRepository("NETWORK_TEMPLATE", "network template");
    }

    public void insert(Connection c, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setInt(1, row.id());
            s.setString(2, row.name());
            s.setInt(3, row.ownership().uid());
            s.setInt(4, row.ownership().gid());
            s.setInt(5, row.ownership().permissions().bits());
            s.setString(6, row.lock().map(Enum::name).orElse(null));
            s.setLong(7, row.version());
            s.setString(8, row.body());
            s.executeUpdate();
        }
    }

    /**
     * Writes the row if it is still at the version it was read with
     * ({@code row.version()}), and bumps that version; returns the new one.
     * The caller passes the row as read — never a version of its own.
     */
    public long update(Connection c, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET NAME = ?, UID = ?, GID = ?, "
                + "PERMS = ?, LOCK_LEVEL = ?, VERSION = VERSION + 1, BODY = ? WHERE ID = ? AND VERSION = ?")) {
            s.setString(1, row.name());
            s.setInt(2, row.ownership().uid());
            s.setInt(3, row.ownership().gid());
            s.setInt(4, row.ownership().permissions().bits());
            s.setString(5, row.lock().map(Enum::name).orElse(null));
            s.setString(6, row.body());
            s.setInt(7, row.id());
            s.setLong(8, row.version());
            if (s.executeUpdate() != 1) {
                throw new ConflictException(noun + " " + row.id() + " was changed by another console; reload and try again");
            }
        }
        return row.version() + 1;
    }

    public void delete(Connection c, int id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE ID = ?")) {
            s.setInt(1, id);
            s.executeUpdate();
        }
    }

    public Optional<Row> find(Connection c, int id) throws SQLException {
        List<Row> rows = query(c, "WHERE ID = ?", id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Ids of the objects with this name (one per owner at most). */
    public List<Integer> idsByName(Connection c, String name) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        for (Row r : query(c, "WHERE NAME = ? ORDER BY ID", name)) {
            ids.add(r.id());
        }
        return ids;
    }

    public List<Row> list(Connection c) throws SQLException {
        return query(c, "ORDER BY ID");
    }

    public boolean nameTaken(Connection c, int uid, String name, int exceptId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table + " WHERE UID = ? AND NAME = ? AND ID <> ?")) {
            s.setInt(1, uid);
            s.setString(2, name);
            s.setInt(3, exceptId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private List<Row> query(Connection c, String where, Object... params) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " " + where)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String lock = r.getString(6);
                    out.add(new Row(r.getInt(1), r.getString(2),
                            new Ownership(r.getInt(3), r.getInt(4), new Permissions(r.getInt(5))),
                            lock == null ? Optional.empty() : Optional.of(LockLevel.valueOf(lock)),
                            r.getLong(7), r.getString(8)));
                }
            }
        }
        return out;
    }
}
