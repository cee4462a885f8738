package vnetdesk.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamException;
import vnetdesk.model.AddressRange;
import vnetdesk.model.AllocationPolicy;
import vnetdesk.model.ArType;
import vnetdesk.model.AttributeVector;
import vnetdesk.model.Driver;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.PropagationState;
import vnetdesk.model.VirtualNetwork;

/**
 * Writes networks as OpenNebula prints them, in the element order of OpenNebula's schemas:
 * one {@code VNET} ({@code onevnet show -x}, vnet.xsd), a {@code VNET_POOL} of such networks
 * with their leases (vnet_pool_extended.xsd) or a {@code VNET_POOL} as {@code onevnet list -x}
 * prints it, each AR with its stored attributes only, its leases in ALLOCATED (vnet_pool.xsd); see
 * {@link OneXml}.
 */
final class OneXmlWriter {

    /** oned.conf's default VXLAN_IDS START, where oned's automatic VNIs begin (network id 0 gets 2). */
    private static final long VXLAN_IDS_START = 2;

    /** OpenNebula's state numbers (VirtualNetwork.h): an existing, usable network is READY. */
    private static final int STATE_READY = 1;

    /** AR attributes with a slot of their own in the schemas; the other override attributes go after VN_MAD. */
    private static final Set<String> AR_SLOTTED = Set.of("AR_ID", "TYPE", "IP", "MAC", "SIZE", "GLOBAL_PREFIX",
            "ULA_PREFIX", "IP6", "PREFIX_LENGTH", "PARENT_NETWORK_AR_ID", "MAC_END", "IP_END", "IP6_GLOBAL",
            "IP6_GLOBAL_END", "IP6_ULA", "IP6_ULA_END", "IP6_END", "USED_LEASES", "LEASES", "NEXT_INDEX",
            "ALLOCATED", "CVLANS", "SHARED", "VLAN_ID", "VN_MAD", "PORT_START", "PORT_SIZE");

    private final OneXmlOut out;
    /** Whether ARs carry the computed addresses, used count and leases (show and export) or not (list). */
    private final boolean extended;

    private OneXmlWriter(OneXmlOut out, boolean extended) {
        this.out = out;
        this.extended = extended;
    }

    static String write(VnetXmlNetwork network) {
        Objects.requireNonNull(network, "network");
        return OneXmlOut.render("network", out -> new OneXmlWriter(out, true).network(network));
    }

    static String writePool(List<VnetXmlNetwork> pool, boolean extended) {
        List<VnetXmlNetwork> networks = List.copyOf(pool);
        return OneXmlOut.render("network", out -> {
            OneXmlWriter w = new OneXmlWriter(out, extended);
            out.open("VNET_POOL");
            for (VnetXmlNetwork n : networks) {
                w.network(n);
            }
            out.close();
        });
    }

