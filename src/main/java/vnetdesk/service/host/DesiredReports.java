package vnetdesk.service.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.host.desired.DesiredStateCompiler;
import vnetdesk.host.desired.FirewallNames;
import vnetdesk.host.desired.GroupRules;
import vnetdesk.host.desired.HostInventory;
import vnetdesk.host.desired.NetworkOnHost;
import vnetdesk.host.desired.NicOnHost;
import vnetdesk.host.desired.RestoreInput;
import vnetdesk.host.desired.SkippedNetwork;
import vnetdesk.host.state.Chain;
import vnetdesk.host.state.Device;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.IpSet;
import vnetdesk.host.state.RuleTable;
import vnetdesk.model.Driver;
import vnetdesk.model.Mac;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Host;
import vnetdesk.service.host.DesiredReport.NeededDevice;
import vnetdesk.service.host.DesiredReport.NetworkNeeds;
import vnetdesk.service.host.DesiredReport.NicChains;
import vnetdesk.service.host.DesiredReport.Presence;

/**
 * Builds a host's {@link DesiredReport} from its inventory with the
 * compiler the engine applies: a network's devices are what the compiler
 * makes for that network alone, a NIC's texts are cut from the host's whole
 * compiled state by the names the compiler gives a NIC's chains and sets.
 */
final class DesiredReports {

    private DesiredReports() {
    }

    /** {@code vms}: the label ("5:web") of every VM with a NIC in the inventory. */
    static DesiredReport build(Host host, HostInventory inventory, Map<Integer, String> vms, HostStatus status) {
        HostState state = DesiredStateCompiler.compile(inventory);
        Map<Integer, VirtualNetwork> networks = new LinkedHashMap<>();
        inventory.networks().forEach(n -> networks.put(n.network().id(), n.network()));
        List<NetworkNeeds> needs = new ArrayList<>();
        for (NetworkOnHost n : inventory.networks()) {
            needs.add(needs(host, n.network(), inventory.nics(), vms, status));
        }
        List<NicOnHost> sorted = new ArrayList<>(inventory.nics());
        sorted.sort(Comparator.comparingInt(NicOnHost::vmId).thenComparingInt(NicOnHost::nicIndex));
        List<NicChains> nics = new ArrayList<>();
        for (NicOnHost nic : sorted) {
            VirtualNetwork network = networks.get(nic.networkId());
            nics.add(new NicChains(nic.tap(), nic.vmId(), vms.getOrDefault(nic.vmId(), String.valueOf(nic.vmId())),
                    network.id(), network.label(), nic.addresses().stream().map(Object::toString).toList(),
                    readable(nic, network.conf()), filterText(state.iptables(), nic.tap()),
                    filterText(state.ip6tables(), nic.tap()), filterText(state.ebtables(), nic.tap()),
                    RestoreInput.ipsets(state.ipsets().values().stream()
                            .filter(s -> ownedBy(s, nic.tap())).toList())));
        }
        return new DesiredReport(host, status.devices().map(HostStatus.KnownDevices::at), needs, nics);
    }

    private static NetworkNeeds needs(Host host, VirtualNetwork network, List<NicOnHost> nics,
                                      Map<Integer, String> vms, HostStatus status) {
        if (!network.conf().driver().managedOnHosts()) {
            SkippedNetwork skipped = new SkippedNetwork(network, List.of());
            return new NetworkNeeds(network.id(), network.label(), network.conf().driver().mad(), List.of(),
                    Optional.of(skipped.reason()));
        }
        HostState alone = DesiredStateCompiler.compile(new HostInventory(host.id(), host.name(),
                List.of(new NetworkOnHost(network, true)), List.of()));
        List<NeededDevice> devices = new ArrayList<>();
        List<Device> ordered = new ArrayList<>(alone.devices().values());
        // the bridge first, then what is enslaved to it
        ordered.sort(Comparator.comparing(d -> d instanceof Device.Bridge ? 0 : 1));
        for (Device d : ordered) {
            devices.add(new NeededDevice(d.name(), kind(d), details(d), presence(status, d.name())));
        }
        for (NicOnHost nic : nics) {
            if (nic.networkId() == network.id()) {
                devices.add(new NeededDevice(nic.tap(), "tap", "VM " + vms.getOrDefault(nic.vmId(),
                        String.valueOf(nic.vmId())) + ", port of " + network.conf().bridge(),
                        presence(status, nic.tap())));
            }
        }
        return new NetworkNeeds(network.id(), network.label(), network.conf().driver().mad(), devices,
                Optional.empty());
    }

