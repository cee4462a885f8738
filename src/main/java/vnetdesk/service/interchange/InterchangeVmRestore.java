package vnetdesk.service.interchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vnetdesk.model.AddressRange;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Cluster;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.VmState;
import vnetdesk.service.core.ErrorContext;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.host.HostService;
import vnetdesk.service.vm.StoredVms;
import vnetdesk.store.ClusterRepository;
import vnetdesk.store.HostRepository;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.LeaseRepository.LeaseRow;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.UserRepository;
import vnetdesk.store.VmRepository;
import vnetdesk.store.VmRepository.LeaseKey;
import vnetdesk.store.VmRepository.NicRow;
import vnetdesk.store.VmRepository.VmRow;

/**
 * Restores the clusters, hosts and VMs of a whole-inventory backup, after its
 * networks and leases, with their ids. Every value is checked by the rules of
 * user input (names, host addresses, attributes, each VM through
 * {@link StoredVms}) and every reference is checked: a host's cluster, a VM's
 * owner, group and host, and each NIC's lease, which must be in the backup and
 * be that NIC's. Only into an inventory without hosts, VMs or clusters of its
 * own; cluster 0, which every inventory has, takes the backup's name.
 */
final class InterchangeVmRestore {

    private final ClusterRepository clusters;
    private final HostRepository hosts;
    private final VmRepository vms;
    private final UserRepository users;
    private final NetworkRepository networks;
    private final LeaseRepository leases;

    InterchangeVmRestore(ServiceContext ctx) {
        this.clusters = ctx.clusters();
        this.hosts = ctx.hosts();
        this.vms = ctx.vms();
        this.users = ctx.users();
        this.networks = ctx.networks();
        this.leases = ctx.leases();
    }

    void restore(Connection c, JsonBackup.VmSection s, String source) throws SQLException {
        refuseUnlessNew(c, source);
        restoreClusters(c, s.clusters());
        Set<Integer> clusterIds = new HashSet<>();
        clusters.list(c).forEach(cluster -> clusterIds.add(cluster.id()));
        restoreHosts(c, s.hosts(), clusterIds);
        Set<Integer> hostIds = new HashSet<>();
        s.hosts().forEach(h -> hostIds.add(h.id()));
        restoreVms(c, s.vms(), hostIds);
    }

    private void refuseUnlessNew(Connection c, String source) throws SQLException {
        List<String> own = new ArrayList<>();
        if (clusters.list(c).stream().anyMatch(cluster -> cluster.id() != Cluster.DEFAULT_ID)) {
            own.add("clusters");
        }
        if (!hosts.list(c).isEmpty()) {
            own.add("hosts");
        }
        if (!vms.names(c).isEmpty()) {
            own.add("VMs");
        }
        if (!own.isEmpty()) {
            throw new ConflictException(source + ": a whole-inventory backup restores clusters, hosts and VMs only"
                    + " into a new inventory; this one already has " + String.join(", ", own));
        }
    }

    private void restoreClusters(Connection c, List<JsonBackup.ClusterEntry> in) throws SQLException {
        Map<Integer, JsonBackup.Where> ids = new HashMap<>();
        Map<String, JsonBackup.Where> names = new HashMap<>();
        for (JsonBackup.ClusterEntry e : in) {
            String label = e.at().text() + ": cluster " + e.id();
            String name = ErrorContext.in(label, () -> NetworkAttributes.checkName("name", e.name()));
            once(ids, e.id(), e.at(), label, "id", "cluster " + e.id());
            once(names, name, e.at(), label, "name", "a cluster named \"" + name + "\"");
            if (e.id() == Cluster.DEFAULT_ID) {
                clusters.rename(c, e.id(), name);
            } else {
                clusters.insert(c, new Cluster(e.id(), name));
                networks.moveIdSequencePast(c, "CLUSTER", e.id());
            }
        }
    }

    private void restoreHosts(Connection c, List<JsonBackup.HostEntry> in, Set<Integer> clusterIds)
            throws SQLException {
        Map<Integer, JsonBackup.Where> ids = new HashMap<>();
        Map<String, JsonBackup.Where> names = new HashMap<>();
        for (JsonBackup.HostEntry e : in) {
            String label = e.at().text() + ": host " + e.id();
            Host h = ErrorContext.in(label, () -> {
                Map<String, String> attributes = new LinkedHashMap<>();
                e.attributes().forEach((k, v) -> {
                    NetworkAttributes.checkText(k, v, NetworkAttributes.MAX_TEXT_LENGTH);
                    attributes.put(k, v);
                });
                return new Host(e.id(), NetworkAttributes.checkName("name", e.name()), e.clusterId(),
                        HostService.checkAddress(e.address()), attributes, 0,
                        e.connection().map(InterchangeVmRestore::connection).orElse(HostConnection.DEFAULT));
            });
            once(ids, h.id(), e.at(), label, "id", "host " + h.id());
            once(names, h.name(), e.at(), label, "name", "a host named \"" + h.name() + "\"");
            if (!clusterIds.contains(h.clusterId())) {
                throw new ValidationException("clusterId", label + ": clusterId: cluster " + h.clusterId()
                        + " is not in the backup");
            }
            hosts.insert(c, h);
            networks.moveIdSequencePast(c, "HOST", h.id());
        }
    }

