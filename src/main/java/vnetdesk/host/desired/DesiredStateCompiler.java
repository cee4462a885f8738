package vnetdesk.host.desired;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.Device;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.IpSet;
import vnetdesk.host.state.RuleTable;
import vnetdesk.host.state.TapQos;
import vnetdesk.model.Driver;
import vnetdesk.model.Ipv4;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;

/**
 * Compiles what the inventory says is on one host into the state the host
 * must have: the bridges, VLAN/VXLAN devices and enslaved taps of the
 * networks in use there, the kernel settings bridged filtering needs, the
 * security-group firewall and ebtables isolation of its NICs, their ipsets
 * and tap QoS. Pure: the same inventory always gives an equal state.
 * Networks whose driver vnetdesk does not manage on hosts, and their NICs,
 * get nothing ({@link HostInventory#managedOnly()}).
 */
public final class DesiredStateCompiler {

    public static final String NF_CALL_IPTABLES = "net.bridge.bridge-nf-call-iptables";
    public static final String NF_CALL_IP6TABLES = "net.bridge.bridge-nf-call-ip6tables";
    /** The hook that sends bridged traffic through the console's global chain. */
    public static final String FORWARD_HOOK = "-A FORWARD -m physdev --physdev-is-bridged -j "
            + FirewallNames.GLOBAL_CHAIN;
    /** IANA's VXLAN port; the kernel's default (8472) is Linux's historical one. */
    public static final int VXLAN_PORT = 4789;
    public static final int VXLAN_TTL = 16;
    /** 1500 less the 50 bytes of VXLAN over IPv4 underlay headers. */
    public static final int VXLAN_DEFAULT_MTU = 1450;
    private static final long VXLAN_GROUP_BASE = 239L << 24;

    private DesiredStateCompiler() {
    }

    public static HostState compile(HostInventory all) {
        HostInventory inventory = all.managedOnly();
        Map<Integer, VirtualNetwork> networks = new HashMap<>();
        inventory.networks().forEach(n -> networks.put(n.network().id(), n.network()));
        Set<Integer> inUse = inventory.nics().stream().map(NicOnHost::networkId).collect(Collectors.toSet());

        Devices devices = new Devices();
        for (NetworkOnHost n : inventory.networks()) {
            if (n.pinned() || inUse.contains(n.network().id())) {
                addNetworkDevices(devices, n.network());
            }
        }
        List<NicOnHost> nics = new ArrayList<>(inventory.nics());
        nics.sort(Comparator.comparingInt(NicOnHost::vmId).thenComparingInt(NicOnHost::nicIndex)
                .thenComparing(NicOnHost::tap));

        Map<String, Chain> v4 = new LinkedHashMap<>();
        Map<String, Chain> v6 = new LinkedHashMap<>();
        List<String> jumps = new ArrayList<>();
        List<String> hooks = new ArrayList<>();
        Map<String, IpSet> ipsets = new LinkedHashMap<>();
        Map<String, Chain> ebChains = new LinkedHashMap<>();
        List<String> ebHooks = new ArrayList<>();
        Map<String, TapQos> qos = new LinkedHashMap<>();
        for (NicOnHost nic : nics) {
            VirtualNetwork network = networks.get(nic.networkId());
            NetworkConf conf = network.conf();
            devices.put(network, new Device.Other(nic.tap(), Optional.of(conf.bridge()), OptionalInt.empty()));
            NicFirewall.of(nic, conf).ifPresent(fw -> {
                v4.putAll(fw.v4Chains());
                v6.putAll(fw.v6Chains());
                jumps.addAll(fw.jumps());
                hooks.addAll(fw.hooks());
                fw.ipsets().forEach(s -> ipsets.put(s.name(), s));
            });
            if (conf.driver() == Driver.EBTABLES) {
                EbtablesIsolation eb = EbtablesIsolation.of(nic.tap(), nic.mac());
                ebChains.putAll(eb.chains());
                ebHooks.addAll(eb.hooks());
            }
            QosCompiler.compile(nic.tap(), nic.qos().orElse(network.qos())).ifPresent(q -> qos.put(q.tap(), q));
        }

        Map<String, String> sysctls = new LinkedHashMap<>();
        RuleTable iptables = RuleTable.EMPTY;
        RuleTable ip6tables = RuleTable.EMPTY;
        if (!jumps.isEmpty()) {
            sysctls.put(NF_CALL_IPTABLES, "1");
            sysctls.put(NF_CALL_IP6TABLES, "1");
            List<String> global = new ArrayList<>(jumps);
            global.add("-j ACCEPT");
            List<String> allHooks = new ArrayList<>(hooks);
            allHooks.add(FORWARD_HOOK);
            iptables = table(allHooks, v4, global);
            ip6tables = table(allHooks, v6, global);
        }
        return new HostState(devices.byName, sysctls, iptables, ip6tables, new RuleTable(ebHooks, ebChains), ipsets,
                qos);
    }

