package vnetdesk.service;

import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.Permissions.Who;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.VnetException;

/**
 * Permission and lock checks of the service layer: owner/group/other ×
 * USE/MANAGE/ADMIN as in OpenNebula; administrators pass every check. A
 * refusal names the missing right and the object.
 */
final class Access {

    private Access() {
    }

    /** Checks that {@code actor} has {@code right} on the network and that no lock refuses it. */
    static void require(Actor actor, VirtualNetwork n, Right right, String operation) {
        requireRight(actor, n.ownership(), right, "network " + n.label(), operation);
        n.lock().ifPresent(level -> refuseIfLocked(level, right, "network " + n.label(), operation));
    }

    static void requireRight(Actor actor, Ownership o, Right right, String object, String operation) {
        if (actor.isAdmin()) {
            return;
        }
        Permissions p = o.permissions();
        boolean allowed = (o.uid() == actor.uid() && p.has(Who.OWNER, right))
                || (o.gid() == actor.gid() && p.has(Who.GROUP, right))
                || p.has(Who.OTHER, right);
        if (!allowed) {
            throw new PermissionDeniedException("user " + actor.name() + " may not " + operation + " " + object
                    + ": it needs " + right + " rights on it");
        }
    }

    private static void refuseIfLocked(LockLevel level, Right needed, String object, String operation) {
        if (level.refuses(needed)) {
            throw new ConflictException(object + " is locked (" + level + "); unlock it before you " + operation + " it");
        }
    }

    /** A call was refused for missing rights. */
    static final class PermissionDeniedException extends VnetException {
        PermissionDeniedException(String message) {
            super(message);
        }
    }
}
