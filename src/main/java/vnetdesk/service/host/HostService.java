package vnetdesk.service.host;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.model.Words;
import vnetdesk.model.vm.Cluster;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostConnection.Identity;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.RefLookup;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.ClusterRepository;
import vnetdesk.store.HostApplyRepository;
import vnetdesk.store.HostRepository;
import vnetdesk.store.HostStatusRepository;
import vnetdesk.store.HostStatusRepository.Stored;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.VmRepository;
import vnetdesk.template.OneHostXml;

/**
 * Hosts in the inventory: create in a cluster, rename, set the address and
 * how the console logs in, delete (refused while a VM is placed on it), and
 * what applying the inventory to a host did (its outcomes, and the digest of
 * the desired state it last received, by which the engine tells pending
 * changes). Anyone may read hosts; changing them, recording an apply
 * included, takes oneadmin or an ACL grant, as in OpenNebula.
 */
public final class HostService {

    /**
     * A host with its cluster, the VMs placed on it (id and name), its newest
     * apply outcome and the digest of the desired state last applied to it.
     */
    public record HostInfo(Host host, Cluster cluster, Map<Integer, String> vms, Optional<HostApplyOutcome> lastApply,
                           Optional<String> appliedDigest) {
    }

    /** A change of a host's address or login; the settings left empty stay as they are. */
    public record ConnectionChange(Optional<String> address, Optional<Integer> port, Optional<String> user,
                                   Optional<Identity> identity) {

        public static final ConnectionChange NONE = new ConnectionChange(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        /** These changes made to {@code c}. */
        public HostConnection applyTo(HostConnection c) {
            HostConnection out = c;
            if (port.isPresent()) {
                out = out.withPort(port.get());
            }
            if (user.isPresent()) {
                out = out.withUser(user.get());
            }
            if (identity.isPresent()) {
                out = out.withIdentity(identity.get());
            }
            return out;
        }
    }

    /** How many outcomes per host the inventory keeps; older ones are dropped as new ones come. */
    public static final int HISTORY_KEPT = 100;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private final Tx tx;
    private final Access access;
    private final HostRepository hosts;
    private final ClusterRepository clusters;
    private final VmRepository vms;
    private final NetworkRepository ids;
    private final HostApplyRepository applies = new HostApplyRepository();
    private final HostStatusRepository statuses = new HostStatusRepository();

    public HostService(ServiceContext ctx) {
        this.tx = ctx.tx();
        this.access = ctx.access();
        this.hosts = ctx.hosts();
        this.clusters = ctx.clusters();
        this.vms = ctx.vms();
        this.ids = ctx.networks();
    }

    public List<HostInfo> list(Actor actor) {
        return tx.read(c -> {
            Map<Integer, HostApplyOutcome> latest = applies.latestPerHost(c);
            Map<Integer, String> digests = hosts.appliedDigests(c);
            List<HostInfo> out = new ArrayList<>();
            for (Host h : hosts.list(c)) {
                out.add(info(c, h, Optional.ofNullable(latest.get(h.id())), Optional.ofNullable(digests.get(h.id()))));
            }
            return out;
        });
    }

    public HostInfo show(Actor actor, ObjectRef ref) {
        return tx.read(c -> {
            Host h = resolve(c, hosts, ref);
            return info(c, h, applies.history(c, h.id(), 1).stream().findFirst(), hosts.appliedDigest(c, h.id()));
        });
    }

    private HostInfo info(Connection c, Host h, Optional<HostApplyOutcome> last, Optional<String> digest)
            throws SQLException {
        Map<Integer, String> placed = new LinkedHashMap<>();
        for (VmRepository.VmRow vm : vms.onHost(c, h.id())) {
            placed.put(vm.id(), vm.name());
        }
        return new HostInfo(h, clusters.find(c, h.clusterId()).orElseThrow(), placed, last, digest);
    }

    /** Every host as OpenNebula's host document shows it ({@link OneHostXml}), by id. */
    public List<OneHostXml.Entry> xmlEntries(Actor actor) {
        return tx.read(c -> {
            Map<Integer, Stored> known = statuses.all(c);
            List<OneHostXml.Entry> out = new ArrayList<>();
            for (Host h : hosts.list(c)) {
                out.add(xmlEntry(c, h, known.getOrDefault(h.id(), Stored.NONE)));
            }
            return out;
        });
    }

    /** The host as OpenNebula's host document shows it ({@link OneHostXml}). */
    public OneHostXml.Entry xmlEntry(Actor actor, ObjectRef ref) {
        return tx.read(c -> {
            Host h = resolve(c, hosts, ref);
            return xmlEntry(c, h, statuses.find(c, h.id()));
        });
    }

    /** STATE from the engine's last contact: none INIT, reached MONITORED, not reached ERROR. */
    private OneHostXml.Entry xmlEntry(Connection c, Host h, Stored status) throws SQLException {
        OneHostXml.State state = status.contact().map(k -> k.reachable() ? OneHostXml.State.MONITORED
                : OneHostXml.State.ERROR).orElse(OneHostXml.State.INIT);
        return new OneHostXml.Entry(h.id(), h.name(), state, clusters.find(c, h.clusterId()),
                vms.onHost(c, h.id()).stream().map(VmRepository.VmRow::id).toList(), h.attributes());
    }

    /** Adds a host with the default login ({@link HostConnection#DEFAULT}); see below. */
    public int create(Actor actor, String name, Optional<ObjectRef> cluster, Optional<String> address) {
        return create(actor, name, cluster, address, HostConnection.DEFAULT);
    }

    /**
     * Adds a host to a cluster (default 0) with how the console will log in;
     * the address may be set now or later. Returns its id.
     */
    public int create(Actor actor, String name, Optional<ObjectRef> cluster, Optional<String> address,
                      HostConnection connection) {
        String checked = NetworkAttributes.checkName("NAME", name);
        String addr = checkAddress(address.orElse(""));
        return tx.write((c, hooks) -> {
            Cluster in = cluster.isPresent() ? ClusterService.resolve(c, clusters, cluster.get())
                    : clusters.find(c, Cluster.DEFAULT_ID).orElseThrow();
            access.of(c, actor).requireCreate(ResourceType.HOST, List.of(in.id()));
            checkNameFree(c, checked);
            int id = ids.nextId(c, "HOST");
            hosts.insert(c, new Host(id, checked, in.id(), addr, Map.of(), 0, connection));
            return id;
        });
    }

    public void rename(Actor actor, ObjectRef ref, String newName) {
        String checked = NetworkAttributes.checkName("NAME", newName);
        tx.write((c, hooks) -> {
            Host h = resolve(c, hosts, ref);
            access.of(c, actor).require(InventoryObjects.guarded(h), Right.MANAGE, "rename");
            if (!h.name().equals(checked)) {
                checkNameFree(c, checked);
            }
            hosts.update(c, h.withName(checked));
            return null;
        });
    }

    /** Sets the address (host name or IP) the console will reach the host at; empty clears it. */
    public void setAddress(Actor actor, ObjectRef ref, String address) {
        change(actor, ref, new ConnectionChange(Optional.of(address), Optional.empty(), Optional.empty(),
                Optional.empty()), "change the address of");
    }

    /** Changes the address, port, user or identity the console reaches the host with, in one write. */
    public void setConnection(Actor actor, ObjectRef ref, ConnectionChange change) {
        change(actor, ref, change, "change the connection of");
    }

    private void change(Actor actor, ObjectRef ref, ConnectionChange change, String operation) {
        Optional<String> addr = change.address().map(HostService::checkAddress);
        tx.write((c, hooks) -> {
            Host h = resolve(c, hosts, ref);
            access.of(c, actor).require(InventoryObjects.guarded(h), Right.MANAGE, operation);
            hosts.update(c, h.withAddress(addr.orElse(h.address())).withConnection(change.applyTo(h.connection())));
            return null;
        });
    }

    /**
     * The host {@code ref} names, once {@code actor} is found allowed to
     * manage it — to probe, plan or apply, which log in as root on it.
     */
    public Host manageable(Actor actor, ObjectRef ref, String action) {
        return tx.read(c -> {
            Host h = resolve(c, hosts, ref);
            access.of(c, actor).require(InventoryObjects.guarded(h), Right.MANAGE, action);
            return h;
        });
    }

    /** Records what an apply did to the host (its pending changes stay: see {@link #markApplied}). */
    public void recordOutcome(Actor actor, ObjectRef ref, HostApplyOutcome outcome) {
        tx.write((c, hooks) -> {
            Host h = resolve(c, hosts, ref);
            access.of(c, actor).require(InventoryObjects.guarded(h), Right.MANAGE, "record an apply to");
            record(c, h, outcome);
            return null;
        });
    }

    /**
     * Records a successful apply together with the digest (SHA-256, 64
     * lowercase hex digits) of the desired state the host now has, in one
     * transaction: the host has no pending changes until the desired state's
     * digest moves on.
     */
    public void markApplied(Actor actor, ObjectRef ref, String digest, HostApplyOutcome outcome) {
        if (!DIGEST.matcher(digest).matches()) {
            throw ValidationException.invalid("digest", digest, "expected a SHA-256 digest as 64 lowercase hex digits");
        }
        if (!outcome.result().success()) {
            throw ValidationException.invalid("outcome", outcome.summary(),
                    "only an apply that left the host in the desired state marks it applied");
        }
        tx.write((c, hooks) -> {
            Host h = resolve(c, hosts, ref);
            access.of(c, actor).require(InventoryObjects.guarded(h), Right.MANAGE, "record an apply to");
            record(c, h, outcome);
            hosts.setAppliedDigest(c, h.id(), digest);
            return null;
        });
    }

    private void record(Connection c, Host h, HostApplyOutcome outcome) throws SQLException {
        applies.insert(c, h.id(), outcome);
        applies.prune(c, h.id(), HISTORY_KEPT);
    }

    /** The host's newest {@code limit} (1 to {@value #HISTORY_KEPT}) apply outcomes, newest first. */
    public List<HostApplyOutcome> history(Actor actor, ObjectRef ref, int limit) {
        if (limit < 1 || limit > HISTORY_KEPT) {
            throw ValidationException.invalid("limit", limit, "expected 1 to " + HISTORY_KEPT);
        }
        return tx.read(c -> applies.history(c, resolve(c, hosts, ref).id(), limit));
    }

    /** The host's newest apply outcome; empty if nothing was ever applied to it. */
    public Optional<HostApplyOutcome> lastOutcome(Actor actor, ObjectRef ref) {
        return tx.read(c -> applies.history(c, resolve(c, hosts, ref).id(), 1).stream().findFirst());
    }

    /** The digest of the desired state last applied to the host with success; empty if none. */
    public Optional<String> appliedDigest(Actor actor, ObjectRef ref) {
        return tx.read(c -> hosts.appliedDigest(c, resolve(c, hosts, ref).id()));
    }

    /** Deletes a host no VM is placed on. */
    public void delete(Actor actor, ObjectRef ref) {
        tx.write((c, hooks) -> {
            Host h = resolve(c, hosts, ref);
            access.of(c, actor).require(InventoryObjects.guarded(h), Right.MANAGE, "delete");
            List<VmRepository.VmRow> placed = vms.onHost(c, h.id());
            if (!placed.isEmpty()) {
                throw new ConflictException("host " + h.label() + " has " + Words.count(placed.size(), "VM") + " on it ("
                        + String.join(", ", placed.stream().limit(10).map(v -> v.id() + ":" + v.name()).toList())
                        + (placed.size() > 10 ? ", …" : "") + "); move or delete them first");
            }
            hosts.delete(c, h.id());
            return null;
        });
    }

    /** Refused unless the actor may add hosts to the cluster (the default cluster when empty). */
    public void requireMayAdd(Actor actor, Optional<ObjectRef> cluster) {
        tx.read(c -> {
            Cluster in = cluster.isPresent() ? ClusterService.resolve(c, clusters, cluster.get())
                    : clusters.find(c, Cluster.DEFAULT_ID).orElseThrow();
            access.of(c, actor).requireCreate(ResourceType.HOST, List.of(in.id()));
            return null;
        });
    }

    /** A host name or an IPv4/IPv6 address, as {@link HostConnection#checkAddress} takes it, as ADDRESS. */
    public static String checkAddress(String address) {
        return HostConnection.checkAddress("ADDRESS", address);
    }

    private void checkNameFree(Connection c, String name) throws SQLException {
        if (!hosts.idsByName(c, name).isEmpty()) {
            throw new ConflictException("NAME", "NAME: a host named \"" + name + "\" already exists");
        }
    }

    static Host resolve(Connection c, HostRepository hosts, ObjectRef ref) throws SQLException {
        int id = RefLookup.idOf(c, ref, "HOST", "host", hosts::idsByName);
        return hosts.find(c, id).orElseThrow(() -> RefLookup.notFound("host", ref));
    }
}
