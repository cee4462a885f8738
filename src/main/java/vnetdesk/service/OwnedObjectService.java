package vnetdesk.service;

import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.ResourceType;

/**
 * What every kind of owned object offers the CLI and the console alike — clone,
 * rename, chown, chmod, lock, unlock, delete — so that they handle networks,
 * network templates and security groups (and VMs, hosts and clusters to come)
 * with one piece of code. Each call is one transaction checked against the
 * actor; a refusal is a {@link vnetdesk.model.VnetException} naming the object.
 */
public interface OwnedObjectService {

    /** The kind of object this service manages. */
    ResourceType type();

    /**
     * Whether objects of this kind can be locked; {@link #lock} and
     * {@link #unlock} of a kind that cannot are refused.
     */
    boolean lockable();

    /** Copies the object under a new name, owned by the actor; returns the new id. */
    int clone(Actor actor, ObjectRef ref, String newName);

    void rename(Actor actor, ObjectRef ref, String newName);

    /** {@code chown OBJECT USER [GROUP]}: either may be absent (kept); needs ADMIN on the object. */
    void chown(Actor actor, ObjectRef ref, Optional<String> user, Optional<String> group);

    /** Needs MANAGE on the object, and ADMIN when an ADMIN bit changes. */
    void chmod(Actor actor, ObjectRef ref, Permissions permissions);

    void lock(Actor actor, ObjectRef ref, LockLevel level);

    void unlock(Actor actor, ObjectRef ref);

    /** Deletes the object; each kind refuses while something still depends on it. */
    void delete(Actor actor, ObjectRef ref);
}