    private void network(VnetXmlNetwork x) throws XMLStreamException {
        NetworkDetails d = x.details();
        VirtualNetwork n = d.network();
        NetworkConf c = n.conf();
        out.open("VNET");
        out.leaf("ID", n.id());
        out.leaf("UID", n.ownership().uid());
        out.leaf("GID", n.ownership().gid());
        out.leaf("UNAME", d.ownerName());
        out.leaf("GNAME", d.groupName());
        out.leaf("NAME", n.name());
        out.lock(n.lock());
        out.permissions(n.ownership().permissions());
        ids("CLUSTERS", n.clusterIds());
        out.leaf("BRIDGE", c.bridge());
        out.leaf("BRIDGE_TYPE", c.bridgeType());
        // OpenNebula sets PREV_STATE to STATE at every save of the network, so a settled one has both READY
        out.leaf("STATE", STATE_READY);
        out.leaf("PREV_STATE", STATE_READY);
        out.leaf("PARENT_NETWORK_ID", n.parentNetworkId().map(String::valueOf).orElse(""));
        // OpenNebula writes an empty TEMPLATE_ID for a network not instantiated from a template (id -1)
        out.leaf("TEMPLATE_ID", "");
        out.leaf("VN_MAD", c.driver().mad());
        out.leaf("PHYDEV", c.phydev().orElse(""));
        out.leaf("VLAN_ID", c.vlanId().map(String::valueOf).orElse(""));
        // only ovswitch_vxlan carries an outer VLAN, its VNI (vnetdesk configures no QinQ); kept as attributes
        boolean outer = c.driver() == Driver.OVSWITCH_VXLAN;
        boolean automaticOuter = outer && NetworkAttributes.yesNo("AUTOMATIC_OUTER_VLAN_ID",
                n.attributes().get("AUTOMATIC_OUTER_VLAN_ID"), false);
        out.leaf("OUTER_VLAN_ID", outer ? outerVlanId(n, automaticOuter) : "");
        out.leaf("VLAN_ID_AUTOMATIC", c.automaticVlanId() ? "1" : "0");
        out.leaf("OUTER_VLAN_ID_AUTOMATIC", automaticOuter ? "1" : "0");
        out.leaf("USED_LEASES", d.usedLeases());
        ids("VROUTERS", List.of());
        for (PropagationState state : List.of(PropagationState.UPDATED, PropagationState.OUTDATED,
                PropagationState.UPDATING, PropagationState.ERROR)) {
            Set<Integer> vms = new TreeSet<>();
            x.vmStates().forEach((vm, s) -> {
                if (s == state) {
                    vms.add(vm);
                }
            });
            ids(state.name() + "_VMS", vms);
        }
        out.open("TEMPLATE");
        for (Map.Entry<String, String> e : NetworkAttributes.toAttributes(n).entrySet()) {
            out.leaf(e.getKey(), e.getValue());
        }
        for (AttributeVector v : n.vectors()) {
            out.open(v.name());
            for (Map.Entry<String, String> e : v.entries().entrySet()) {
                out.leaf(e.getKey(), e.getValue());
            }
            out.close();
        }
        out.close();
        out.open("AR_POOL");
        for (AddressRange ar : n.addressRanges()) {
            addressRange(ar, x);
        }
        out.close();
        out.close();
    }

    /**
     * The outer VLAN id (VNI) of an ovswitch_vxlan network: the given one; for an automatic one vnetdesk
     * has not picked (it manages no ovswitch_vxlan host), the one oned picks (set_vxlan_id: VXLAN_IDS
     * START, 2 by default, plus the network id), since OpenNebula never states an automatic id empty.
     */
    private static String outerVlanId(VirtualNetwork n, boolean automatic) {
        String given = n.attributes().getOrDefault("OUTER_VLAN_ID", "").strip();
        return given.isEmpty() && automatic ? Long.toString(VXLAN_IDS_START + n.id()) : given;
    }

    private void ids(String name, Iterable<Integer> ids) throws XMLStreamException {
        out.open(name);
        for (Integer id : ids) {
            out.leaf("ID", id);
        }
        out.close();
    }

