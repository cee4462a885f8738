package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import vnetdesk.ipam.ArFactory;
import vnetdesk.ipam.ArOverlap;
import vnetdesk.model.AttributeVector;
import vnetdesk.model.Actor;
import vnetdesk.model.AddressRange;
import vnetdesk.model.BridgeNaming;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.Mac;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.Problem;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.AllocatorCache;
import vnetdesk.service.core.ArCatalog;
import vnetdesk.service.core.Guarded;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.OwnedObjects;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.AclRepository;
import vnetdesk.store.ClusterRepository;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.UserRepository;
import vnetdesk.template.Template;

/**
 * Virtual networks and their address ranges: create, update, delete, rename,
 * lock, and AR add / update / remove. Every call is one transaction, checked
 * against the acting user.
 */
public final class NetworkService implements OwnedObjectService {

    /** How many dropped leases a forced AR removal names (the rest are counted). */
    static final int DROPPED_LISTED = 1000;

    /** Default MAC prefix 02:00. */
    public static final int MAC_PREFIX = 0x0200;

    private final Tx tx;
    private final NetworkRefs refs;
    private final Access access;
    private final NetworkRepository networks;
    private final LeaseRepository leases;
    private final AllocatorCache cache;
    private final ArCatalog catalog;
    private final UserRepository users;
    private final OwnedObjects securityGroups;
    private final NetworkArs ars;
    private final ClusterRepository clusters;
    private final AclRepository acls;

    NetworkService(ServiceContext ctx) {
        this.tx = ctx.tx();
        this.refs = ctx.refs();
        this.access = ctx.access();
        this.networks = ctx.networks();
        this.leases = ctx.leases();
        this.cache = ctx.cache();
        this.catalog = ctx.catalog();
        this.users = ctx.users();
        this.ars = new NetworkArs(ctx);
        this.clusters = ctx.clusters();
        this.acls = ctx.acls();
        this.securityGroups = new OwnedObjects(ctx, ResourceType.SECGROUP, OwnedObjectRepository.securityGroups(),
                row -> List.of());
    }

    @Override
    public ResourceType type() {
        return ResourceType.NET;
    }

    @Override
    public boolean lockable() {
        return true;
    }

    /**
     * Creates a network from a template (attributes and AR vectors; other vectors are kept as they
     * are, as an imported network's, so that {@code export --template} recreates it); returns its id.
     */
    public int create(Actor actor, Template template) {
        List<AttributeVector> kept = VnetTemplateParts.keptVectors(template);
        Template plain = VnetTemplateParts.withoutKeptVectors(template);
        Map<String, String> attributes = VnetTemplateParts.singles(plain);
        List<Map<String, String>> ars = VnetTemplateParts.arVectors(plain);
        return tx.write((c, hooks) -> {
            Access.Checker rights = access.of(c, actor);
            rights.requireCreate(ResourceType.NET, clustersOf(attributes));
            return insertNew(c, rights, attributes, kept, ars);
        });
    }

    /** The clusters a network with these attributes is placed in (the default cluster 0 unless CLUSTER_IDS says). */
    static List<Integer> clustersOf(Map<String, String> attributes) {
        return NetworkAttributes.clusterIds(attributes);
    }

    /**
     * Stores a new network of the actor (rights checked by the caller, except
     * the use of its security groups); returns its id.
     */
    int insertNew(Connection c, Access.Checker rights, Map<String, String> attributes, List<Map<String, String>> ars)
            throws SQLException {
        return insertNew(c, rights, attributes, List.of(), ars);
    }

    private int insertNew(Connection c, Access.Checker rights, Map<String, String> attributes,
                          List<AttributeVector> vectors, List<Map<String, String>> ars) throws SQLException {
        VirtualNetwork n = newNetwork(c, rights.actor(), attributes, Optional.empty());
        securityGroups.requireUsable(c, rights, "SECURITY_GROUPS", n.securityGroups());
        n = n.toBuilder().addressRanges(buildArs(c, n, ars)).nextArId(ars.size()).vectors(vectors).build();
        networks.insert(c, n);
        return n.id();
    }

