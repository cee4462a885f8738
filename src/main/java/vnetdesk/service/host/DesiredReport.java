package vnetdesk.service.host;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.vm.Host;

/**
 * What the inventory says a host must carry, for a front end, without a
 * connection: per network the devices it needs there and whether the host
 * had them when last read, and per NIC its firewall as planned — in words
 * and as the exact text the engine loads.
 *
 * @param devicesRead when the devices the presences compare with were read; empty: never
 */
public record DesiredReport(Host host, Optional<Instant> devicesRead, List<NetworkNeeds> networks,
                            List<NicChains> nics) {

    public DesiredReport {
        networks = List.copyOf(networks);
        nics = List.copyOf(nics);
    }

    /** Whether the host had a device at its last check. */
    public enum Presence {
        PRESENT, MISSING, NOT_CHECKED
    }

    /**
     * A device a network needs on the host.
     *
     * @param kind    "bridge", "PHYDEV", "802.1Q", "VXLAN" or "tap"
     * @param details what it must be: "VLAN 100 on eth0, MTU 1500", "VNI 300, group 239.0.1.44, …", "port of br0"
     */
    public record NeededDevice(String name, String kind, String details, Presence presence) {
    }

    /**
     * A network used on the host and the devices it needs there (the taps of its NICs last).
     *
     * @param skipped why vnetdesk leaves the network alone on hosts ("driver ovswitch is not managed on
     *                hosts"); it then needs no device
     */
    public record NetworkNeeds(int networkId, String network, String driver, List<NeededDevice> devices,
                               Optional<String> skipped) {
        public NetworkNeeds {
            devices = List.copyOf(devices);
        }
    }

    /**
     * One NIC's firewall as planned. {@code readable} says it in words
     * (anti-spoofing, each security-group rule, the final drop); the texts are
     * the restore input the engine loads for this NIC (its chains, the jumps
     * into them and the hooks; empty where the NIC has nothing in that table).
     */
    public record NicChains(String tap, int vmId, String vm, int networkId, String network, List<String> addresses,
                            List<String> readable, String iptables, String ip6tables, String ebtables,
                            String ipsets) {
        public NicChains {
            addresses = List.copyOf(addresses);
            readable = List.copyOf(readable);
        }

        /** The exact texts one after the other, each under a comment naming its tool; empty tables left out. */
        public String exactText() {
            StringBuilder out = new StringBuilder();
            append(out, "iptables-restore --noflush", iptables);
            append(out, "ip6tables-restore --noflush", ip6tables);
            append(out, "ebtables-restore --noflush", ebtables);
            append(out, "ipset restore", ipsets);
            return out.toString();
        }

        private static void append(StringBuilder out, String tool, String text) {
            if (!text.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append("# ").append(tool).append('\n').append(text);
            }
        }
    }
}
