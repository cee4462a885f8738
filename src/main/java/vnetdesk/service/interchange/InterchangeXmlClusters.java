package vnetdesk.service.interchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ValidationException;
import vnetdesk.service.core.ErrorContext;
import vnetdesk.store.ClusterRepository;

/**
 * The clusters an imported network is placed in: the document's ({@code TEMPLATE/CLUSTER_IDS},
 * else {@code CLUSTERS}), which must exist in this inventory. Cluster ids belong to the source
 * cloud like network ids, but a cluster carries no state a document could restore, so a missing
 * one is an error asking for it to be made first; a copy ({@code import --as-new}) keeps the
 * clusters that exist here instead and goes to the default cluster when none does.
 */
final class InterchangeXmlClusters {

    private final ClusterRepository clusters;

    InterchangeXmlClusters(ClusterRepository clusters) {
        this.clusters = clusters;
    }

    /**
     * The network's attributes with {@code CLUSTER_IDS} naming clusters of this inventory only.
     *
     * @throws ValidationException naming the network and the first missing cluster, unless {@code asNew}
     */
    Map<String, String> placed(Connection c, Map<String, String> attributes, String label, boolean asNew)
            throws SQLException {
        List<Integer> given = ErrorContext.in(label, () -> NetworkAttributes.clusterIds(attributes));
        List<Integer> kept = new ArrayList<>();
        for (int id : given) {
            if (clusters.find(c, id).isPresent()) {
                kept.add(id);
            } else if (!asNew) {
                throw new ValidationException("CLUSTERS", label + ": CLUSTERS: cluster " + id + " does not exist"
                        + " here; create the clusters first (cluster create gives ids from 100 in order) or import"
                        + " --as-new, which keeps the clusters that exist here and places a network in none of"
                        + " them in the default cluster " + NetworkAttributes.DEFAULT_CLUSTER_ID);
            }
        }
        if (kept.size() == given.size()) {
            return attributes;
        }
        if (kept.isEmpty()) {
            kept.add(NetworkAttributes.DEFAULT_CLUSTER_ID);
        }
        Map<String, String> out = new LinkedHashMap<>(attributes);
        out.put("CLUSTER_IDS", String.join(",", kept.stream().map(String::valueOf).toList()));
        return out;
    }
}
