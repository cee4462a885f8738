package vnetdesk.ui.network;

import java.math.BigInteger;

import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.Words;
import vnetdesk.service.QueryService.NetworkSummary;
import vnetdesk.ui.common.OwnedObjectActions;
import vnetdesk.ui.common.Usage;

/**
 * One line of the networks table: what the columns show, computed once per load.
 *
 * @param onHosts "managed", or "not managed" for a driver vnetdesk does not configure on hosts
 */
public record NetworkRow(int id, String name, String driver, String onHosts, String vlan, String bridge, long used,
                         BigInteger size, String owner, String group, String lock, String parent) {

    /** What the On hosts column says of a network whose driver vnetdesk does not configure on hosts. */
    public static final String NOT_MANAGED = "not managed";

    static NetworkRow of(NetworkSummary s) {
        VirtualNetwork n = s.network();
        return new NetworkRow(n.id(), n.name(), n.conf().driver().label(),
                n.conf().driver().managedOnHosts() ? "managed" : NOT_MANAGED,
                n.conf().vlanId().map(String::valueOf).orElse(""), n.conf().bridge(), s.used(), n.totalSize(),
                s.ownerName(), s.groupName(), n.lock().map(l -> l.name()).orElse(""),
                n.parentNetworkId().map(String::valueOf).orElse(""));
    }

    /** used / size between 0 and 1 (0 for a network without addresses). */
    public double usage() {
        return Usage.fraction(used, size);
    }

    /** The network as the whole-object actions name it; a delete is refused while leases are in use. */
    public OwnedObjectActions.Target target() {
        String inUse = used > 0 ? "\n\nIt has " + Words.count(used, "used lease") + "; delete is refused while"
                + " addresses are in use (release holds, detach NICs, delete reservations first)." : "";
        return new OwnedObjectActions.Target(id, name, owner, group, inUse);
    }

    /** "12 / 254" — sizes beyond a long (a /64) are printed in full. */
    public String leasesText() {
        return used + " / " + size;
    }

    /** Whether the filter text (case-insensitive) appears in the id, name, driver, on-hosts, VLAN, bridge or owner. */
    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.trim().toLowerCase(java.util.Locale.ROOT);
        return String.valueOf(id).equals(f) || name.toLowerCase(java.util.Locale.ROOT).contains(f)
                || driver.toLowerCase(java.util.Locale.ROOT).contains(f) || onHosts.equals(f) || vlan.equals(f)
                || bridge.toLowerCase(java.util.Locale.ROOT).contains(f)
                || owner.toLowerCase(java.util.Locale.ROOT).contains(f);
    }
}
