package vnetdesk.template;

import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;

import vnetdesk.model.vm.Cluster;

/**
 * Writes clusters as OpenNebula prints them: {@code onecluster show -x} (one
 * {@code <CLUSTER>}, {@code cluster.xsd}) and {@code onecluster list -x} (a
 * {@code <CLUSTER_POOL>}, {@code cluster_pool.xsd}).
 *
 * <p>Elements in the schema's order: identity, the ids of the cluster's hosts,
 * datastores and networks (ascending, as OpenNebula's id sets), and an empty
 * {@code TEMPLATE}. The inventory has no datastores, so {@code DATASTORES} is
 * always empty; it has no cluster attributes and no placement plans either
 * (no {@code PLAN}, which the schema makes optional).
 */
public final class OneClusterXml {

    /**
     * A cluster with the ids of what is in it.
     *
     * @param hosts    the hosts in it
     * @param networks the networks whose CLUSTER_IDS name it
     */
    public record Entry(Cluster cluster, List<Integer> hosts, List<Integer> networks) {

        public Entry {
            Objects.requireNonNull(cluster, "cluster");
            hosts = List.copyOf(hosts);
            networks = List.copyOf(networks);
        }
    }

    private OneClusterXml() {
    }

    /**
     * The cluster as {@code onecluster show -x} XML, indented, without an XML declaration.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String write(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        return OneXmlOut.render("cluster", out -> cluster(out, entry));
    }

    /**
     * Clusters as {@code onecluster list -x} XML: a {@code <CLUSTER_POOL>} with one
     * {@code <CLUSTER>} per cluster, as {@link #write} shapes it, in the given order.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String writePool(List<Entry> entries) {
        List<Entry> all = List.copyOf(entries);
        return OneXmlOut.render("cluster", out -> {
            out.open("CLUSTER_POOL");
            for (Entry e : all) {
                cluster(out, e);
            }
            out.close();
        });
    }

    private static void cluster(OneXmlOut out, Entry e) throws XMLStreamException {
        out.open("CLUSTER");
        out.leaf("ID", e.cluster().id());
        out.leaf("NAME", e.cluster().name());
        OneXmlShared.ids(out, "HOSTS", e.hosts());
        OneXmlShared.ids(out, "DATASTORES", List.of());
        OneXmlShared.ids(out, "VNETS", e.networks());
        out.empty("TEMPLATE");
        out.close();
    }
}
