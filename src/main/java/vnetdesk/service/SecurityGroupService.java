package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.PropagationState;
import vnetdesk.model.ResourceType;
import vnetdesk.model.SecurityGroup;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.VnetException;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.ArCatalog;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.OwnedObjects;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.OwnedObjectRepository.Row;
import vnetdesk.store.SecurityGroupCodec;
import vnetdesk.store.SecurityGroupStateRepository;
import vnetdesk.store.SecurityGroupStateRepository.VmState;
import vnetdesk.store.UserRepository;
import vnetdesk.store.VmRepository;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateParser;

/**
 * Security groups: create, update, delete, clone, rename, chown, chmod, and
 * commit; each call one transaction, checked against the actor. Rules are
 * validated before anything is stored, so a bad rule never reaches a host.
 * Security groups have no lock.
 */
public final class SecurityGroupService implements OwnedObjectService {

    /** A group with its owner's names and the networks that carry it. */
    public record GroupSummary(SecurityGroup group, String ownerName, String groupName, List<String> networks) {
    }

    /** The propagation state of the group's rules on one VM. */
    public record VmStatus(int vmId, String vmName, PropagationState state, Optional<String> error) {
    }

    /** A group as its views show it: summary plus the state of each of its VMs. */
    public record GroupDetails(GroupSummary summary, List<VmStatus> vms) {

        public List<VmStatus> vmsIn(PropagationState state) {
            return vms.stream().filter(v -> v.state() == state).toList();
        }
    }

    /**
     * What a commit did. {@code selected}: the VMs it was asked to update;
     * {@code applied}: how many now carry the rules; {@code message} says why
     * the others do not.
     */
    public record CommitReport(List<Integer> selected, int applied, String message) {
    }

    /** One rule a NIC gets, and the groups that grant it. */
    public record EffectiveRule(SecurityRule rule, List<String> groups) {
    }

    /**
     * The rules a NIC of a network gets: the union of its groups' rules with
     * NETWORK_ID expanded per address range. {@code warning} is set when the
     * default group is combined with others (it makes them meaningless);
     * {@code notes} say what could not be expanded.
     */
    public record EffectiveRules(String network, List<String> groups, List<EffectiveRule> rules,
                                 Optional<String> warning, List<String> notes) {
    }

    private final Tx tx;
    private final Access access;
    private final OwnedObjects objects;
    private final OwnedObjectRepository groups;
    private final OwnedObjectRepository templateRows;
    private final SecurityGroupStateRepository states;
    private final LeaseRepository leases;
    private final ArCatalog catalog;
    private final NetworkRepository networks;
    private final UserRepository users;
    private final NetworkRefs refs;
    private final VmRepository vmRows;
    private final SecurityGroupVms vms;
    private final SecurityGroupCommits commits;

    SecurityGroupService(ServiceContext ctx) {
        this.tx = ctx.tx();
        this.access = ctx.access();
        this.groups = OwnedObjectRepository.securityGroups();
        this.templateRows = OwnedObjectRepository.networkTemplates();
        this.objects = new OwnedObjects(ctx, ResourceType.SECGROUP, groups, row -> List.of());
        this.states = new SecurityGroupStateRepository();
        this.vmRows = ctx.vms();
        this.leases = ctx.leases();
        this.catalog = ctx.catalog();
        this.networks = ctx.networks();
        this.users = ctx.users();
        this.refs = ctx.refs();
        this.vms = new SecurityGroupVms(ctx.catalog(), ctx.leases(), ctx.vms());
        this.commits = new SecurityGroupCommits(ctx, objects, states, vms);
    }

    @Override
    public ResourceType type() {
        return ResourceType.SECGROUP;
    }

    @Override
    public boolean lockable() {
        return false;
    }

