package vnetdesk.template;

import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vnetdesk.model.AddressRange;
import vnetdesk.model.ArType;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.Permissions;
import vnetdesk.model.VirtualNetwork;

/**
 * Writes networks as {@code onevnet show -x} XML, one {@code VNET} or a {@code VNET_POOL};
 * see {@link OneXml#write} and {@link OneXml#writePool}.
 */
final class OneXmlWriter {

    private static final String INDENT = "  ";

    /** Element names written for an AR before its override attributes; overrides never repeat them. */
    private static final Set<String> AR_OWN = Set.of("AR_ID", "TYPE", "IP", "MAC", "SIZE", "GLOBAL_PREFIX",
            "ULA_PREFIX", "IP6", "PREFIX_LENGTH", "PARENT_NETWORK_AR_ID", "MAC_END", "IP_END", "IP6_GLOBAL",
            "IP6_GLOBAL_END", "IP6_ULA", "IP6_ULA_END", "IP6_END", "USED_LEASES", "LEASES");

    private final XMLStreamWriter out;
    /** One entry per open element, innermost first: whether it has child elements yet. */
    private final Deque<Boolean> hasChildren = new ArrayDeque<>();

    private OneXmlWriter(XMLStreamWriter out) {
        this.out = out;
    }

    static String write(NetworkDetails details) {
        Objects.requireNonNull(details, "details");
        return render(w -> w.network(details));
    }

    static String writePool(List<NetworkDetails> pool) {
        List<NetworkDetails> networks = List.copyOf(pool);
        return render(w -> {
            w.open("VNET_POOL");
            for (NetworkDetails d : networks) {
                w.network(d);
            }
            w.close();
        });
    }

    /** What one document holds, written through a fresh writer. */
    @FunctionalInterface
    private interface Body {
        void writeTo(OneXmlWriter writer) throws XMLStreamException;
    }