    /** A network's CLUSTER_IDS name existing clusters (cluster 0 always exists). */
    private void requireClusters(Connection c, List<Integer> ids) throws SQLException {
        for (int id : ids) {
            if (clusters.find(c, id).isEmpty()) {
                throw ValidationException.invalid("CLUSTER_IDS", id, "cluster " + id
                        + " does not exist (create it with: cluster create NAME)");
            }
        }
    }

    /** Builds (does not store) a new network owned by the actor, id allocated. */
    public VirtualNetwork newNetwork(Connection c, Actor actor, Map<String, String> attributes, Optional<Integer> parent)
            throws SQLException {
        return newNetwork(c, actor, attributes, parent, Optional.empty());
    }

    /**
     * As above; a given id (kept from an imported document, the caller checked that it is free) is
     * used instead of an allocated one, and the id sequence moves past it so new networks never get it.
     */
    public VirtualNetwork newNetwork(Connection c, Actor actor, Map<String, String> attributes, Optional<Integer> parent,
                                     Optional<Integer> givenId) throws SQLException {
        NetworkAttributes.Parsed p = NetworkAttributes.parse(attributes);
        requireClusters(c, p.clusterIds());
        if (networks.nameTaken(c, actor.uid(), p.name(), -1)) {
            throw new ConflictException("NAME", "NAME: a network named \"" + p.name() + "\" already exists for user "
                    + actor.name());
        }
        int id = givenId.isPresent() ? givenId.get() : networks.nextId(c, "NETWORK");
        if (givenId.isPresent()) {
            networks.moveIdSequencePast(c, "NETWORK", id);
        }
        Optional<Integer> vlan = p.vlanId();
        if (p.automaticVlanId()) {
            vlan = Optional.of(freeVlanId(c, p.driver().maxVlanId()));
        }
        BridgeNaming.Choice bridge = BridgeNaming.of(p).forNewNetwork(id);
        Ownership owner = new Ownership(actor.uid(), actor.gid(), Permissions.DEFAULT);
        return p.toNetwork(id, owner, bridge.name(), bridge.generated(), vlan, Optional.empty(),
                p.securityGroupsOrDefault(), List.of(), parent, 0, 0);
    }

    private int freeVlanId(Connection c, long max) throws SQLException {
        Set<Integer> used = new TreeSet<>(networks.vlanIdsInUse(c));
        for (int v = 2; v <= max; v++) {
            if (v != 4095 && !used.contains(v)) {
                return v;
            }
        }
        throw new ConflictException("AUTOMATIC_VLAN_ID", "AUTOMATIC_VLAN_ID: no free VLAN id left");
    }

    private List<AddressRange> buildArs(Connection c, VirtualNetwork n, List<Map<String, String>> defs)
            throws SQLException {
        List<AddressRange> built = new ArrayList<>();
        ArFactory factory = arFactory(c, built);
        for (int i = 0; i < defs.size(); i++) {
            AddressRange ar = factory.create(i, defs.get(i), Optional.empty());
            ArOverlap.check(built, ar);
            built.add(ar);
        }
        return built;
    }