    /** Creates a group from a template (NAME, DESCRIPTION, RULE vectors); returns its id. */
    public int create(Actor actor, Template template) {
        SecurityGroupTemplate p = SecurityGroupTemplate.parse(template);
        String name = p.name().orElseThrow(() -> ValidationException.missing("NAME"));
        return tx.write((c, hooks) -> {
            access.of(c, actor).requireCreate(ResourceType.SECGROUP, List.of());
            return insert(c, actor, name, p.description().orElse(""), p.rules());
        });
    }

    private int insert(Connection c, Actor actor, String name, String description, List<SecurityRule> rules)
            throws SQLException {
        objects.checkNameFree(c, actor.uid(), name, -1);
        int id = networks.nextId(c, "SECGROUP");
        groups.insert(c, new Row(id, name, new Ownership(actor.uid(), actor.gid(), Permissions.DEFAULT),
                Optional.empty(), 0, SecurityGroupCodec.encode(description, rules)));
        return id;
    }

    /**
     * Replaces the rules and description (or, with {@code append}, adds the
     * template's rules and keeps the rest); NAME renames. Every VM of the group
     * becomes outdated.
     */
    public void update(Actor actor, ObjectRef ref, Template template, boolean append) {
        tx.write((c, hooks) -> {
            Row row = objects.resolve(c, ref);
            access.of(c, actor).require(objects.guarded(row), Right.MANAGE, "update");
            SecurityGroup current = SecurityGroupCodec.decode(row);
            SecurityGroupTemplate p = SecurityGroupTemplate.parse(template);
            String name = p.name().orElse(current.name());
            if (!name.equals(current.name())) {
                objects.checkNameFree(c, row.ownership().uid(), name, row.id());
            }
            List<SecurityRule> rules = new ArrayList<>(append ? current.rules() : List.of());
            rules.addAll(p.rules());
            String description = p.description().orElse(append ? current.description() : "");
            groups.update(c, row.withName(name)
                    .withBody(SecurityGroupCodec.encode(description, SecurityRule.withoutDuplicates(rules))));
            states.setAll(c, row.id(), vms.of(c, row.id(), Optional.empty()), PropagationState.OUTDATED);
            return null;
        });
    }

    /** Deletes a group; refused for {@code default} and while a network uses it. */
    @Override
    public void delete(Actor actor, ObjectRef ref) {
        tx.write((c, hooks) -> {
            Row row = objects.resolve(c, ref);
            Access.Checker rights = access.of(c, actor);
            rights.require(objects.guarded(row), Right.MANAGE, "delete");
            if (row.id() == SecurityGroup.DEFAULT_ID) {
                throw new ConflictException("security group " + row.id() + ":" + row.name()
                        + " is the default group and cannot be deleted");
            }
            List<String> users = networksUsing(c, rights, row.id());
            if (!users.isEmpty()) {
                throw new ConflictException("security group " + row.id() + ":" + row.name()
                        + " is used by networks " + String.join(", ", users) + "; remove it from them first");
            }
            List<String> templateUsers = templatesUsing(c, row.id());
            if (!templateUsers.isEmpty()) {
                throw new ConflictException("security group " + row.id() + ":" + row.name()
                        + " is named by network templates " + String.join(", ", templateUsers)
                        + "; their networks could not be instantiated; remove it from them first");
            }
            groups.delete(c, row.id());
            return null;
        });
    }

    /** Copies a group's rules and description under a new name, owned by the actor; returns the new id. */
    @Override
    public int clone(Actor actor, ObjectRef ref, String newName) {
        String name = NetworkAttributes.checkName("NAME", newName);
        return tx.write((c, hooks) -> {
            Row row = objects.resolve(c, ref);
            Access.Checker rights = access.of(c, actor);
            rights.requireRight(objects.guarded(row), Right.USE, "clone");
            rights.requireCreate(ResourceType.SECGROUP, List.of());
            SecurityGroup source = SecurityGroupCodec.decode(row);
            return insert(c, actor, name, source.description(), source.rules());
        });
    }

    @Override
    public void rename(Actor actor, ObjectRef ref, String newName) {
        objects.rename(actor, ref, newName);
    }

