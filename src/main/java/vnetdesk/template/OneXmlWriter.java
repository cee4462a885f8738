package vnetdesk.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import vnetdesk.model.AddressRange;
import vnetdesk.model.ArType;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.VirtualNetwork;

/**
 * Writes networks as {@code onevnet show -x} XML, one {@code VNET} or a {@code VNET_POOL};
 * see {@link OneXml#write} and {@link OneXml#writePool}.
 */
final class OneXmlWriter {

    /** Element names written for an AR before its override attributes; overrides never repeat them. */
    private static final Set<String> AR_OWN = Set.of("AR_ID", "TYPE", "IP", "MAC", "SIZE", "GLOBAL_PREFIX",
            "ULA_PREFIX", "IP6", "PREFIX_LENGTH", "PARENT_NETWORK_AR_ID", "MAC_END", "IP_END", "IP6_GLOBAL",
            "IP6_GLOBAL_END", "IP6_ULA", "IP6_ULA_END", "IP6_END", "USED_LEASES", "LEASES");

    private final OneXmlOut out;

    private OneXmlWriter(OneXmlOut out) {
        this.out = out;
    }

    static String write(NetworkDetails details) {
        Objects.requireNonNull(details, "details");
        return OneXmlOut.render("network", out -> new OneXmlWriter(out).network(details));
    }

    static String writePool(List<NetworkDetails> pool) {
        List<NetworkDetails> networks = List.copyOf(pool);
        return OneXmlOut.render("network", out -> {
            OneXmlWriter w = new OneXmlWriter(out);
            out.open("VNET_POOL");
            for (NetworkDetails d : networks) {
                w.network(d);
            }
            out.close();
        });
    }

    private void network(NetworkDetails d) throws XMLStreamException {
        VirtualNetwork n = d.network();
        NetworkConf c = n.conf();
        out.open("VNET");
        out.leaf("ID", n.id());
        out.leaf("UID", n.ownership().uid());
        out.leaf("GID", n.ownership().gid());
        out.leaf("UNAME", d.ownerName());
        out.leaf("GNAME", d.groupName());
        out.leaf("NAME", n.name());
        out.permissions(n.ownership().permissions());
        out.open("CLUSTERS");
        for (Integer cluster : n.clusterIds()) {
            out.leaf("ID", cluster);
        }
        out.close();
        out.leaf("BRIDGE", c.bridge());
        out.leaf("VN_MAD", c.driver().mad());
        out.leaf("PHYDEV", c.phydev().orElse(""));
        out.leaf("VLAN_ID", c.vlanId().map(String::valueOf).orElse(""));
        out.leaf("VLAN_ID_AUTOMATIC", c.automaticVlanId() ? "1" : "0");
        out.leaf("PARENT_NETWORK_ID", n.parentNetworkId().map(String::valueOf).orElse(""));
        out.leaf("USED_LEASES", d.usedLeases());
        out.lock(n.lock());
        out.open("TEMPLATE");
        for (Map.Entry<String, String> e : NetworkAttributes.toAttributes(n).entrySet()) {
            out.leaf(e.getKey(), e.getValue());
        }
        out.close();
        out.open("AR_POOL");
        for (AddressRange ar : n.addressRanges()) {
            addressRange(ar, d);
        }
        out.close();
        out.close();
    }

    private void addressRange(AddressRange ar, NetworkDetails d) throws XMLStreamException {
        ArType type = ar.type();
        LeaseAddresses first = ar.firstAddresses();
        LeaseAddresses last = ar.lastAddresses();
        out.open("AR");
        out.leaf("AR_ID", ar.id());
        out.leaf("TYPE", type.typeName());
        out.optional("IP", type.firstIp().map(Ipv4::toString));
        out.leaf("MAC", ar.firstMac().toString());
        out.leaf("SIZE", ar.size().toString());
        out.optional("GLOBAL_PREFIX", type.globalPrefix().map(Ipv6::toString));
        out.optional("ULA_PREFIX", type.ulaPrefix().map(Ipv6::toString));
        out.optional("IP6", type.firstIp6().map(Ipv6::toString));
        out.optional("PREFIX_LENGTH", type.prefixLength().map(String::valueOf));
        for (Map.Entry<String, String> e : ar.attributes().entrySet()) {
            if (!AR_OWN.contains(e.getKey())) {
                out.leaf(e.getKey(), e.getValue());
            }
        }
        out.optional("PARENT_NETWORK_AR_ID", ar.parentArId().map(String::valueOf));
        out.leaf("MAC_END", last.mac().toString());
        out.optional("IP_END", last.ip().map(Ipv4::toString));
        out.optional("IP6_GLOBAL", first.ip6Global().map(Ipv6::toString));
        out.optional("IP6_GLOBAL_END", last.ip6Global().map(Ipv6::toString));
        out.optional("IP6_ULA", first.ip6Ula().map(Ipv6::toString));
        out.optional("IP6_ULA_END", last.ip6Ula().map(Ipv6::toString));
        // IP6 itself is the AR's start address, written above
        out.optional("IP6_END", last.ip6().map(Ipv6::toString));
        out.leaf("USED_LEASES", d.used(ar.id()));
        List<Lease> leases = new ArrayList<>();
        for (Lease lease : d.leases()) {
            if (lease.arId() == ar.id()) {
                leases.add(lease);
            }
        }
        out.open("LEASES");
        for (Lease lease : leases) {
            lease(lease);
        }
        out.close();
        out.close();
    }

    private void lease(Lease lease) throws XMLStreamException {
        LeaseAddresses a = lease.addresses();
        out.open("LEASE");
        out.optional("IP", a.ip().map(Ipv4::toString));
        out.optional("IP6", a.ip6().map(Ipv6::toString));
        out.optional("IP6_GLOBAL", a.ip6Global().map(Ipv6::toString));
        out.optional("IP6_LINK", a.ip6Link().map(Ipv6::toString));
        out.optional("IP6_ULA", a.ip6Ula().map(Ipv6::toString));
        out.leaf("MAC", a.mac().toString());
        LeaseOwner owner = lease.owner();
        if (owner instanceof LeaseOwner.VmNic nic) {
            out.leaf("VM", nic.vmId());
            out.leaf("NIC_NAME", OneXmlLeaseOwner.nicName(nic.nicIndex()));
        } else if (owner instanceof LeaseOwner.Reservation r) {
            out.leaf("VNET", r.networkId());
        } else {
            out.leaf("VM", OneXmlLeaseOwner.HOLD_VM_ID);
        }
        out.close();
    }
}