    /**
     * One AR in the schema's order. PREFIX_LENGTH (no slot in any schema) and, in the list form, IP6
     * (no slot in vnet_pool.xsd) stand where OpenNebula writes them, in alphabetical order among the
     * stored attributes; override attributes the schema does not name follow VN_MAD.
     */
    private void addressRange(AddressRange ar, VnetXmlNetwork x) throws XMLStreamException {
        ArType type = ar.type();
        Map<String, String> attrs = ar.attributes();
        out.open("AR");
        if (!extended) {
            // the list form's only statement of the leases, as OpenNebula's stored AR carries it
            out.leaf("ALLOCATED", OneXmlAllocated.encode(leasesOf(ar, x.details())));
        }
        out.leaf("AR_ID", ar.id());
        attribute(attrs, "CVLANS");
        out.optional("GLOBAL_PREFIX", type.globalPrefix().map(Ipv6::toString));
        out.optional("IP", type.firstIp().map(Ipv4::toString));
        if (!extended) {
            out.optional("IP6", type.firstIp6().map(Ipv6::toString));
        }
        out.leaf("MAC", ar.firstMac().toString());
        out.leaf("NEXT_INDEX", nextIndex(ar, x).toString());
        out.optional("PARENT_NETWORK_AR_ID", ar.parentArId().map(String::valueOf));
        out.optional("PREFIX_LENGTH", type.prefixLength().map(String::valueOf));
        attribute(attrs, "SHARED");
        out.leaf("SIZE", ar.size().toString());
        out.leaf("TYPE", type.typeName());
        attribute(attrs, "VLAN_ID");
        out.optional("ULA_PREFIX", type.ulaPrefix().map(Ipv6::toString));
        attribute(attrs, "VN_MAD");
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            if (!AR_SLOTTED.contains(e.getKey())) {
                out.leaf(e.getKey(), e.getValue());
            }
        }
        if (extended) {
            computed(ar, x.details());
        } else {
            attribute(attrs, "PORT_START");
            attribute(attrs, "PORT_SIZE");
        }
        out.close();
    }

    private void attribute(Map<String, String> attrs, String name) throws XMLStreamException {
        out.optional(name, Optional.ofNullable(attrs.get(name)));
    }

    /**
     * Where OpenNebula starts its next search for a free address in the AR: after the index last
     * given out, round-robin; vnetdesk's lowest-free policy searches from the start.
     */
    private static BigInteger nextIndex(AddressRange ar, VnetXmlNetwork x) {
        Long cursor = x.roundRobinCursors().get(ar.id());
        if (cursor == null || x.details().network().conf().allocation() != AllocationPolicy.ROUND_ROBIN) {
            return BigInteger.ZERO;
        }
        return new BigInteger(Long.toUnsignedString(cursor)).add(BigInteger.ONE).mod(ar.size());
    }

    /** The elements OpenNebula computes for {@code show}: end addresses, ports, used count, leases. */
    private void computed(AddressRange ar, NetworkDetails d) throws XMLStreamException {
        LeaseAddresses first = ar.firstAddresses();
        LeaseAddresses last = ar.lastAddresses();
        out.leaf("MAC_END", last.mac().toString());
        out.optional("IP_END", last.ip().map(Ipv4::toString));
        out.optional("IP6_ULA", first.ip6Ula().map(Ipv6::toString));
        out.optional("IP6_ULA_END", last.ip6Ula().map(Ipv6::toString));
        out.optional("IP6_GLOBAL", first.ip6Global().map(Ipv6::toString));
        out.optional("IP6_GLOBAL_END", last.ip6Global().map(Ipv6::toString));
        out.optional("IP6", ar.type().firstIp6().map(Ipv6::toString));
        out.optional("IP6_END", last.ip6().map(Ipv6::toString));
        attribute(ar.attributes(), "PORT_START");
        attribute(ar.attributes(), "PORT_SIZE");
        out.leaf("USED_LEASES", d.used(ar.id()));
        out.open("LEASES");
        for (Lease lease : leasesOf(ar, d)) {
            lease(lease);
        }
        out.close();
    }

    private static List<Lease> leasesOf(AddressRange ar, NetworkDetails d) {
        List<Lease> leases = new ArrayList<>();
        for (Lease lease : d.leases()) {
            if (lease.arId() == ar.id()) {
                leases.add(lease);
            }
        }
        return leases;
    }

    /** A lease as OpenNebula writes it: the addresses and the owner (VM, -1 for a hold, or VNET). */
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
        } else if (owner instanceof LeaseOwner.Reservation r) {
            out.leaf("VNET", r.networkId());
        } else {
            out.leaf("VM", OneXmlLeaseOwner.HOLD_VM_ID);
        }
        out.close();
    }
}