    @Override
    public void chmod(Actor actor, ObjectRef ref, Permissions permissions) {
        objects.chmod(actor, ref, permissions);
    }

    @Override
    public void chown(Actor actor, ObjectRef ref, Optional<String> user, Optional<String> group) {
        objects.chown(actor, ref, user, group);
    }

    /** Refused: security groups have no lock. */
    @Override
    public void lock(Actor actor, ObjectRef ref, LockLevel level) {
        throw notLockable(ref);
    }

    /** Refused: security groups have no lock. */
    @Override
    public void unlock(Actor actor, ObjectRef ref) {
        throw notLockable(ref);
    }

    private static VnetException notLockable(ObjectRef ref) {
        return new VnetException("security group \"" + ValidationException.printable(ref)
                + "\" cannot be locked: security groups have no lock");
    }

    /**
     * Marks the group's VMs (with {@code onlyOutdatedAndFailed}: those
     * outdated or failed) outdated, without applying any host (the CLI's
     * {@code secgroup commit --no-apply}): the report says no host was changed.
     */
    public CommitReport commit(Actor actor, ObjectRef ref, boolean onlyOutdatedAndFailed) {
        return commits.commit(actor, ref, onlyOutdatedAndFailed);
    }

    /** The VMs a commit updates, now marked updating; the host engine applies and then {@link #finishCommit}s. */
    public record CommitSelection(int groupId, String groupLabel, List<Integer> vms) {
        public CommitSelection {
            vms = List.copyOf(vms);
        }
    }

    public CommitSelection beginCommit(Actor actor, ObjectRef ref, boolean onlyOutdatedAndFailed) {
        return commits.begin(actor, ref, onlyOutdatedAndFailed);
    }

    /**
     * Records how a commit ended per VM: up to date, or error with the
     * host's message. A VM deleted meanwhile is left out.
     */
    public void finishCommit(CommitSelection selection, Map<Integer, Optional<String>> errors) {
        commits.finish(selection, errors);
    }

    /** The groups the actor may use. */
    public List<GroupSummary> list(Actor actor) {
        return tx.read(c -> {
            Access.Checker rights = access.of(c, actor);
            Names names = names(c);
            List<GroupSummary> out = new ArrayList<>();
            for (Row row : groups.list(c)) {
                if (rights.may(objects.guarded(row), Right.USE)) {
                    out.add(summary(c, rights, names, row));
                }
            }
            return out;
        });
    }

    /** One group with the propagation state of each VM that has a NIC in it. */
    public GroupDetails show(Actor actor, ObjectRef ref) {
        return tx.read(c -> {
            Row row = objects.resolve(c, ref);
            Access.Checker rights = access.of(c, actor);
            rights.requireRight(objects.guarded(row), Right.USE, "show");
            return details(c, rights, names(c), vmRows.names(c), row);
        });
    }

    /** The groups the actor may use, each as {@link #show} gives it, read in one transaction. */
    public List<GroupDetails> listDetails(Actor actor) {
        return tx.read(c -> {
            Access.Checker rights = access.of(c, actor);
            Names names = names(c);
            Map<Integer, String> vmNames = vmRows.names(c);
            List<GroupDetails> out = new ArrayList<>();
            for (Row row : groups.list(c)) {
                if (rights.may(objects.guarded(row), Right.USE)) {
                    out.add(details(c, rights, names, vmNames, row));
                }
            }
            return out;
        });
    }

    private GroupDetails details(Connection c, Access.Checker rights, Names names, Map<Integer, String> vmNames,
                                 Row row) throws SQLException {
        Map<Integer, VmState> stored = states.states(c, row.id());
        List<VmStatus> statuses = new ArrayList<>();
        for (int vm : vms.of(c, row.id(), Optional.of(rights))) {
            VmState s = stored.getOrDefault(vm, new VmState(PropagationState.OUTDATED, Optional.empty()));
            statuses.add(new VmStatus(vm, vmNames.getOrDefault(vm, ""), s.state(), s.error()));
        }
        return new GroupDetails(summary(c, rights, names, row), statuses);
    }

