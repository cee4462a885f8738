package vnetdesk.host.state;

import java.util.Optional;
import java.util.OptionalInt;

import vnetdesk.model.Ipv4;
import vnetdesk.model.NetworkConf;

/**
 * A network device of a host as the engine sees it. In a desired state a
 * device marked {@code owned} is one the console creates when it is missing
 * (and may remove when no longer needed); an unowned one (a tap, a PHYDEV, a
 * host's own uplink bridge) is expected to exist already and is only
 * enslaved. In an actual state {@code owned} means the device carries the
 * console's marker ({@link #MARKER} as its alias), so a device the console
 * did not create is never removed.
 */
public sealed interface Device {

    /** The interface alias ({@code ip link set … alias}) that marks a device the console created. */
    String MARKER = "vnetdesk";

    String name();

    /** The bridge this device is a port of. */
    Optional<String> master();

    boolean owned();

    /** The MTU the device must have (desired) or has (actual); empty = any. */
    OptionalInt mtu();

    Device withMaster(Optional<String> newMaster);

    /** A Linux bridge. */
    record Bridge(String name, Optional<String> master, boolean owned, OptionalInt mtu) implements Device {
        public Bridge {
            NetworkConf.checkDevice("BRIDGE", name);
        }

        @Override
        public Bridge withMaster(Optional<String> newMaster) {
            return new Bridge(name, newMaster, owned, mtu);
        }
    }

    /** An 802.1Q device {@code PHYDEV.VLAN_ID}. */
    record Vlan(String name, String parent, int vlanId, Optional<String> master, boolean owned, OptionalInt mtu)
            implements Device {
        public Vlan {
            NetworkConf.checkDevice("VLAN device", name);
            NetworkConf.checkDevice("PHYDEV", parent);
        }

        @Override
        public Vlan withMaster(Optional<String> newMaster) {
            return new Vlan(name, parent, vlanId, newMaster, owned, mtu);
        }
    }

    /**
     * A VXLAN device {@code PHYDEV.VNI}: VNI, multicast group, UDP port and TTL
     * (the spec: group 239.0.0.0 + VNI, dstport 4789, ttl 16).
     */
    record Vxlan(String name, String parent, int vni, Ipv4 group, int port, int ttl, Optional<String> master,
                 boolean owned, OptionalInt mtu) implements Device {
        public Vxlan {
            NetworkConf.checkDevice("VXLAN device", name);
            NetworkConf.checkDevice("PHYDEV", parent);
        }

        @Override
        public Vxlan withMaster(Optional<String> newMaster) {
            return new Vxlan(name, parent, vni, group, port, ttl, newMaster, owned, mtu);
        }
    }

    /** Any other device: a tap, a veth, a physical NIC. Never created or removed by the console. */
    record Other(String name, Optional<String> master, OptionalInt mtu) implements Device {
        @Override
        public boolean owned() {
            return false;
        }

        @Override
        public Other withMaster(Optional<String> newMaster) {
            return new Other(name, newMaster, mtu);
        }
    }
}
