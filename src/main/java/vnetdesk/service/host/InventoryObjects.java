package vnetdesk.service.host;

import java.util.List;
import java.util.Optional;

import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.ResourceType;
import vnetdesk.model.vm.Cluster;
import vnetdesk.model.vm.Host;
import vnetdesk.service.core.Guarded;

/**
 * Hosts and clusters as rights checks see them: OpenNebula gives them no
 * owner and no permission bits, so only administrators and ACL rules (by id,
 * or by cluster for {@code %cid}) grant rights on them.
 */
public final class InventoryObjects {

    /** Owned by oneadmin with no bits: nobody but an administrator or an ACL grant gets a right from them. */
    private static final Ownership NOBODY = new Ownership(0, 0, new Permissions(0));

    private InventoryObjects() {
    }

    public static Guarded guarded(Cluster c) {
        return new Guarded(ResourceType.CLUSTER, c.id(), c.label(), NOBODY, Optional.empty(), List.of(c.id()));
    }

    public static Guarded guarded(Host h) {
        return new Guarded(ResourceType.HOST, h.id(), h.label(), NOBODY, Optional.empty(), List.of(h.clusterId()));
    }
}
