package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.vm.Cluster;

/** Clusters: id and name (which hosts and networks belong to one is kept on the host and the network). */
public final class ClusterRepository {

    public void insert(Connection c, Cluster cluster) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CLUSTER (ID, NAME) VALUES (?, ?)")) {
            s.setInt(1, cluster.id());
            s.setString(2, cluster.name());
            s.executeUpdate();
        }
    }

    public void rename(Connection c, int id, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE CLUSTER SET NAME = ? WHERE ID = ?")) {
            s.setString(1, name);
            s.setInt(2, id);
            s.executeUpdate();
        }
    }

    public void delete(Connection c, int id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM CLUSTER WHERE ID = ?")) {
            s.setInt(1, id);
            s.executeUpdate();
        }
    }

    public Optional<Cluster> find(Connection c, int id) throws SQLException {
        List<Cluster> found = query(c, "WHERE ID = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Ids of the clusters with this name (names are unique: at most one). */
    public List<Integer> idsByName(Connection c, String name) throws SQLException {
        return query(c, "WHERE NAME = ?", name).stream().map(Cluster::id).toList();
    }

    public List<Cluster> list(Connection c) throws SQLException {
        return query(c, "ORDER BY ID");
    }

    private static List<Cluster> query(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ID, NAME FROM CLUSTER " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Cluster> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Cluster(r.getInt(1), r.getString(2)));
                }
            }
            return out;
        }
    }
}