    /**
     * Replaces (or, with {@code append}, merges) the updatable attributes of a
     * network: description, context and custom attributes, physical attributes,
     * QoS, filters and security groups, and its kept vectors other than AR
     * (see {@link VnetTemplateParts}).
     */
    public void update(Actor actor, ObjectRef ref, Template template, boolean append) {
        List<AttributeVector> vectors = VnetTemplateParts.keptVectors(template);
        Template plain = VnetTemplateParts.withoutKeptVectors(template);
        Map<String, String> given = VnetTemplateParts.singles(plain);
        if (!plain.vectors("AR").isEmpty()) {
            throw new ValidationException("AR", "AR: address ranges are changed with addar, updatear and rmar, not update");
        }
        tx.write((c, hooks) -> {
            VirtualNetwork n = refs.resolve(c, ref);
            Access.Checker rights = access.of(c, actor);
            rights.require(n, Right.MANAGE, "update");
            Map<String, String> merged = VnetTemplateParts.attributes(n, given, append);
            NetworkAttributes.Parsed p = NetworkAttributes.parseUpdate(merged, n.name(), n.conf().driver());
            if (!p.clusterIds().equals(n.clusterIds())) {
                requireClusters(c, p.clusterIds());
            }
            if (!p.name().equals(n.name()) && networks.nameTaken(c, n.ownership().uid(), p.name(), n.id())) {
                throw new ConflictException("NAME", "NAME: a network named \"" + p.name() + "\" already exists");
            }
            Optional<Integer> vlan = p.vlanId();
            if (p.automaticVlanId()) {
                vlan = n.conf().automaticVlanId() && n.conf().vlanId().isPresent() ? n.conf().vlanId()
                        : Optional.of(freeVlanId(c, p.driver().maxVlanId()));
            }
            BridgeNaming.Choice bridge = BridgeNaming.of(p).onUpdate(n.id(), n.conf());
            List<Integer> added = new ArrayList<>(p.securityGroups().orElse(n.securityGroups()));
            added.removeAll(n.securityGroups());
            securityGroups.requireUsable(c, rights, "SECURITY_GROUPS", added);
            VirtualNetwork updated = p.toNetwork(n.id(), n.ownership(), bridge.name(), bridge.generated(), vlan, n.lock(),
                    p.securityGroups().orElse(n.securityGroups()), n.addressRanges(), n.parentNetworkId(),
                    n.nextArId(), n.version()).toBuilder().vectors(VnetTemplateParts.vectors(n.vectors(), vectors, append))
                    .build();
            networks.update(c, updated);
            return null;
        });
    }

    /**
     * Deletes a network; refused while it has used leases. Frees the parent leases of a reservation
     * and deletes the ACL rules for this network alone ({@code NET/#id}).
     */
    @Override
    public void delete(Actor actor, ObjectRef ref) {
        tx.write((c, hooks) -> {
            VirtualNetwork n = refs.resolve(c, ref);
            access.of(c, actor).require(n, Right.MANAGE, "delete");
            Map<Integer, Long> used = leases.usedPerAr(c, n.id());
            long total = used.values().stream().mapToLong(Long::longValue).sum();
            if (total > 0) {
                throw new ConflictException("network " + n.label() + " has leases in use (" + total
                        + "); release the holds, detach the NICs and delete its reservations first");
            }
            List<VirtualNetwork> children = networks.children(c, n.id());
            if (!children.isEmpty()) {
                throw new ConflictException("network " + n.label() + " has reservations ("
                        + children.stream().map(VirtualNetwork::label).collect(Collectors.joining(", "))
                        + "); delete them first");
            }
            if (n.parentNetworkId().isPresent()) {
                int parent = n.parentNetworkId().get();
                for (AddressRange ar : n.addressRanges()) {
                    ars.freeParentLeases(c, hooks, parent, n.id(), ar);
                }
            }
            networks.delete(c, n.id());
            // a later network never gets this id, but a restored or imported one may: no rule carries over to it
            acls.deleteObjectRules(c, ResourceType.NET, n.id());
            hooks.afterCommit(() -> cache.discardNetwork(n.id()));
            return null;
        });
    }

    @Override
    public void rename(Actor actor, ObjectRef ref, String newName) {
        String name = NetworkAttributes.checkName("NAME", newName);
        tx.write((c, hooks) -> {
            VirtualNetwork n = refs.resolve(c, ref);
            access.of(c, actor).require(n, Right.MANAGE, "rename");
            if (networks.nameTaken(c, n.ownership().uid(), name, n.id())) {
                throw new ConflictException("NAME", "NAME: a network named \"" + name + "\" already exists");
            }
            networks.update(c, n.toBuilder().name(name).build());
            return null;
        });
    }

    @Override
    public void lock(Actor actor, ObjectRef ref, LockLevel level) {
        setLock(actor, ref, Optional.of(level));
    }

    @Override
    public void unlock(Actor actor, ObjectRef ref) {
        setLock(actor, ref, Optional.empty());
    }

    private void setLock(Actor actor, ObjectRef ref, Optional<LockLevel> level) {
        tx.write((c, hooks) -> {
            VirtualNetwork n = refs.resolve(c, ref);
            access.of(c, actor).requireRight(n, Right.MANAGE, level.isPresent() ? "lock" : "unlock");
            networks.update(c, n.toBuilder().lock(level).build());
            return null;
        });
    }

