package vnetdesk.host.desired;

import java.util.List;

import vnetdesk.model.VirtualNetwork;

/**
 * A network on a host whose driver vnetdesk does not configure on hosts
 * ({@code Driver.managedOnHosts()} false: Open vSwitch, vCenter, dummy …):
 * the engine plans, applies, verifies and checks nothing of it, and its NICs
 * get no firewall or QoS from vnetdesk — whatever the driver itself does on
 * the host is left alone.
 *
 * @param taps the taps of the NICs on it, in inventory order
 */
public record SkippedNetwork(VirtualNetwork network, List<String> taps) {

    public SkippedNetwork {
        taps = List.copyOf(taps);
    }

    /** Why it is skipped, in words: {@code driver ovswitch is not managed on hosts}. */
    public String reason() {
        return "driver " + network.conf().driver().mad() + " is not managed on hosts";
    }

    /**
     * The plan's note: {@code network 7:ovs-lan skipped: driver ovswitch is not managed on hosts; vnetdesk
     * configures no bridge, device, firewall or QoS for it (NICs one-5-0, one-6-0 get no firewall from vnetdesk)}.
     */
    public String note() {
        String nics = taps.isEmpty() ? "" : " (" + (taps.size() == 1 ? "NIC " : "NICs ") + String.join(", ", taps)
                + (taps.size() == 1 ? " gets" : " get") + " no firewall from vnetdesk)";
        return "network " + network.label() + " skipped: " + reason()
                + "; vnetdesk configures no bridge, device, firewall or QoS for it" + nics;
    }
}