    private static String render(Body body) {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffer);
            try {
                body.writeTo(new OneXmlWriter(xml));
                xml.writeCharacters("\n");
                xml.flush();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // writing to a StringWriter does no I/O; this would be a JDK defect
            throw new IllegalStateException("cannot write network XML: " + e.getMessage(), e);
        }
        return buffer.toString();
    }

    private void network(NetworkDetails d) throws XMLStreamException {
        VirtualNetwork n = d.network();
        NetworkConf c = n.conf();
        open("VNET");
        leaf("ID", n.id());
        leaf("UID", n.ownership().uid());
        leaf("GID", n.ownership().gid());
        leaf("UNAME", d.ownerName());
        leaf("GNAME", d.groupName());
        leaf("NAME", n.name());
        permissions(n.ownership().permissions());
        open("CLUSTERS");
        for (Integer cluster : n.clusterIds()) {
            leaf("ID", cluster);
        }
        close();
        leaf("BRIDGE", c.bridge());
        leaf("VN_MAD", c.driver().mad());
        leaf("PHYDEV", c.phydev().orElse(""));
        leaf("VLAN_ID", c.vlanId().map(String::valueOf).orElse(""));
        leaf("VLAN_ID_AUTOMATIC", c.automaticVlanId() ? "1" : "0");
        leaf("PARENT_NETWORK_ID", n.parentNetworkId().map(String::valueOf).orElse(""));
        leaf("USED_LEASES", d.usedLeases());
        if (n.lock().isPresent()) {
            open("LOCK");
            leaf("LOCKED", lockNumber(n.lock().get()));
            close();
        }
        open("TEMPLATE");
        for (Map.Entry<String, String> e : NetworkAttributes.toAttributes(n).entrySet()) {
            leaf(e.getKey(), e.getValue());
        }
        close();
        open("AR_POOL");
        for (AddressRange ar : n.addressRanges()) {
            addressRange(ar, d);
        }
        close();
        close();
    }

    private void permissions(Permissions p) throws XMLStreamException {
        open("PERMISSIONS");
        for (Permissions.Who who : Permissions.Who.values()) {
            for (Permissions.Right right : Permissions.Right.values()) {
                leaf(who.name() + "_" + right.name().charAt(0), p.has(who, right) ? "1" : "0");
            }
        }
        close();
    }

    private static int lockNumber(LockLevel level) {
        return switch (level) {
            case USE -> 1;
            case MANAGE -> 2;
            case ADMIN -> 3;
            case ALL -> 4;
        };
    }

    private void addressRange(AddressRange ar, NetworkDetails d) throws XMLStreamException {
        ArType type = ar.type();
        LeaseAddresses first = ar.firstAddresses();
        LeaseAddresses last = ar.lastAddresses();
        open("AR");
        leaf("AR_ID", ar.id());
        leaf("TYPE", type.typeName());
        optional("IP", type.firstIp().map(Ipv4::toString));
        leaf("MAC", ar.firstMac().toString());
        leaf("SIZE", ar.size().toString());
        optional("GLOBAL_PREFIX", type.globalPrefix().map(Ipv6::toString));
        optional("ULA_PREFIX", type.ulaPrefix().map(Ipv6::toString));
        optional("IP6", type.firstIp6().map(Ipv6::toString));
        optional("PREFIX_LENGTH", type.prefixLength().map(String::valueOf));
        for (Map.Entry<String, String> e : ar.attributes().entrySet()) {
            if (!AR_OWN.contains(e.getKey())) {
                leaf(e.getKey(), e.getValue());
            }
        }
        optional("PARENT_NETWORK_AR_ID", ar.parentArId().map(String::valueOf));
        leaf("MAC_END", last.mac().toString());
        optional("IP_END", last.ip().map(Ipv4::toString));
        optional("IP6_GLOBAL", first.ip6Global().map(Ipv6::toString));
        optional("IP6_GLOBAL_END", last.ip6Global().map(Ipv6::toString));
        optional("IP6_ULA", first.ip6Ula().map(Ipv6::toString));
        optional("IP6_ULA_END", last.ip6Ula().map(Ipv6::toString));
        // IP6 itself is the AR's start address, written above
        optional("IP6_END", last.ip6().map(Ipv6::toString));
        leaf("USED_LEASES", d.used(ar.id()));
        List<Lease> leases = new ArrayList<>();
        for (Lease lease : d.leases()) {
            if (lease.arId() == ar.id()) {
                leases.add(lease);
            }
        }
        open("LEASES");
        for (Lease lease : leases) {
            lease(lease);
        }
        close();
        close();
    }

    private void lease(Lease lease) throws XMLStreamException {
        LeaseAddresses a = lease.addresses();
        open("LEASE");
        optional("IP", a.ip().map(Ipv4::toString));
        optional("IP6", a.ip6().map(Ipv6::toString));
        optional("IP6_GLOBAL", a.ip6Global().map(Ipv6::toString));
        optional("IP6_LINK", a.ip6Link().map(Ipv6::toString));
        optional("IP6_ULA", a.ip6Ula().map(Ipv6::toString));
        leaf("MAC", a.mac().toString());
        LeaseOwner owner = lease.owner();
        if (owner instanceof LeaseOwner.VmNic nic) {
            leaf("VM", nic.vmId());
            leaf("NIC_NAME", OneXmlLeaseOwner.nicName(nic.nicIndex()));
        } else if (owner instanceof LeaseOwner.Reservation r) {
            leaf("VNET", r.networkId());
        } else {
            leaf("VM", OneXmlLeaseOwner.HOLD_VM_ID);
        }
        close();
    }

    // ---- indentation and text -------------------------------------------------------------

    private void open(String name) throws XMLStreamException {
        newline();
        out.writeStartElement(name);
        hasChildren.push(Boolean.FALSE);
    }

    private void close() throws XMLStreamException {
        if (hasChildren.pop()) {
            out.writeCharacters("\n" + INDENT.repeat(hasChildren.size()));
        }
        out.writeEndElement();
    }

    /** Starts a new line for a child of the open element, indented by its depth. */
    private void newline() throws XMLStreamException {
        if (!hasChildren.isEmpty()) {
            hasChildren.pop();
            hasChildren.push(Boolean.TRUE);
            out.writeCharacters("\n" + INDENT.repeat(hasChildren.size()));
        }
    }

    private void leaf(String name, long value) throws XMLStreamException {
        leaf(name, Long.toString(value));
    }

    private void optional(String name, Optional<String> value) throws XMLStreamException {
        if (value.isPresent()) {
            leaf(name, value.get());
        }
    }

    private void leaf(String name, String value) throws XMLStreamException {
        checkXmlText(name, value);
        newline();
        out.writeStartElement(name);
        out.writeCharacters(value);
        out.writeEndElement();
    }

    /** Refuses text that XML 1.0 cannot carry, so the output is always well-formed. */
    static void checkXmlText(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": no value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                ok = true;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok) {
                throw new IllegalArgumentException(name + ": the value contains a character that XML 1.0 cannot"
                        + " represent (U+" + String.format("%04X", (int) c) + " at position " + i + ")");
            }
        }
    }
}
