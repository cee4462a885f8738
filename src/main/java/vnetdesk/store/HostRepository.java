package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.ConflictException;
import vnetdesk.model.vm.Host;

/**
 * Hosts: identity, cluster, the address the console reaches them at, and
 * their other attributes (JSON). Updates are optimistic: a write names the
 * version it read and the repository bumps it.
 */
public final class HostRepository {

    private static final String COLUMNS = "ID, NAME, CLUSTER_ID, ADDRESS, VERSION, BODY";

    public void insert(Connection c, Host h) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO HOST (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setInt(1, h.id());
            s.setString(2, h.name());
            s.setInt(3, h.clusterId());
            s.setString(4, h.address());
            s.setLong(5, h.version());
            s.setString(6, Json.write(h.attributes()));
            s.executeUpdate();
        }
    }

    /** Writes the host if it is still at the version it was read with, and bumps that version; returns the new one. */
    public long update(Connection c, Host h) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE HOST SET NAME = ?, CLUSTER_ID = ?, ADDRESS = ?, "
                + "VERSION = VERSION + 1, BODY = ? WHERE ID = ? AND VERSION = ?")) {
            s.setString(1, h.name());
            s.setInt(2, h.clusterId());
            s.setString(3, h.address());
            s.setString(4, Json.write(h.attributes()));
            s.setInt(5, h.id());
            s.setLong(6, h.version());
            if (s.executeUpdate() != 1) {
                throw new ConflictException("host " + h.label() + " was changed by another console; reload and try again");
            }
        }
        return h.version() + 1;
    }

    public void delete(Connection c, int id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM HOST WHERE ID = ?")) {
            s.setInt(1, id);
            s.executeUpdate();
        }
    }

    public Optional<Host> find(Connection c, int id) throws SQLException {
        List<Host> found = query(c, "WHERE ID = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Ids of the hosts with this name (names are unique: at most one). */
    public List<Integer> idsByName(Connection c, String name) throws SQLException {
        return query(c, "WHERE NAME = ?", name).stream().map(Host::id).toList();
    }

    public List<Host> list(Connection c) throws SQLException {
        return query(c, "ORDER BY ID");
    }

    public List<Host> inCluster(Connection c, int clusterId) throws SQLException {
        return query(c, "WHERE CLUSTER_ID = ? ORDER BY ID", clusterId);
    }

    private static List<Host> query(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM HOST " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Host> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Host(r.getInt(1), r.getString(2), r.getInt(3), r.getString(4),
                            Json.read(r.getString(6)), r.getLong(5)));
                }
            }
            return out;
        }
    }
}
