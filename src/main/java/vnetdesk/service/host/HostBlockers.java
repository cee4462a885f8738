package vnetdesk.service.host;

import java.util.ArrayList;
import java.util.List;

import vnetdesk.host.actual.ProbeResult;
import vnetdesk.host.desired.HostInventory;
import vnetdesk.host.desired.NetworkOnHost;

/**
 * What a host cannot carry of what the inventory puts on it, from its probe:
 * a network whose driver the host cannot run (with the probe's reasons), or
 * outbound QoS on a kernel without traffic policing. Found before anything
 * runs, so a plan is blocked instead of failing half-way.
 */
final class HostBlockers {

    private HostBlockers() {
    }

    /** What the host cannot run of what it must carry, from its probe. */
    static List<String> of(HostInventory all, ProbeResult probe) {
        // a network vnetdesk does not manage needs nothing of the host: it is skipped, not blocking
        HostInventory inventory = all.managedOnly();
        List<String> out = new ArrayList<>();
        for (NetworkOnHost n : inventory.networks()) {
            List<String> why = probe.drivers().getOrDefault(n.network().conf().driver(), List.of());
            if (!why.isEmpty()) {
                out.add("network " + n.network().label() + " uses driver " + n.network().conf().driver().mad()
                        + ", which this host cannot run: " + String.join("; ", why));
            }
        }
        boolean polices = inventory.nics().stream().anyMatch(nic -> nic.qos()
                .or(() -> inventory.networks().stream().filter(n -> n.network().id() == nic.networkId()).findFirst()
                        .map(n -> n.network().qos()))
                .map(q -> q.outboundAvg().isPresent()).orElse(false));
        if (polices && !probe.has("act_police")) {
            out.add("a NIC on this host has outbound QoS, and the host's kernel cannot police traffic (no act_police)");
        }
        return out;
    }

}