    /** A host's login as written, checked by the rules of {@code host create}. */
    private static HostConnection connection(JsonBackup.ConnectionEntry e) {
        return ErrorContext.in(e.at().text() + ": connection", () -> new HostConnection(
                HostConnection.checkPort("port", e.port()), HostConnection.checkUser("user", e.user()),
                HostConnection.Identity.parse("identity", e.identity())));
    }

    private void restoreVms(Connection c, List<JsonBackup.VmEntry> in, Set<Integer> hostIds) throws SQLException {
        Set<Integer> groups = users.groupNames(c).keySet();
        Map<Integer, JsonBackup.Where> ids = new HashMap<>();
        for (JsonBackup.VmEntry e : in) {
            String label = e.at().text() + ": VM " + e.id();
            once(ids, e.id(), e.at(), label, "id", "VM " + e.id());
            if (users.findUser(c, e.uid()).isEmpty()) {
                throw new ValidationException("uid", label + ": uid: user " + e.uid() + " is not in the backup");
            }
            if (!groups.contains(e.gid())) {
                throw new ValidationException("gid", label + ": gid: group " + e.gid() + " is not in the backup");
            }
            if (e.hostId().isPresent() && !hostIds.contains(e.hostId().get())) {
                throw new ValidationException("hostId", label + ": hostId: host " + e.hostId().get()
                        + " is not in the backup");
            }
            Map<LeaseKey, LeaseAddresses> addresses = new HashMap<>();
            List<NicRow> nics = new ArrayList<>();
            Set<Integer> nicIds = new HashSet<>();
            for (JsonBackup.NicEntry n : e.nics()) {
                String nicLabel = n.at().text() + ": VM " + e.id() + ", NIC " + n.nicId();
                if (!nicIds.add(n.nicId())) {
                    throw new ValidationException("nicId", nicLabel + ": nicId: the VM has two NICs " + n.nicId());
                }
                Optional<LeaseKey> key = Optional.empty();
                if (n.lease().isPresent()) {
                    LeaseKey k = leaseOf(c, e.id(), n, addresses);
                    key = Optional.of(k);
                }
                nics.add(new NicRow(e.id(), n.nicId(), key, n.attributes()));
            }
            VmRow row = ErrorContext.in(label, () -> StoredVms.rebuilt(new VmRow(e.id(), e.name(),
                    new Ownership(e.uid(), e.gid(), Permissions.parseOctal("permissions", e.permissions())),
                    e.lock().map(t -> LockLevel.parse("lock", t)), VmState.parse("state", e.state()), e.hostId(),
                    e.attributes(), 0, nics), addresses::get));
            vms.insert(c, row);
            networks.moveIdSequencePast(c, "VM", row.id());
        }
    }

    /**
     * The lease a NIC names, checked: its network and address range are in the inventory (the
     * backup's networks are restored already), the index is inside the range, and the lease
     * there is this NIC's. Its addresses go to {@code addresses}.
     */
    private LeaseKey leaseOf(Connection c, int vmId, JsonBackup.NicEntry n, Map<LeaseKey, LeaseAddresses> addresses)
            throws SQLException {
        JsonBackup.LeaseRef ref = n.lease().orElseThrow();
        String label = ref.at().text() + ": VM " + vmId + ", NIC " + n.nicId() + ", lease";
        long index = ErrorContext.in(label, () -> JsonBackup.parseIndex("index", ref.index()));
        VirtualNetwork network = networks.find(c, ref.networkId()).orElseThrow(() -> new ValidationException(
                "networkId", label + ": networkId: network " + ref.networkId() + " is not in the backup"));
        AddressRange ar = network.addressRange(ref.arId()).orElseThrow(() -> new ValidationException("arId",
                label + ": arId: network " + network.label() + " has no address range " + ref.arId()));
        if (!ar.containsIndex(index)) {
            throw new ValidationException("index", label + ": index: invalid value \"" + ref.index()
                    + "\": outside address range " + ar.id() + " of network " + network.label());
        }
        LeaseOwner.VmNic owner = new LeaseOwner.VmNic(vmId, n.nicId());
        Optional<LeaseRow> held = leases.find(c, network.id(), ar.id(), index);
        if (held.isEmpty() || !held.get().owner().equals(owner)) {
            throw new ValidationException("lease", label + ": " + ar.addressesAt(index).primary() + " of network "
                    + network.label() + " is " + held.map(h -> "leased to " + h.owner().label()).orElse("free")
                    + " in the backup, not to " + owner.label());
        }
        LeaseKey key = new LeaseKey(network.id(), ar.id(), index);
        addresses.put(key, ar.addressesAt(index));
        return key;
    }

    /** Refuses a second object with the same id or name in the file. */
    private static <K> void once(Map<K, JsonBackup.Where> seen, K key, JsonBackup.Where at, String label, String field,
                                 String what) {
        JsonBackup.Where first = seen.putIfAbsent(key, at);
        if (first != null) {
            throw new ValidationException(field, label + ": " + field + ": " + what + " appears twice in the file"
                    + " (also at line " + first.line() + ")");
        }
    }
}