    /**
     * The security-group state of each VM with a NIC on the network (the Leases
     * tab's SG state): across the network's groups, the state furthest from
     * done (error, then outdated, then updating). Empty for a network without
     * groups. Needs USE on the network.
     */
    public Map<Integer, VmStatus> vmStatesOn(Actor actor, ObjectRef networkRef) {
        return tx.read(c -> {
            VirtualNetwork n = refs.resolve(c, networkRef);
            access.of(c, actor).requireRight(n, Right.USE, "show the security-group state of");
            Map<Integer, VmStatus> out = new LinkedHashMap<>();
            if (n.securityGroups().isEmpty()) {
                return out;
            }
            SortedSet<Integer> vms = leases.vmsOn(c, List.of(n.id()));
            Map<Integer, String> vmNames = vmRows.names(c);
            for (int groupId : n.securityGroups()) {
                Map<Integer, VmState> stored = states.states(c, groupId);
                for (int vm : vms) {
                    VmState s = stored.getOrDefault(vm, new VmState(PropagationState.OUTDATED, Optional.empty()));
                    VmStatus candidate = new VmStatus(vm, vmNames.getOrDefault(vm, ""), s.state(), s.error());
                    out.merge(vm, candidate, (a, b) -> rank(b.state()) > rank(a.state()) ? b : a);
                }
            }
            return out;
        });
    }

    /** How far from done a state is: error, then outdated, then updating, then up to date. */
    private static int rank(PropagationState s) {
        return switch (s) {
            case ERROR -> 3;
            case OUTDATED -> 2;
            case UPDATING -> 1;
            case UPDATED -> 0;
        };
    }

    /** The effective rules of a NIC of the network (needs USE on the network). */
    public EffectiveRules effectiveRules(Actor actor, ObjectRef networkRef) {
        return tx.read(c -> {
            VirtualNetwork n = refs.resolve(c, networkRef);
            access.of(c, actor).requireRight(n, Right.USE, "show the security rules of");
            return EffectiveRulesOf.network(c, n, groups, networks);
        });
    }

    /** User and group names by id, read once per call. */
    private record Names(Map<Integer, String> users, Map<Integer, String> groups) {
    }

    private Names names(Connection c) throws SQLException {
        return new Names(users.userNames(c), users.groupNames(c));
    }

    private GroupSummary summary(Connection c, Access.Checker rights, Names names, Row row) throws SQLException {
        return new GroupSummary(SecurityGroupCodec.decode(row), names.users().getOrDefault(row.ownership().uid(), "?"),
                names.groups().getOrDefault(row.ownership().gid(), "?"), networksUsing(c, rights, row.id()));
    }

    /**
     * The networks carrying the group that the actor may see, by label, and a
     * count of the others (their names are not the actor's to read).
     */
    private List<String> networksUsing(Connection c, Access.Checker rights, int groupId) throws SQLException {
        List<String> out = new ArrayList<>();
        int hidden = 0;
        for (VirtualNetwork n : catalog.networks(c)) {
            if (n.securityGroups().contains(groupId)) {
                if (rights.may(n, Right.USE)) {
                    out.add(n.label());
                } else {
                    hidden++;
                }
            }
        }
        if (hidden > 0) {
            out.add(hidden + " more you may not see");
        }
        return out;
    }

    /** Network templates whose SECURITY_GROUPS name the group, by label. */
    private List<String> templatesUsing(Connection c, int groupId) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Row t : templateRows.list(c)) {
            Optional<String> ids = TemplateParser.parse(t.body(), "network template " + t.id()).single("SECURITY_GROUPS");
            if (ids.flatMap(v -> NetworkAttributes.idList("SECURITY_GROUPS", v)).orElse(List.of()).contains(groupId)) {
                out.add(t.id() + ":" + t.name());
            }
        }
        return out;
    }
}
