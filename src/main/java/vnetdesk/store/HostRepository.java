package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.ConflictException;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.HostConnection.Identity;

/**
 * Hosts: identity, cluster, the address and login the console reaches them
 * with, and their other attributes (JSON). Updates are optimistic: a write
 * names the version it read and the repository bumps it. The digest of the
 * desired state last applied is kept beside, outside the version: it is the
 * engine's record, not an edit that should conflict with a rename.
 */
public final class HostRepository {

    private static final String COLUMNS = "ID, NAME, CLUSTER_ID, ADDRESS, VERSION, BODY, PORT, SSH_USER, IDENTITY, "
            + "KEY_FILE";

    public void insert(Connection c, Host h) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO HOST (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setInt(1, h.id());
            s.setString(2, h.name());
            s.setInt(3, h.clusterId());
            s.setString(4, h.address());
            s.setLong(5, h.version());
            s.setString(6, Json.write(h.attributes()));
            setConnection(s, 7, h.connection());
            s.executeUpdate();
        }
    }

    /** Writes the host if it is still at the version it was read with, and bumps that version; returns the new one. */
    public long update(Connection c, Host h) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE HOST SET NAME = ?, CLUSTER_ID = ?, ADDRESS = ?, "
                + "VERSION = VERSION + 1, BODY = ?, PORT = ?, SSH_USER = ?, IDENTITY = ?, KEY_FILE = ? "
                + "WHERE ID = ? AND VERSION = ?")) {
            s.setString(1, h.name());
            s.setInt(2, h.clusterId());
            s.setString(3, h.address());
            s.setString(4, Json.write(h.attributes()));
            setConnection(s, 5, h.connection());
            s.setInt(9, h.id());
            s.setLong(10, h.version());
            if (s.executeUpdate() != 1) {
                throw new ConflictException("host " + h.label() + " was changed by another console; reload and try again");
            }
        }
        return h.version() + 1;
    }

    /** PORT, SSH_USER, IDENTITY, KEY_FILE from parameter {@code at} on. */
    private static void setConnection(PreparedStatement s, int at, HostConnection conn) throws SQLException {
        s.setInt(at, conn.port());
        s.setString(at + 1, conn.user());
        Identity id = conn.identity();
        if (id instanceof Identity.KeyFile k) {
            s.setString(at + 2, "KEY_FILE");
            s.setString(at + 3, k.path());
        } else {
            s.setString(at + 2, id instanceof Identity.Password ? "PASSWORD" : "AGENT");
            s.setNull(at + 3, Types.VARCHAR);
        }
    }

    private static HostConnection connection(ResultSet r, int at) throws SQLException {
        String kind = r.getString(at + 2);
        Identity id = switch (kind) {
            case "AGENT" -> Identity.AGENT;
            case "PASSWORD" -> Identity.PASSWORD;
            case "KEY_FILE" -> new Identity.KeyFile(r.getString(at + 3));
            default -> throw new IllegalStateException("HOST.IDENTITY holds \"" + kind + "\", which its check forbids");
        };
        return new HostConnection(r.getInt(at), r.getString(at + 1), id);
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

    /** Records the digest (SHA-256, 64 hex digits) of the desired state just applied to the host. */
    public void setAppliedDigest(Connection c, int hostId, String digest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE HOST SET APPLIED_DIGEST = ? WHERE ID = ?")) {
            s.setString(1, digest);
            s.setInt(2, hostId);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("host " + hostId + " vanished inside the transaction that found it");
            }
        }
    }

    /** The digest of the desired state last applied to the host; empty when nothing was applied yet. */
    public Optional<String> appliedDigest(Connection c, int hostId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT APPLIED_DIGEST FROM HOST WHERE ID = ?")) {
            s.setInt(1, hostId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** Every host's applied digest, by host id; hosts with none are left out. */
    public Map<Integer, String> appliedDigests(Connection c) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT ID, APPLIED_DIGEST FROM HOST WHERE APPLIED_DIGEST IS NOT NULL ORDER BY ID");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getInt(1), r.getString(2));
            }
        }
        return out;
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
                            Json.read(r.getString(6)), r.getLong(5), connection(r, 7)));
                }
            }
            return out;
        }
    }
}