    /** {@code chown NET USER [GROUP]}: needs ADMIN on the network. */
    @Override
    public void chown(Actor actor, ObjectRef ref, Optional<String> user, Optional<String> group) {
        tx.write((c, hooks) -> {
            VirtualNetwork n = refs.resolve(c, ref);
            access.of(c, actor).require(n, Right.ADMIN, "change the owner of");
            Ownership to = OwnedObjects.newOwnership(c, users, n.ownership(), user, group);
            if (to.uid() != n.ownership().uid() && networks.nameTaken(c, to.uid(), n.name(), n.id())) {
                throw new ConflictException("NAME", "NAME: the new owner already has a network named \"" + n.name() + "\"");
            }
            networks.update(c, n.toBuilder().ownership(to).build());
            return null;
        });
    }

    /** {@code chmod NET 640}: needs MANAGE, and ADMIN when an ADMIN bit changes. */
    @Override
    public void chmod(Actor actor, ObjectRef ref, Permissions permissions) {
        tx.write((c, hooks) -> {
            VirtualNetwork n = refs.resolve(c, ref);
            access.of(c, actor).requireChmod(Guarded.of(n), permissions);
            networks.update(c, n.toBuilder().ownership(n.ownership().withPermissions(permissions)).build());
            return null;
        });
    }

    /**
     * Copies a network's attributes and address ranges (not its leases) under a
     * new name, owned by the actor; the copy gets fresh MAC addresses and, when
     * the bridge name was generated, its own bridge. Returns the new id.
     */
    @Override
    public int clone(Actor actor, ObjectRef ref, String newName) {
        String name = NetworkAttributes.checkName("NAME", newName);
        return tx.write((c, hooks) -> {
            VirtualNetwork source = refs.resolve(c, ref);
            Access.Checker rights = access.of(c, actor);
            rights.requireRight(source, Right.USE, "clone");
            rights.requireCreate(ResourceType.NET, source.clusterIds());
            if (source.isReservation()) {
                throw new ConflictException("network " + source.label() + " is a reservation; reserve again instead of cloning it");
            }
            Map<String, String> attributes = new LinkedHashMap<>(NetworkAttributes.toAttributes(source));
            attributes.put("NAME", name);
            if (source.conf().bridgeGenerated()) {
                attributes.remove("BRIDGE");
            }
            if (source.conf().automaticVlanId()) {
                attributes.remove("VLAN_ID");
            }
            List<Map<String, String>> ars = new ArrayList<>();
            for (AddressRange ar : source.addressRanges()) {
                Map<String, String> a = new LinkedHashMap<>(ar.toAttributes());
                a.remove("MAC");
                ars.add(a);
            }
            return insertNew(c, rights, attributes, ars);
        });
    }

    /**
     * Every problem of AR attributes, found the way {@link #addAr} (or, with
     * {@code current}, {@link #updateAr}) will, without the inventory: for
     * live form validation. Overlaps and used leases are checked only when
     * the AR is saved.
     */
    public static List<Problem> arProblems(Map<String, String> attributes, Optional<AddressRange> current) {
        ArFactory factory = new ArFactory(MAC_PREFIX, prefix -> Mac.of(prefix, 0));
        return current.map(ar -> factory.updateProblems(ar, attributes))
                .orElseGet(() -> factory.createProblems(attributes));
    }

    /** Adds an AR; returns its id. */
    public int addAr(Actor actor, ObjectRef ref, Map<String, String> attributes) {
        return ars.add(actor, ref, attributes);
    }

    /** Updates an AR named by its AR_ID attribute. */
    public void updateAr(Actor actor, ObjectRef ref, Map<String, String> attributes) {
        ars.update(actor, ref, attributes);
    }

    /**
     * Removes an AR. Refused while it has used leases unless {@code force}; a
     * forced removal returns the addresses it dropped. Removing a reservation's
     * AR frees the parent's addresses.
     */
    public List<String> removeAr(Actor actor, ObjectRef ref, int arId, boolean force) {
        return ars.remove(actor, ref, arId, force);
    }

    /** An AR factory for a network being built inside the caller's transaction ({@code sameNetwork}: its ARs so far). */
    public ArFactory arFactory(Connection c, List<AddressRange> sameNetwork) throws SQLException {
        return ars.factory(c, sameNetwork);
    }
}
