package vnetdesk.service.vm;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.Words;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.model.vm.Vm;
import vnetdesk.sched.Candidate;
import vnetdesk.sched.NetworkSelection;
import vnetdesk.sched.Rank;
import vnetdesk.sched.Requirements;
import vnetdesk.sched.Selection;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.ArCatalog;
import vnetdesk.service.core.Guarded;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.host.InventoryObjects;
import vnetdesk.store.ClusterRepository;
import vnetdesk.store.HostRepository;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.UserRepository;

/**
 * The network of a NIC declared with {@code NETWORK_MODE = auto}, chosen
 * when its VM is placed on a host: among the networks of the host's cluster
 * that the VM's owner may USE and that have a free address, those that meet
 * {@code SCHED_REQUIREMENTS}, the best by {@code SCHED_RANK} (ties: lowest
 * id). The facts are gathered here; the choice is {@link NetworkSelection}'s.
 */
final class AutomaticNetworks {

    private final Access access;
    private final HostRepository hosts;
    private final ClusterRepository clusters;
    private final ArCatalog catalog;
    private final LeaseRepository leases;
    private final UserRepository users;

    AutomaticNetworks(ServiceContext ctx) {
        this.access = ctx.access();
        this.hosts = ctx.hosts();
        this.clusters = ctx.clusters();
        this.catalog = ctx.catalog();
        this.leases = ctx.leases();
        this.users = ctx.users();
    }

    Guarded guarded(Host h) {
        return InventoryObjects.guarded(h);
    }

    /** A NIC's network must be in the cluster of the VM's host (the host's bridges carry only those). */
    void requireInHostCluster(Connection c, int hostId, VirtualNetwork n, int nicIndex) throws SQLException {
        Host host = hosts.find(c, hostId).orElseThrow();
        if (!n.clusterIds().contains(host.clusterId())) {
            String cluster = clusters.find(c, host.clusterId()).map(cl -> cl.label()).orElse(String.valueOf(host.clusterId()));
            throw new ConflictException("NIC " + nicIndex + ": network " + n.label() + " is not in cluster " + cluster
                    + " of host " + host.label() + " (the network is in "
                    + Words.noun(n.clusterIds().size(), "cluster") + " "
                    + String.join(", ", n.clusterIds().stream().map(String::valueOf).toList())
                    + "); add it to the cluster or choose another network");
        }
    }

    /** The network chosen for {@code nic} of {@code vm} on host {@code hostId}; refused with every rejection. */
    int choose(Connection c, Access.Checker rights, Vm vm, vnetdesk.model.vm.Nic nic, int hostId) throws SQLException {
        NicNetwork.Automatic auto = (NicNetwork.Automatic) nic.network();
        Selection s = select(c, vm, hostId, auto.requirements(), auto.rank());
        if (s instanceof Selection.Chosen chosen) {
            return chosen.network().id();
        }
        throw new ConflictException("NIC", "NIC " + nic.index() + " of VM " + vm.label() + ": " + s.reason());
    }

    /** Reads both expressions; a malformed one throws an ExpressionException ({@code FIELD: what at position}). */
    static void check(String requirements, String rank) {
        Requirements.parse("SCHED_REQUIREMENTS", requirements);
        Rank.parse("SCHED_RANK", rank);
    }

    /** What automatic selection would choose for a NIC of {@code vm} on host {@code hostId}, with every reason. */
    Selection select(Connection c, Vm vm, int hostId, String requirements, String rank) throws SQLException {
        Requirements req = Requirements.parse("SCHED_REQUIREMENTS", requirements);
        Rank by = Rank.parse("SCHED_RANK", rank);
        Host host = hosts.find(c, hostId).orElseThrow();
        Actor owner = users.findUser(c, vm.ownership().uid()).map(u -> new Actor(u.id(), u.name(), u.gid()))
                .orElseThrow(() -> new ConflictException("VM " + vm.label() + " belongs to user "
                        + vm.ownership().uid() + ", who no longer exists; change its owner first"));
        Access.Checker ownerRights = access.of(c, owner);
        List<Candidate> candidates = new ArrayList<>();
        for (VirtualNetwork n : catalog.networks(c)) {
            long used = leases.usedPerAr(c, n.id()).values().stream().mapToLong(Long::longValue).sum();
            BigInteger size = n.totalSize();
            candidates.add(new Candidate(n.id(), n.label(), attributesOf(n, used, size), n.clusterIds(),
                    ownerRights.may(n, Right.USE), size.compareTo(BigInteger.valueOf(used)) > 0));
        }
        return NetworkSelection.choose(candidates, host.clusterId(), req, by);
    }

    /** The outcome of a selection as the service shows it (no scheduler types leave the service). */
    static NetworkChoice choice(Selection s) {
        List<String> rejections = s.rejections().stream().map(Selection.Rejection::describe).toList();
        if (s instanceof Selection.Chosen chosen) {
            return new NetworkChoice(Optional.of(chosen.network().id()),
                    Optional.of(chosen.network().label()), chosen.reason(), rejections);
        }
        return new NetworkChoice(Optional.empty(), Optional.empty(), s.reason(), rejections);
    }

    /** What the expressions read: the network's attributes, its id, owner, and lease counts. */
    private static Map<String, String> attributesOf(VirtualNetwork n, long used, BigInteger size) {
        Map<String, String> a = new LinkedHashMap<>(NetworkAttributes.toAttributes(n));
        a.put("ID", String.valueOf(n.id()));
        a.put("UID", String.valueOf(n.ownership().uid()));
        a.put("GID", String.valueOf(n.ownership().gid()));
        a.put("BRIDGE", n.conf().bridge());
        n.conf().vlanId().ifPresent(v -> a.put("VLAN_ID", String.valueOf(v)));
        a.put("USED_LEASES", String.valueOf(used));
        a.put("FREE_LEASES", size.subtract(BigInteger.valueOf(used)).toString());
        a.put("SIZE", size.toString());
        return a;
    }
}
