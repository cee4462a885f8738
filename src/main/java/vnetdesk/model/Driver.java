package vnetdesk.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** VN_MAD: how a network is implemented on the hosts. */
public enum Driver {
    BRIDGE("bridge", "Bridged", false),
    FW("fw", "Bridged with Security Groups", true),
    EBTABLES("ebtables", "Bridged with ebtables isolation", true),
    VLAN("802.1Q", "802.1Q", true),
    VXLAN("vxlan", "VXLAN", true);

    private final String mad;
    private final String label;
    private final boolean securityGroups;

    Driver(String mad, String label, boolean securityGroups) {
        this.mad = mad;
        this.label = label;
        this.securityGroups = securityGroups;
    }

    /** The VN_MAD text. */
    public String mad() {
        return mad;
    }

    /** The portal's name for this network mode. */
    public String label() {
        return label;
    }

    public boolean filtersWithSecurityGroups() {
        return securityGroups;
    }

    /** Needs PHYDEV and a VLAN id / VNI. */
    public boolean isTagged() {
        return this == VLAN || this == VXLAN;
    }

    public long maxVlanId() {
        return this == VXLAN ? 16_777_215L : 4094L;
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
