package vnetdesk.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * VN_MAD: how a network is implemented on the hosts. Every OpenNebula driver
 * is accepted; vnetdesk configures only the Linux-bridge ones on hosts
 * ({@link #managedOnHosts()}), the others are kept in the inventory and left
 * alone on hosts. Each driver carries its BRIDGE_TYPE values as oned.conf's
 * VN_MAD_CONF lists them, the first being the default.
 */
public enum Driver {
    BRIDGE("bridge", "Bridged", true, false, "linux"),
    FW("fw", "Bridged with Security Groups", true, true, "linux"),
    // ebtables left oned.conf with the driver (removed for OpenNebula 7.0); its last VN_MAD_CONF said linux
    EBTABLES("ebtables", "Bridged with ebtables isolation", true, true, "linux"),
    VLAN("802.1Q", "802.1Q", true, true, "linux"),
    VXLAN("vxlan", "VXLAN", true, true, "linux"),
    DUMMY("dummy", "Dummy (no host configuration)", false, false, "linux"),
    OVSWITCH("ovswitch", "Open vSwitch", false, false, "openvswitch", "openvswitch_dpdk"),
    OVSWITCH_VXLAN("ovswitch_vxlan", "Open vSwitch VXLAN", false, false, "openvswitch"),
    // vcenter left oned.conf when OpenNebula 7.0 dropped vCenter; its last VN_MAD_CONF said vcenter_port_groups
    VCENTER("vcenter", "vCenter port groups", false, false, "vcenter_port_groups"),
    ELASTIC("elastic", "Elastic (cloud provider)", false, false, "linux"),
    NODEPORT("nodeport", "NodePort", false, false, "linux");

    /** The largest VXLAN network identifier (24 bits). */
    public static final long MAX_VNI = 16_777_215L;

    private final String mad;
    private final String label;
    private final boolean managed;
    private final boolean securityGroups;
    private final List<String> bridgeTypes;

    Driver(String mad, String label, boolean managed, boolean securityGroups, String... bridgeTypes) {
        this.mad = mad;
        this.label = label;
        this.managed = managed;
        this.securityGroups = securityGroups;
        this.bridgeTypes = List.of(bridgeTypes);
    }

    /** The VN_MAD text. */
    public String mad() {
        return mad;
    }

    /** The portal's name for this network mode. */
    public String label() {
        return label;
    }

    /**
     * Whether vnetdesk configures this driver's networks on hosts (bridge,
     * VLAN/VXLAN device, NIC firewall, QoS). The others (Open vSwitch, vCenter,
     * dummy, elastic, nodeport) are stored, leased and exported like any
     * network, but the host engine leaves them alone.
     */
    public boolean managedOnHosts() {
        return managed;
    }

    /** Whether vnetdesk filters the NICs of this driver with their security groups (never for unmanaged ones). */
    public boolean filtersWithSecurityGroups() {
        return securityGroups;
    }

    /** Needs PHYDEV and a VLAN id / VNI. */
    public boolean isTagged() {
        return this == VLAN || this == VXLAN;
    }

    /**
     * Whether a network of this driver may carry a VLAN_ID (or AUTOMATIC_VLAN_ID):
     * the tagged drivers need one; Open vSwitch and vCenter take one if given.
     */
    public boolean usesVlanId() {
        return isTagged() || this == OVSWITCH || this == OVSWITCH_VXLAN || this == VCENTER;
    }

    /**
     * The largest VLAN_ID: a VXLAN VNI for vxlan, an 802.1Q id otherwise — ovswitch_vxlan too, whose
     * VLAN_ID is the inner 802.1Q tag and whose VNI is OUTER_VLAN_ID (OpenNebula's set_vlan_id, and
     * its driver's ATTR_VLAN_ID = :outer_vlan_id).
     */
    public long maxVlanId() {
        return this == VXLAN ? MAX_VNI : 4094L;
    }

    /** The BRIDGE_TYPE values OpenNebula allows for this driver (VN_MAD_CONF), the default first. */
    public List<String> bridgeTypes() {
        return bridgeTypes;
    }

    public String defaultBridgeType() {
        return bridgeTypes.get(0);
    }

    /**
     * The network's BRIDGE_TYPE: the driver's default when none is given, else
     * the given one if the driver allows it (as oned's parse_bridge_type decides).
     */
    public String bridgeType(Optional<String> given) {
        String type = given.map(String::trim).orElse("");
        if (type.isEmpty()) {
            return defaultBridgeType();
        }
        if (!bridgeTypes.contains(type)) {
            // OpenNebula's words: Attribute BRIDGE_TYPE has wrong value "x" for VN_MAD_CONF ovswitch
            throw new ValidationException("BRIDGE_TYPE", "BRIDGE_TYPE: wrong value \""
                    + ValidationException.printable(type) + "\" for VN_MAD_CONF " + mad + " (the " + mad
                    + " driver allows " + String.join(", ", bridgeTypes) + ")");
        }
        return type;
    }

    public static Driver parse(String field, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Driver d : values()) {
            if (d.mad.toLowerCase(Locale.ROOT).equals(t)) {
                return d;
            }
        }
        if (t.equals("vlan")) {
            return VLAN;
        }
        throw ValidationException.invalid(field, text, "unknown driver; expected one of "
                + Arrays.stream(values()).map(Driver::mad).collect(Collectors.joining(", ")));
    }
}
