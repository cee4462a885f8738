package vnetdesk.service.core;

import java.util.List;
import java.util.Optional;

import vnetdesk.model.LockLevel;
import vnetdesk.model.Ownership;
import vnetdesk.model.ResourceType;
import vnetdesk.model.VirtualNetwork;

/**
 * What a permission check needs to know of an object: its kind and id (for
 * ACL rules), owner, group and permission bits, lock, and clusters.
 */
public record Guarded(ResourceType type, int id, String label, Ownership ownership, Optional<LockLevel> lock,
               List<Integer> clusterIds) {

    public static Guarded of(VirtualNetwork n) {
        return new Guarded(ResourceType.NET, n.id(), n.label(), n.ownership(), n.lock(), n.clusterIds());
    }

    /** "network 3:web" for messages. */
    public String described() {
        return type.noun() + " " + label;
    }
}
