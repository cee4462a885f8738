package vnetdesk.service.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import vnetdesk.model.AclRight;
import vnetdesk.model.AclRule;
import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.Permissions.Who;
import vnetdesk.model.ResourceType;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.VnetException;
import vnetdesk.store.AclRepository;
import vnetdesk.store.UserRepository;

/**
 * Permission and lock checks of the service layer, as OpenNebula does them:
 * a right is granted by the object's owner/group/other × USE/MANAGE/ADMIN
 * bits or by an ACL rule; creating objects needs an ACL rule; administrators
 * (the oneadmin group) pass every check. A refusal names the missing right and
 * the object.
 */
public final class Access {

    private final AclRepository acls;
    private final UserRepository users;

    public Access(AclRepository acls, UserRepository users) {
        this.acls = acls;
        this.users = users;
    }

    /**
     * The checks for one actor inside one transaction. The user is read again,
     * so a console opened before a change of group (or a deletion) acts with the
     * rights the user has now; ACL rules are read once.
     */
    public Checker of(Connection c, Actor actor) throws SQLException {
        Actor current = users.findUser(c, actor.uid()).map(u -> new Actor(u.id(), u.name(), u.gid()))
                .orElseThrow(() -> new PermissionDeniedException("user " + actor.name() + " (id " + actor.uid()
                        + ") no longer exists; act as another user"));
        return new Checker(current, current.isAdmin() ? List.of() : acls.list(c));
    }

    /** Rights of one actor, with the ACL rules in force. */
    public static final class Checker {
        private final Actor actor;
        private final List<AclRule> rules;

        private Checker(Actor actor, List<AclRule> rules) {
            this.actor = actor;
            this.rules = rules;
        }

        /** The actor as the inventory knows it now. */
        public Actor actor() {
            return actor;
        }

        /** Refuses the call unless the actor is an administrator (a member of the oneadmin group). */
        public void requireAdmin(String operation) {
            if (!actor.isAdmin()) {
                throw new PermissionDeniedException("user " + actor.name() + " may not " + operation
                        + ": it needs oneadmin rights (a member of the oneadmin group)");
            }
        }

        /** Whether the actor holds the right on the object (locks aside). */
        public boolean may(Guarded g, Right right) {
            if (actor.isAdmin() || byBits(g.ownership(), right)) {
                return true;
            }
            AclRule.ObjectRef ref = new AclRule.ObjectRef(OptionalInt.of(g.id()), OptionalInt.of(g.ownership().gid()),
                    Set.copyOf(g.clusterIds()));
            AclRight wanted = AclRight.valueOf(right.name());
            return rules.stream().anyMatch(r -> r.grants(actor.uid(), actor.gid(), g.type(), wanted, ref));
        }

        public boolean may(VirtualNetwork n, Right right) {
            return may(Guarded.of(n), right);
        }

        /** Refuses unless the actor holds the right; locks are not looked at (lock, unlock, show). */
        public void requireRight(Guarded g, Right right, String operation) {
            if (!may(g, right)) {
                throw new PermissionDeniedException("user " + actor.name() + " may not " + operation + " "
                        + g.described() + ": it needs " + right + " rights on it");
            }
        }

        /** Refuses unless the actor holds the right and no lock of the object refuses the operation. */
        public void require(Guarded g, Right right, String operation) {
            requireRight(g, right, operation);
            g.lock().ifPresent(level -> refuseIfLocked(level, right, g.described(), operation));
        }

        public void require(VirtualNetwork n, Right right, String operation) {
            require(Guarded.of(n), right, operation);
        }

        public void requireRight(VirtualNetwork n, Right right, String operation) {
            requireRight(Guarded.of(n), right, operation);
        }

        /**
         * Refuses unless an ACL rule lets the actor create objects of this type in
         * its group (or, for a {@code %cid} rule, in one of {@code clusterIds}).
         */
        public void requireCreate(ResourceType type, List<Integer> clusterIds) {
            if (actor.isAdmin()) {
                return;
            }
            AclRule.ObjectRef ref = new AclRule.ObjectRef(OptionalInt.empty(), OptionalInt.of(actor.gid()),
                    Set.copyOf(clusterIds));
            if (rules.stream().noneMatch(r -> r.grants(actor.uid(), actor.gid(), type, AclRight.CREATE, ref))) {
                throw new PermissionDeniedException("user " + actor.name() + " may not create a " + type.noun()
                        + ": it needs the CREATE right on " + type + " (an ACL rule such as \"@" + actor.gid() + " "
                        + type + "/* CREATE\" grants it)");
            }
        }

        /**
         * chmod: MANAGE on the object, and ADMIN as well when an ADMIN bit changes
         * (as OpenNebula).
         */
        public void requireChmod(Guarded g, Permissions to) {
            require(g, Right.MANAGE, "change the permissions of");
            boolean adminBitsChange = false;
            for (Who w : Who.values()) {
                adminBitsChange |= g.ownership().permissions().has(w, Right.ADMIN) != to.has(w, Right.ADMIN);
            }
            if (adminBitsChange) {
                require(g, Right.ADMIN, "change the ADMIN permissions of");
            }
        }

        private boolean byBits(Ownership o, Right right) {
            Permissions p = o.permissions();
            return (o.uid() == actor.uid() && p.has(Who.OWNER, right))
                    || (o.gid() == actor.gid() && p.has(Who.GROUP, right))
                    || p.has(Who.OTHER, right);
        }
    }

    private static void refuseIfLocked(LockLevel level, Right needed, String object, String operation) {
        if (level.refuses(needed)) {
            throw new ConflictException(object + " is locked (" + level + "); unlock it before you " + operation + " it");
        }
    }

    /** A call was refused for missing rights. */
    public static final class PermissionDeniedException extends VnetException {
        public PermissionDeniedException(String message) {
            super(message);
        }
    }
}
