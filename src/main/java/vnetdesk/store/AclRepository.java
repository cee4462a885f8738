package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vnetdesk.model.AclRule;
import vnetdesk.model.ResourceType;

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

    /**
     * Deletes the rules for exactly one deleted object ({@code NET/#12}), as OpenNebula's
     * {@code del_resource_rules} does: a rule naming other types too ({@code NET+IMAGE/#12}) stays,
     * since it still applies to the object of the other type with that id. Returns how many.
     */
    public int deleteObjectRules(Connection c, ResourceType type, int id) throws SQLException {
        int deleted = 0;
        for (AclRule rule : list(c)) {
            if (rule.types().equals(Set.of(type)) && rule.scope() instanceof AclRule.Scope.Object o && o.id() == id) {
                deleted += delete(c, rule.id()) ? 1 : 0;
            }
        }
        return deleted;
    }

    /** Deletes a rule; false when there was none with this id. */
    public boolean delete(Connection c, int id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM ACL_RULE WHERE ID = ?")) {
            s.setInt(1, id);
            return s.executeUpdate() == 1;
        }
    }
}
