package vnetdesk.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.AddressRange;
import vnetdesk.model.Driver;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.VirtualNetwork;

/**
 * Small text and JSON forms shared by several commands: leases, addresses,
 * sizes. JSON maps hold only strings and numbers; values that can exceed
 * 2^63 (sizes, indexes) are strings.
 */
final class Views {

    /** Shown in a table cell that has no value. */
    static final String NONE = "-";

    private Views() {
    }

    /**
     * After a change of a network: each overlap with a network on the same L2
     * segment, as a warning on stderr (the change is made: overlaps on one
     * segment are allowed, but an administrator must know).
     */
    static void warnOverlaps(CliContext ctx, vnetdesk.model.ObjectRef network) {
        ctx.inventory().queries().overlaps(ctx.actor(), network)
                .forEach(o -> ctx.err().println("warning: network " + network + " " + o.message()));
    }

    static String vlan(VirtualNetwork n) {
        return n.conf().vlanId().map(Object::toString).orElse(NONE);
    }

    /** "yes", or "no (driver ovswitch is not configured by vnetdesk)" for a driver vnetdesk leaves alone on hosts. */
    static String managedOnHosts(VirtualNetwork n) {
        Driver d = n.conf().driver();
        return d.managedOnHosts() ? "yes" : "no (driver " + d.mad() + " is not configured by vnetdesk)";
    }

    /** The driver as {@code vnet list} shows it: an unmanaged one marked with {@link #NOT_MANAGED_MARK}. */
    static String listedDriver(VirtualNetwork n) {
        Driver d = n.conf().driver();
        return d.managedOnHosts() ? d.mad() : d.mad() + NOT_MANAGED_MARK;
    }

    /** Marks a driver vnetdesk does not configure on hosts in {@code vnet list}; explained under the table. */
    static final String NOT_MANAGED_MARK = "*";

    static String clusters(VirtualNetwork n) {
        return n.clusterIds().isEmpty() ? NONE : join(n.clusterIds());
    }

    static String join(List<?> values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(v);
        }
        return b.toString();
    }

    /** The IPv6 address an administrator looks for in a lease list: static, else global, else ULA. */
    static Optional<Ipv6> mainIpv6(LeaseAddresses a) {
        return a.ip6().or(a::ip6Global).or(a::ip6Ula);
    }

    static String ipv4Cell(LeaseAddresses a) {
        return a.ip().map(Ipv4::toString).orElse(NONE);
    }

    static String ipv6Cell(LeaseAddresses a) {
        return mainIpv6(a).map(Ipv6::toString).orElse(NONE);
    }

    /** Header of a lease table; rows come from {@link #addLeaseRow}. */
    static Table leaseTable() {
        return new Table("AR", "OWNER", "MAC", "IP", "IP6").alignRight(0);
    }

    static void addLeaseRow(Table t, Lease l, String owner) {
        LeaseAddresses a = l.addresses();
        t.row(l.arId(), owner, a.mac(), ipv4Cell(a), ipv6Cell(a));
    }

    /** A lease as JSON: {@code owner} is always the label (VM:3 NIC:0, HOLD, NET:7), as in whois --json. */
    static Map<String, Object> leaseJson(Lease l, String ownerDescription) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ar_id", l.arId());
        m.put("index", Long.toUnsignedString(l.index()));
        m.put("owner", l.owner().label());
        if (!ownerDescription.equals(l.owner().label())) {
            m.put("owner_description", ownerDescription);
        }
        m.putAll(addressesJson(l.addresses(), ""));
        return m;
    }

    /** The addresses present, under OpenNebula's attribute names in lower case plus {@code s} (e.g. "_end"). */
    static Map<String, Object> addressesJson(LeaseAddresses a, String s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mac" + s, a.mac().toString());
        a.ip().ifPresent(ip -> m.put("ip" + s, ip.toString()));
        a.ip6().ifPresent(ip -> m.put("ip6" + s, ip.toString()));
        a.ip6Global().ifPresent(ip -> m.put("ip6_global" + s, ip.toString()));
        a.ip6Ula().ifPresent(ip -> m.put("ip6_ula" + s, ip.toString()));
        a.ip6Link().ifPresent(ip -> m.put("ip6_link" + s, ip.toString()));
        return m;
    }

    /** Rows of an AR's first/last table: MAC, IP, IP6_GLOBAL, IP6_ULA, IP6 as present. */
    static Table rangeTable(AddressRange ar) {
        LeaseAddresses first = ar.firstAddresses();
        LeaseAddresses last = ar.lastAddresses();
        Table t = new Table("RANGE", "FIRST", "LAST");
        t.row("MAC", first.mac(), last.mac());
        if (first.ip().isPresent()) {
            t.row("IP", first.ip().get(), last.ip().orElseThrow());
        }
        if (first.ip6Global().isPresent()) {
            t.row("IP6_GLOBAL", first.ip6Global().get(), last.ip6Global().orElseThrow());
        }
        if (first.ip6Ula().isPresent()) {
            t.row("IP6_ULA", first.ip6Ula().get(), last.ip6Ula().orElseThrow());
        }
        if (first.ip6().isPresent()) {
            t.row("IP6", first.ip6().get(), last.ip6().orElseThrow());
        }
        return t;
    }
}
