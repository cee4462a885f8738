package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The id of a user given by name or by numeric id. */
    public Optional<Integer> userId(Connection c, String nameOrId) throws SQLException {
        String t = nameOrId.trim();
        if (t.matches("[0-9]{1,9}")) {
            return findUser(c, Integer.parseInt(t)).map(UserRow::id);
        }
        return findUser(c, t).map(UserRow::id);
    }

    /** The id of a group given by name or by numeric id. */
    public Optional<Integer> groupId(Connection c, String nameOrId) throws SQLException {
        String t = nameOrId.trim();
        if (t.matches("[0-9]{1,9}")) {
            int id = Integer.parseInt(t);
            return groupNames(c).containsKey(id) ? Optional.of(id) : Optional.empty();
        }
        return findGroup(c, t);
    }

    /** Every user with its primary group, by id. */
    public List<UserRow> users(Connection c) throws SQLException {
        List<UserRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID, NAME, GID FROM USER_ACCOUNT ORDER BY ID");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new UserRow(r.getInt(1), r.getString(2), r.getInt(3)));
            }
        }
        return out;
    }

    public void insertUser(Connection c, UserRow user) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO USER_ACCOUNT (ID, NAME, GID) VALUES (?, ?, ?)")) {
            s.setInt(1, user.id());
            s.setString(2, user.name());
            s.setInt(3, user.gid());
            s.executeUpdate();
        }
    }

    public void setUserGroup(Connection c, int uid, int gid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE USER_ACCOUNT SET GID = ? WHERE ID = ?")) {
            s.setInt(1, gid);
            s.setInt(2, uid);
            s.executeUpdate();
        }
    }

    public void deleteUser(Connection c, int uid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM USER_ACCOUNT WHERE ID = ?")) {
            s.setInt(1, uid);
            s.executeUpdate();
        }
    }

    public void insertGroup(Connection c, int gid, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO USER_GROUP (ID, NAME) VALUES (?, ?)")) {
            s.setInt(1, gid);
            s.setString(2, name);
            s.executeUpdate();
        }
    }

    public void deleteGroup(Connection c, int gid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM USER_GROUP WHERE ID = ?")) {
            s.setInt(1, gid);
            s.executeUpdate();
        }
    }

    /** What a user owns, in words ("2 networks, 1 security group"), or "" for nothing. */
    public String ownedObjects(Connection c, int uid) throws SQLException {
        return objects(c, "UID", uid);
    }

    /** What belongs to a group, in words, or "" for nothing. */
    public String groupObjects(Connection c, int gid) throws SQLException {
        return objects(c, "GID", gid);
    }

    private static String objects(Connection c, String column, int id) throws SQLException {
        List<String> parts = new ArrayList<>();
        String[][] tables = {{"NETWORK", "network"}, {"NETWORK_TEMPLATE", "network template"},
                {"SECURITY_GROUP", "security group"}};
        for (String[] t : tables) {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + t[0] + " WHERE " + column + " = ?")) {
                s.setInt(1, id);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long n = r.getLong(1);
                    if (n > 0) {
                        parts.add(n + " " + t[1] + (n == 1 ? "" : "s"));
                    }
                }
            }
        }
        return String.join(", ", parts);
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
