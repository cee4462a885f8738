package vnetdesk.service.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.OwnedObjectRepository.Row;
import vnetdesk.store.UserRepository;

/**
 * The operations security groups and network templates share: finding one
 * by id or name, and rename, chown, chmod, lock — each one transaction,
 * checked against the actor and written against the version it was read with.
 */
public final class OwnedObjects {

    /** One change of a stored object, inside the transaction {@link #write} opens. */
    @FunctionalInterface
    private interface Change {
        void apply(Connection c, Access.Checker rights) throws SQLException;
    }

    private final Tx tx;
    private final Access access;
    private final ResourceType type;
    private final OwnedObjectRepository repo;
    private final UserRepository users;
    private final Function<Row, List<Integer>> clustersOf;

    /** {@code clustersOf} gives the clusters of a stored object, for ACL rules scoped to a cluster. */
    public OwnedObjects(ServiceContext ctx, ResourceType type, OwnedObjectRepository repo,
                        Function<Row, List<Integer>> clustersOf) {
        this.tx = ctx.tx();
        this.access = ctx.access();
        this.type = type;
        this.repo = repo;
        this.users = ctx.users();
        this.clustersOf = clustersOf;
    }

    public ResourceType type() {
        return type;
    }

    /** The object named by id or by name; a name used by several owners must be given as id. */
    public Row resolve(Connection c, ObjectRef ref) throws SQLException {
        int id = RefLookup.idOf(c, ref, type.toString(), type.noun(), repo::idsByName);
        return repo.find(c, id).orElseThrow(() -> RefLookup.notFound(type.noun(), ref));
    }

    public Guarded guarded(Row row) {
        return new Guarded(type, row.id(), row.id() + ":" + row.name(), row.ownership(), row.lock(),
                clustersOf.apply(row));
    }

    /**
     * Checks that objects named in an attribute (e.g. a network's
     * SECURITY_GROUPS) exist and that the actor may use each of them.
     */
    public void requireUsable(Connection c, Access.Checker rights, String field, List<Integer> ids) throws SQLException {
        for (int id : ids) {
            Row row = repo.find(c, id).orElseThrow(() -> ValidationException.invalid(field, id,
                    type.noun() + " " + id + " does not exist"));
            rights.requireRight(guarded(row), Right.USE, "use");
        }
    }

    /** Refuses a name the owner already uses for another object of this kind. */
    public void checkNameFree(Connection c, int uid, String name, int exceptId) throws SQLException {
        if (repo.nameTaken(c, uid, name, exceptId)) {
            String owner = users.userNames(c).getOrDefault(uid, "#" + uid);
            throw new ConflictException("NAME", "NAME: a " + type.noun() + " named \"" + name + "\" already exists for user "
                    + owner);
        }
    }

    public void rename(Actor actor, ObjectRef ref, String newName) {
        write(actor, (c, rights) -> rename(c, rights, ref, newName));
    }

    public void chmod(Actor actor, ObjectRef ref, Permissions to) {
        write(actor, (c, rights) -> chmod(c, rights, ref, to));
    }

    public void chown(Actor actor, ObjectRef ref, Optional<String> user, Optional<String> group) {
        write(actor, (c, rights) -> chown(c, rights, ref, user, group));
    }

    /** Locks at {@code level}, or unlocks when it is empty. */
    public void setLock(Actor actor, ObjectRef ref, Optional<LockLevel> level) {
        write(actor, (c, rights) -> setLock(c, rights, ref, level));
    }

    private void write(Actor actor, Change change) {
        tx.write((c, hooks) -> {
            change.apply(c, access.of(c, actor));
            return null;
        });
    }

    private void rename(Connection c, Access.Checker rights, ObjectRef ref, String newName) throws SQLException {
        String name = NetworkAttributes.checkName("NAME", newName);
        Row row = resolve(c, ref);
        rights.require(guarded(row), Right.MANAGE, "rename");
        checkNameFree(c, row.ownership().uid(), name, row.id());
        repo.update(c, row.withName(name));
    }

    private void chmod(Connection c, Access.Checker rights, ObjectRef ref, Permissions to) throws SQLException {
        Row row = resolve(c, ref);
        rights.requireChmod(guarded(row), to);
        repo.update(c, row.withOwnership(row.ownership().withPermissions(to)));
    }

    private void chown(Connection c, Access.Checker rights, ObjectRef ref, Optional<String> user,
                       Optional<String> group) throws SQLException {
        Row row = resolve(c, ref);
        rights.require(guarded(row), Right.ADMIN, "change the owner of");
        Ownership to = newOwnership(c, users, row.ownership(), user, group);
        if (to.uid() != row.ownership().uid()) {
            checkNameFree(c, to.uid(), row.name(), row.id());
        }
        repo.update(c, row.withOwnership(to));
    }

    private void setLock(Connection c, Access.Checker rights, ObjectRef ref, Optional<LockLevel> level)
            throws SQLException {
        Row row = resolve(c, ref);
        rights.requireRight(guarded(row), Right.MANAGE, level.isPresent() ? "lock" : "unlock");
        repo.update(c, row.withLock(level));
    }

    /**
     * The ownership after {@code chown USER [GROUP]}: either part may be absent
     * (kept); both are given by name or id and must exist.
     */
    public static Ownership newOwnership(Connection c, UserRepository users, Ownership from, Optional<String> user,
                                  Optional<String> group) throws SQLException {
        if (user.isEmpty() && group.isEmpty()) {
            throw new ValidationException("USER", "USER: give a new owner user, a new group, or both");
        }
        int uid = from.uid();
        if (user.isPresent()) {
            uid = users.userId(c, user.get()).orElseThrow(() -> new NotFoundException("USER: user \""
                    + ValidationException.printable(user.get()) + "\" does not exist"));
        }
        int gid = from.gid();
        if (group.isPresent()) {
            gid = users.groupId(c, group.get()).orElseThrow(() -> new NotFoundException("GROUP: group \""
                    + ValidationException.printable(group.get()) + "\" does not exist"));
        }
        return new Ownership(uid, gid, from.permissions());
    }
}
