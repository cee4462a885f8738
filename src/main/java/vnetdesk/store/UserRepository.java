package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Users and groups (names and ids). */
public final class UserRepository {

    /** A user and its primary group. */
    public record UserRow(int id, String name, int gid) {
    }

    public Optional<UserRow> findUser(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ID, NAME, GID FROM USER_ACCOUNT WHERE NAME = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new UserRow(r.getInt(1), r.getString(2), r.getInt(3))) : Optional.empty();
            }
        }
    }

    public Optional<UserRow> findUser(Connection c, int id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ID, NAME, GID FROM USER_ACCOUNT WHERE ID = ?")) {
            s.setInt(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new UserRow(r.getInt(1), r.getString(2), r.getInt(3))) : Optional.empty();
            }
        }
    }

    public Map<Integer, String> userNames(Connection c) throws SQLException {
        return names(c, "SELECT ID, NAME FROM USER_ACCOUNT");
    }

    public Map<Integer, String> groupNames(Connection c) throws SQLException {
        return names(c, "SELECT ID, NAME FROM USER_GROUP");
    }

    public Optional<Integer> findGroup(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ID FROM USER_GROUP WHERE NAME = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getInt(1)) : Optional.empty();
            }
        }
    }

    private static Map<Integer, String> names(Connection c, String sql) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getInt(1), r.getString(2));
            }
        }
        return out;
    }
}
