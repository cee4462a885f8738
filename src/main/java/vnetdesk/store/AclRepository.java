package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import vnetdesk.model.AclRule;

/** ACL rules, kept in their canonical text form. */
public final class AclRepository {

    public List<AclRule> list(Connection c) throws SQLException {
        List<AclRule> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID, RULE FROM ACL_RULE ORDER BY ID");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(AclRule.parse(r.getInt(1), r.getString(2)));
            }
        }
        return out;
    }

    public void insert(Connection c, AclRule rule) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ACL_RULE (ID, RULE) VALUES (?, ?)")) {
            s.setInt(1, rule.id());
            s.setString(2, rule.text());
            s.executeUpdate();
        }
    }

    /** Deletes a rule; false when there was none with this id. */
    public boolean delete(Connection c, int id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM ACL_RULE WHERE ID = ?")) {
            s.setInt(1, id);
            return s.executeUpdate() == 1;
        }
    }
}