    private static Presence presence(HostStatus status, String device) {
        return status.devices().map(d -> d.names().contains(device) ? Presence.PRESENT : Presence.MISSING)
                .orElse(Presence.NOT_CHECKED);
    }

    private static String kind(Device d) {
        if (d instanceof Device.Bridge) {
            return "bridge";
        }
        if (d instanceof Device.Vlan) {
            return "802.1Q";
        }
        return d instanceof Device.Vxlan ? "VXLAN" : "PHYDEV";
    }

    private static String details(Device d) {
        String mtu = d.mtu().isPresent() ? "MTU " + d.mtu().getAsInt() : "";
        String port = d.master().map(m -> "port of " + m).orElse("");
        String what;
        if (d instanceof Device.Vlan v) {
            what = "VLAN " + v.vlanId() + " on " + v.parent();
        } else if (d instanceof Device.Vxlan x) {
            what = "VNI " + x.vni() + ", group " + x.group() + ", port " + x.port() + ", ttl " + x.ttl() + " on "
                    + x.parent();
        } else {
            what = d instanceof Device.Bridge && d.owned() ? "created if missing" : "";
        }
        return String.join(", ", List.of(what, mtu, port).stream().filter(s -> !s.isEmpty()).toList());
    }

    /** The NIC's firewall in words, in the order its chains hold the rules. */
    static List<String> readable(NicOnHost nic, NetworkConf conf) {
        List<String> lines = new ArrayList<>();
        boolean spoofing = conf.filterMacSpoofing() || conf.filterIpSpoofing();
        if (!conf.driver().managedOnHosts()) {
            lines.add("no firewall and no QoS from vnetdesk: driver " + conf.driver().mad() + " is not managed on"
                    + " hosts (vnetdesk leaves this NIC and whatever the driver does for it alone)");
        } else if (!conf.driver().filtersWithSecurityGroups()) {
            lines.add("no firewall: driver " + conf.driver().mad() + " does not filter with security groups");
        } else if (nic.groups().isEmpty() && !spoofing) {
            lines.add("no security group and no anti-spoofing: all traffic passes unfiltered");
        } else {
            lines.add("IPv6 neighbour discovery allowed both ways");
            if (conf.filterMacSpoofing()) {
                lines.add("MAC anti-spoofing: frames from the VM must come from " + nic.mac());
            }
            if (conf.filterIpSpoofing()) {
                lines.add("IP anti-spoofing: the VM may send only from " + String.join(", ",
                        nic.addresses().stream().map(Object::toString).toList()) + " (DHCP requests excepted)");
            }
            lines.add("replies within established connections allowed");
            if (nic.groups().isEmpty()) {
                lines.add("no security group: everything else allowed");
            }
            for (GroupRules group : nic.groups()) {
                for (SecurityRule rule : group.rules()) {
                    lines.add("security group " + group.securityGroupId() + ": allow " + rule.summary());
                }
            }
            lines.add("everything else dropped, to and from the VM");
        }
        if (conf.driver() == Driver.EBTABLES) {
            lines.add("ebtables: frames into the VM only from MACs " + new Mac(nic.mac().value() & ~0xffL)
                    + "/ff:ff:ff:ff:ff:00 (this network's prefix)");
            lines.add("ebtables: frames out of the VM only from " + nic.mac());
        }
        return lines;
    }

    /**
     * The NIC's chains of one table as restore input: declared and filled,
     * then the rules of the global chain and the hooks that lead into them.
     */
    private static String filterText(RuleTable table, String tap) {
        Map<String, Chain> chains = new LinkedHashMap<>();
        for (String name : List.of(FirewallNames.inChain(tap), FirewallNames.outChain(tap))) {
            Optional.ofNullable(table.chains().get(name)).ifPresent(c -> chains.put(name, c));
        }
        if (chains.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        Optional.ofNullable(table.chains().get(FirewallNames.GLOBAL_CHAIN)).ifPresent(g -> g.rules().stream()
                .filter(r -> names(r, tap)).forEach(r -> lines.add("-A " + FirewallNames.GLOBAL_CHAIN + " " + r)));
        table.hooks().stream().filter(h -> names(h, tap)).forEach(lines::add);
        return RestoreInput.filter(chains, lines);
    }

    private static boolean names(String rule, String tap) {
        return (" " + rule + " ").contains(" " + tap + " ");
    }

    /** The ipsets of a NIC carry its tap and a dash first ({@link FirewallNames}), and no other NIC's do. */
    private static boolean ownedBy(IpSet set, String tap) {
        return set.name().startsWith(tap + "-");
    }
}
