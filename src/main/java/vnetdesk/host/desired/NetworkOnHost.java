package vnetdesk.host.desired;

import vnetdesk.model.VirtualNetwork;

/**
 * A network whose devices may be needed on a host.
 *
 * @param pinned the admin keeps this network on the host (pinned, or "keep
 *               bridge"): its bridge and VLAN/VXLAN device stay even when no
 *               NIC of it is on the host
 */
public record NetworkOnHost(VirtualNetwork network, boolean pinned) {
}
