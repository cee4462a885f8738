package vnetdesk.service.host;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.ResourceType;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.Words;
import vnetdesk.model.vm.Cluster;
import vnetdesk.model.vm.Host;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.RefLookup;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.ClusterRepository;
import vnetdesk.store.HostRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.template.OneClusterXml;

/**
 * Clusters: create, rename, delete (refused while hosts or networks are in
 * it; cluster 0 "default" always stays), and which hosts and networks belong
 * to one. A host has one cluster; a network's clusters are its CLUSTER_IDS,
 * so adding a network here and editing CLUSTER_IDS are the same change.
 * Anyone may read clusters; changing them takes oneadmin or an ACL grant.
 */
public final class ClusterService {

    /** A cluster with the hosts and the networks in it. */
    public record ClusterInfo(Cluster cluster, List<Host> hosts, List<VirtualNetwork> networks) {
    }

    private final Tx tx;
    private final Access access;
    private final ClusterRepository clusters;
    private final HostRepository hosts;
    private final NetworkRepository networks;
    private final NetworkRefs refs;

    public ClusterService(ServiceContext ctx) {
        this.tx = ctx.tx();
        this.access = ctx.access();
        this.clusters = ctx.clusters();
        this.hosts = ctx.hosts();
        this.networks = ctx.networks();
        this.refs = ctx.refs();
    }

    public List<ClusterInfo> list(Actor actor) {
        return tx.read(c -> {
            List<VirtualNetwork> all = networks.list(c);
            List<ClusterInfo> out = new ArrayList<>();
            for (Cluster cluster : clusters.list(c)) {
                out.add(info(c, cluster, all));
            }
            return out;
        });
    }

    public ClusterInfo show(Actor actor, ObjectRef ref) {
        return tx.read(c -> info(c, resolve(c, ref), networks.list(c)));
    }

    /** Every cluster as OpenNebula's cluster document shows it ({@link OneClusterXml}), by id. */
    public List<OneClusterXml.Entry> xmlEntries(Actor actor) {
        return list(actor).stream().map(ClusterService::xmlEntry).toList();
    }

    /** The cluster as OpenNebula's cluster document shows it ({@link OneClusterXml}). */
    public OneClusterXml.Entry xmlEntry(Actor actor, ObjectRef ref) {
        return xmlEntry(show(actor, ref));
    }

    private static OneClusterXml.Entry xmlEntry(ClusterInfo info) {
        return new OneClusterXml.Entry(info.cluster(), info.hosts().stream().map(Host::id).toList(),
                info.networks().stream().map(VirtualNetwork::id).toList());
    }

    private ClusterInfo info(Connection c, Cluster cluster, List<VirtualNetwork> all) throws SQLException {
        return new ClusterInfo(cluster, hosts.inCluster(c, cluster.id()),
                all.stream().filter(n -> n.clusterIds().contains(cluster.id())).toList());
    }

    /** Creates a cluster (names are unique); returns its id. */
    public int create(Actor actor, String name) {
        String checked = NetworkAttributes.checkName("NAME", name);
        return tx.write((c, hooks) -> {
            access.of(c, actor).requireCreate(ResourceType.CLUSTER, List.of());
            checkNameFree(c, checked);
            int id = networks.nextId(c, "CLUSTER");
            clusters.insert(c, new Cluster(id, checked));
            return id;
        });
    }

    public void rename(Actor actor, ObjectRef ref, String newName) {
        String checked = NetworkAttributes.checkName("NAME", newName);
        tx.write((c, hooks) -> {
            Cluster cluster = resolve(c, ref);
            access.of(c, actor).require(InventoryObjects.guarded(cluster), Right.MANAGE, "rename");
            if (!cluster.name().equals(checked)) {
                checkNameFree(c, checked);
            }
            clusters.rename(c, cluster.id(), checked);
            return null;
        });
    }

    /** Deletes a cluster that holds no host and no network; cluster 0 is never deleted. */
    public void delete(Actor actor, ObjectRef ref) {
        tx.write((c, hooks) -> {
            Cluster cluster = resolve(c, ref);
            access.of(c, actor).require(InventoryObjects.guarded(cluster), Right.MANAGE, "delete");
            if (cluster.id() == Cluster.DEFAULT_ID) {
                throw new ConflictException("cluster " + cluster.label() + " is the default cluster and cannot be deleted");
            }
            ClusterInfo in = info(c, cluster, networks.list(c));
            if (!in.hosts().isEmpty() || !in.networks().isEmpty()) {
                throw new ConflictException("cluster " + cluster.label() + " still holds "
                        + Words.count(in.hosts().size(), "host") + " and "
                        + Words.count(in.networks().size(), "network") + "; move them to another cluster first");
            }
            clusters.delete(c, cluster.id());
            return null;
        });
    }