    private static RuleTable table(List<String> hooks, Map<String, Chain> nicChains, List<String> global) {
        Map<String, Chain> chains = new LinkedHashMap<>(nicChains);
        chains.put(FirewallNames.GLOBAL_CHAIN, new Chain("-", global));
        return new RuleTable(hooks, chains);
    }

    /** The bridge, and the uplink enslaved to it: PHYDEV itself, or its 802.1Q / VXLAN device. */
    private static void addNetworkDevices(Devices devices, VirtualNetwork network) {
        NetworkConf conf = network.conf();
        Optional<String> bridge = Optional.of(conf.bridge());
        OptionalInt mtu = conf.mtu().map(OptionalInt::of).orElse(OptionalInt.empty());
        devices.put(network, new Device.Bridge(conf.bridge(), Optional.empty(), true, mtu));
        switch (conf.driver()) {
            case BRIDGE, FW, EBTABLES -> conf.phydev().ifPresent(
                    p -> devices.put(network, new Device.Other(p, bridge, OptionalInt.empty())));
            case VLAN -> devices.put(network, new Device.Vlan(tagged(network), conf.phydev().orElseThrow(),
                    conf.vlanId().orElseThrow(), bridge, true, mtu));
            case VXLAN -> {
                int vni = conf.vlanId().orElseThrow();
                devices.put(network, new Device.Vxlan(tagged(network), conf.phydev().orElseThrow(), vni,
                        vxlanGroup(vni), VXLAN_PORT, VXLAN_TTL, bridge, true,
                        OptionalInt.of(conf.mtu().orElse(VXLAN_DEFAULT_MTU))));
            }
            default -> throw new IllegalStateException("driver " + conf.driver().mad()
                    + " is not managed on hosts; compile keeps only managed networks");
        }
    }

    /** The multicast group of a VNI: 239.0.0.0 + VNI (VNI 300 → 239.0.1.44). */
    public static Ipv4 vxlanGroup(int vni) {
        return Ipv4.ofUnsigned(VXLAN_GROUP_BASE + vni);
    }

    private static String tagged(VirtualNetwork network) {
        NetworkConf conf = network.conf();
        if (conf.phydev().isEmpty()) {
            throw ValidationException.invalid("PHYDEV", "", "network " + network.label() + " (driver "
                    + conf.driver().mad() + ") needs a physical device to carry its traffic");
        }
        if (conf.vlanId().isEmpty()) {
            throw ValidationException.invalid("VLAN_ID", "", "network " + network.label() + " (driver "
                    + conf.driver().mad() + ") has no VLAN id / VNI yet");
        }
        return conf.taggedDevice().orElseThrow();
    }

    /** Devices by name; two networks may share one only if they need exactly the same of it. */
    private static final class Devices {
        private final Map<String, Device> byName = new LinkedHashMap<>();
        private final Map<String, VirtualNetwork> neededBy = new HashMap<>();

        void put(VirtualNetwork network, Device device) {
            Device known = byName.putIfAbsent(device.name(), device);
            if (known == null) {
                neededBy.put(device.name(), network);
            } else if (!known.equals(device)) {
                throw ValidationException.invalid("device", device.name(), "networks "
                        + neededBy.get(device.name()).label() + " and " + network.label()
                        + " need different settings of this device on one host: " + known + " and " + device);
            }
        }
    }
}
