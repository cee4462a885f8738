package vnetdesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vnetdesk.model.AddressRange;
import vnetdesk.model.AttributeVector;
import vnetdesk.model.Lease;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.SegmentOverlaps;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;
import vnetdesk.template.TemplateWriter;

/**
 * {@code vnet show}: one network in the sections of {@code onevnet show}
 * (information, permissions, template, address range pool, leases) or as JSON.
 */
final class NetworkShow {

    /** Leases shown inline; {@code vnet leases} lists them all. */
    static final int LEASE_LIMIT = 1000;

    private static final String LABEL = "%-20s: %s%n";

    private final NetworkDetails d;
    private final VirtualNetwork n;

    private final List<SegmentOverlaps.Overlap> overlaps;

    NetworkShow(NetworkDetails details) {
        this(details, List.of());
    }

    /** {@code overlaps}: networks on the same L2 segment leasing some of the same addresses, shown as warnings. */
    NetworkShow(NetworkDetails details, List<SegmentOverlaps.Overlap> overlaps) {
        this.d = details;
        this.n = details.network();
        this.overlaps = List.copyOf(overlaps);
    }

    void print(PrintStream out) {
        NetworkConf c = n.conf();
        out.println("VIRTUAL NETWORK INFORMATION");
        out.printf(LABEL, "ID", n.id());
        out.printf(LABEL, "NAME", n.name());
        out.printf(LABEL, "USER", d.ownerName());
        out.printf(LABEL, "GROUP", d.groupName());
        out.printf(LABEL, "LOCK", n.lock().map(Enum::name).orElse("None"));
        out.printf(LABEL, "CLUSTERS", Views.clusters(n));
        out.printf(LABEL, "BRIDGE", c.bridge());
        out.printf(LABEL, "VN_MAD", c.driver().mad());
        out.printf(LABEL, "BRIDGE TYPE", c.bridgeType());
        out.printf(LABEL, "MANAGED ON HOSTS", Views.managedOnHosts(n));
        out.printf(LABEL, "PHYSICAL DEVICE", c.phydev().orElse(""));
        out.printf(LABEL, "VLAN ID", c.vlanId().map(Object::toString).orElse(""));
        if (c.automaticVlanId()) {
            out.printf(LABEL, "AUTOMATIC VLAN ID", "YES");
        }
        n.parentNetworkId().ifPresent(p -> out.printf(LABEL, "PARENT NETWORK", p));
        out.printf(LABEL, "USED LEASES", d.usedLeases());
        out.println();
        if (!overlaps.isEmpty()) {
            out.println("WARNINGS");
            overlaps.forEach(o -> out.println("this network " + o.message()));
            out.println();
        }

        out.println("PERMISSIONS");
        String rights = n.ownership().permissions().letters();
        out.printf(LABEL, "OWNER", rights.substring(0, 3));
        out.printf(LABEL, "GROUP", rights.substring(3, 6));
        out.printf(LABEL, "OTHER", rights.substring(6, 9));
        out.println();

        out.println("VIRTUAL NETWORK TEMPLATE");
        out.print(TemplateWriter.write(templateOf(n)));
        out.println();

        out.println("ADDRESS RANGE POOL");
        for (AddressRange ar : n.addressRanges()) {
            printAr(out, ar);
        }
        if (n.addressRanges().isEmpty()) {
            out.println("(no address ranges)");
            out.println();
        }

        out.println("LEASES");
        Table t = Views.leaseTable();
        for (Lease l : d.leases()) {
            Views.addLeaseRow(t, l, ownerText(l));
        }
        t.print(out);
        long more = d.usedLeases() - d.leases().size();
        if (more > 0) {
            out.println("… " + more + " more; vnet leases " + n.id() + " lists them all");
        }
    }

    private void printAr(PrintStream out, AddressRange ar) {
        out.println("AR " + ar.id());
        out.printf(LABEL, "TYPE", ar.type().typeName());
        out.printf(LABEL, "SIZE", ar.size());
        out.printf(LABEL, "LEASES", d.used(ar.id()));
        ar.parentArId().ifPresent(p -> out.printf(LABEL, "PARENT AR", p));
        ar.type().prefixLength().ifPresent(len -> out.printf(LABEL, "PREFIX_LENGTH", len));
        ar.attributes().forEach((k, v) -> out.printf(LABEL, k, v));
        out.println();
        Views.rangeTable(ar).print(out);
        out.println();
    }

    /** The network's template as {@code onevnet show} lists it: everything but the name, bridge included. */
    private static Template templateOf(VirtualNetwork n) {
        Template t = Template.empty();
        Map<String, String> a = new LinkedHashMap<>(NetworkAttributes.toAttributes(n));
        a.remove("NAME");
        a.putIfAbsent("BRIDGE", n.conf().bridge());
        for (Map.Entry<String, String> e : a.entrySet()) {
            t = t.with(e.getKey(), e.getValue());
        }
        // the vectors an import kept (vnetdesk does not model them), as onevnet show prints them
        for (AttributeVector v : n.vectors()) {
            t = t.with(TemplateAttribute.Vector.of(v));
        }
        return t;
    }

    private String ownerText(Lease l) {
        String label = l.owner().label();
        return d.ownerLabels().getOrDefault(label, label);
    }

    Map<String, Object> json() {
        NetworkConf c = n.conf();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("name", n.name());
        m.put("user", d.ownerName());
        m.put("group", d.groupName());
        m.put("uid", n.ownership().uid());
        m.put("gid", n.ownership().gid());
        m.put("permissions", n.ownership().permissions().octal());
        n.lock().ifPresent(l -> m.put("lock", l.name()));
        m.put("clusters", n.clusterIds());
        m.put("driver", c.driver().mad());
        m.put("bridge_type", c.bridgeType());
        m.put("managed_on_hosts", c.driver().managedOnHosts());
        m.put("bridge", c.bridge());
        c.phydev().ifPresent(p -> m.put("phydev", p));
        c.vlanId().ifPresent(v -> m.put("vlan_id", v));
        n.parentNetworkId().ifPresent(p -> m.put("parent_network_id", p));
        m.put("used_leases", d.usedLeases());
        m.put("size", n.totalSize().toString());
        m.put("template", NetworkAttributes.toAttributes(n));
        List<Map<String, Object>> ars = new ArrayList<>();
        for (AddressRange ar : n.addressRanges()) {
            ars.add(arJson(ar));
        }
        m.put("ars", ars);
        List<Map<String, Object>> leases = new ArrayList<>();
        for (Lease l : d.leases()) {
            leases.add(Views.leaseJson(l, ownerText(l)));
        }
        m.put("leases", leases);
        m.put("leases_complete", d.leases().size() >= d.usedLeases());
        return m;
    }

    private Map<String, Object> arJson(AddressRange ar) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ar_id", ar.id());
        m.put("type", ar.type().typeName());
        m.put("size", ar.size().toString());
        m.put("used_leases", d.used(ar.id()));
        ar.parentArId().ifPresent(p -> m.put("parent_ar_id", p));
        ar.type().prefixLength().ifPresent(len -> m.put("prefix_length", len));
        ar.type().globalPrefix().ifPresent(p -> m.put("global_prefix", p.toString()));
        ar.type().ulaPrefix().ifPresent(p -> m.put("ula_prefix", p.toString()));
        m.putAll(Views.addressesJson(ar.firstAddresses(), ""));
        m.putAll(Views.addressesJson(ar.lastAddresses(), "_end"));
        m.put("attributes", ar.attributes());
        return m;
    }
}