    /** Moves a host into the cluster (a host is in exactly one cluster). */
    public void addHost(Actor actor, ObjectRef clusterRef, ObjectRef hostRef) {
        moveHost(actor, clusterRef, hostRef, "add a host to");
    }

    /** Takes a host out of the cluster: it goes back to cluster 0, as in OpenNebula. */
    public void removeHost(Actor actor, ObjectRef clusterRef, ObjectRef hostRef) {
        tx.write((c, hooks) -> {
            Cluster cluster = resolve(c, clusterRef);
            Host host = HostService.resolve(c, hosts, hostRef);
            Access.Checker rights = access.of(c, actor);
            rights.require(InventoryObjects.guarded(cluster), Right.MANAGE, "remove a host from");
            rights.require(InventoryObjects.guarded(host), Right.MANAGE, "move");
            if (host.clusterId() != cluster.id()) {
                throw new ConflictException("host " + host.label() + " is not in cluster " + cluster.label());
            }
            hosts.update(c, host.withCluster(Cluster.DEFAULT_ID));
            return null;
        });
    }

    private void moveHost(Actor actor, ObjectRef clusterRef, ObjectRef hostRef, String operation) {
        tx.write((c, hooks) -> {
            Cluster cluster = resolve(c, clusterRef);
            Host host = HostService.resolve(c, hosts, hostRef);
            Access.Checker rights = access.of(c, actor);
            rights.require(InventoryObjects.guarded(cluster), Right.MANAGE, operation);
            rights.require(InventoryObjects.guarded(host), Right.MANAGE, "move");
            hosts.update(c, host.withCluster(cluster.id()));
            return null;
        });
    }

    /** Adds the cluster to a network's CLUSTER_IDS (needs MANAGE on both). */
    public void addNetwork(Actor actor, ObjectRef clusterRef, ObjectRef networkRef) {
        changeNetworkClusters(actor, clusterRef, networkRef, true);
    }

    /** Removes the cluster from a network's CLUSTER_IDS (needs MANAGE on both). */
    public void removeNetwork(Actor actor, ObjectRef clusterRef, ObjectRef networkRef) {
        changeNetworkClusters(actor, clusterRef, networkRef, false);
    }

    private void changeNetworkClusters(Actor actor, ObjectRef clusterRef, ObjectRef networkRef, boolean add) {
        tx.write((c, hooks) -> {
            Cluster cluster = resolve(c, clusterRef);
            VirtualNetwork n = refs.resolve(c, networkRef);
            Access.Checker rights = access.of(c, actor);
            rights.require(InventoryObjects.guarded(cluster), Right.MANAGE,
                    add ? "add a network to" : "remove a network from");
            rights.require(n, Right.MANAGE, "change the clusters of");
            List<Integer> ids = new ArrayList<>(n.clusterIds());
            if (add == ids.contains(cluster.id())) {
                throw new ConflictException("network " + n.label() + (add ? " is already" : " is not")
                        + " in cluster " + cluster.label());
            }
            if (add) {
                ids.add(cluster.id());
            } else {
                ids.remove(Integer.valueOf(cluster.id()));
            }
            networks.update(c, n.toBuilder().clusterIds(List.copyOf(ids)).build());
            return null;
        });
    }

    private void checkNameFree(Connection c, String name) throws SQLException {
        if (!clusters.idsByName(c, name).isEmpty()) {
            throw new ConflictException("NAME", "NAME: a cluster named \"" + name + "\" already exists");
        }
    }

    Cluster resolve(Connection c, ObjectRef ref) throws SQLException {
        return resolve(c, clusters, ref);
    }

    static Cluster resolve(Connection c, ClusterRepository clusters, ObjectRef ref) throws SQLException {
        int id = RefLookup.idOf(c, ref, "CLUSTER", "cluster", clusters::idsByName);
        return clusters.find(c, id).orElseThrow(() -> RefLookup.notFound("cluster", ref));
    }
}
