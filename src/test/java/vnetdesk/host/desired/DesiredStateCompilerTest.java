package vnetdesk.host.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.host.desired.DesiredFixtures.addresses;
import static vnetdesk.host.desired.DesiredFixtures.conf;
import static vnetdesk.host.desired.DesiredFixtures.fw;
import static vnetdesk.host.desired.DesiredFixtures.group;
import static vnetdesk.host.desired.DesiredFixtures.host;
import static vnetdesk.host.desired.DesiredFixtures.network;
import static vnetdesk.host.desired.DesiredFixtures.nic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.Device;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.RuleTable;
import vnetdesk.host.state.TapQos;
import vnetdesk.model.Driver;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Qos;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;

class DesiredStateCompilerTest {

    private static final Optional<String> NO_MASTER = Optional.empty();

    @Test
    void aBridgedNetworkGetsItsOwnedBridgeWithPhydevAndTapEnslaved() {
        VirtualNetwork net = network(1, conf(Driver.BRIDGE, "br1", "eth0", null, null, false, false));
        HostState s = DesiredStateCompiler.compile(host(List.of(net), nic(7, 0, net, "02:00:0a:00:00:07",
                addresses("10.0.0.7"))));
        assertEquals(Map.of(
                "br1", new Device.Bridge("br1", NO_MASTER, true, OptionalInt.empty()),
                "eth0", new Device.Other("eth0", Optional.of("br1"), OptionalInt.empty()),
                "one-7-0", new Device.Other("one-7-0", Optional.of("br1"), OptionalInt.empty())), s.devices());
        assertTrue(s.iptables().isEmpty());
        assertTrue(s.sysctls().isEmpty());
    }

    @Test
    void an8021qNetworkGetsItsVlanDeviceWithTheNetworksMtu() {
        VirtualNetwork net = network(2, conf(Driver.VLAN, "onebr.120", "eth1", 120, 9000, false, false));
        HostState s = DesiredStateCompiler.compile(host(List.of(net), nic(7, 0, net, "02:00:0a:00:00:07", List.of())));
        assertEquals(new Device.Vlan("eth1.120", "eth1", 120, Optional.of("onebr.120"), true, OptionalInt.of(9000)),
                s.devices().get("eth1.120"));
        assertEquals(new Device.Bridge("onebr.120", NO_MASTER, true, OptionalInt.of(9000)), s.devices().get("onebr.120"));
        assertFalse(s.devices().containsKey("eth1"), "the parent of a VLAN device is not enslaved");
    }

    @Test
    void aVxlanNetworkGetsGroup239PlusVniPort4789Ttl16AndMtu1450ByDefault() {
        VirtualNetwork net = network(3, conf(Driver.VXLAN, "onebr.300", "eth1", 300, null, false, false));
        HostState s = DesiredStateCompiler.compile(host(List.of(net), nic(7, 0, net, "02:00:0a:00:00:07", List.of())));
        assertEquals(new Device.Vxlan("eth1.300", "eth1", 300, Ipv4.parse("IP", "239.0.1.44"), 4789, 16,
                Optional.of("onebr.300"), true, OptionalInt.of(1450)), s.devices().get("eth1.300"));
        assertEquals("239.255.255.255", DesiredStateCompiler.vxlanGroup(16_777_215).toString());
    }

    @Test
    void aTaggedNetworkWithoutPhydevIsRefusedNamingTheField() {
        VirtualNetwork net = network(4, conf(Driver.VLAN, "onebr.5", null, 5, null, false, false));
        ValidationException e = assertThrows(ValidationException.class, () -> DesiredStateCompiler.compile(
                host(List.of(net), nic(7, 0, net, "02:00:0a:00:00:07", List.of()))));
        assertEquals(Optional.of("PHYDEV"), e.field());
        assertTrue(e.getMessage().contains("4:net4"), e.getMessage());
    }

    @Test
    void onlyNetworksWithANicOrPinnedHaveDevices() {
        VirtualNetwork used = network(1, conf(Driver.BRIDGE, "br1", null, null, null, false, false));
        VirtualNetwork unused = network(2, conf(Driver.BRIDGE, "br2", null, null, null, false, false));
        VirtualNetwork pinned = network(3, conf(Driver.VLAN, "br3", "eth0", 30, null, false, false));
        HostState s = DesiredStateCompiler.compile(new HostInventory(1, "h", List.of(new NetworkOnHost(used, false),
                new NetworkOnHost(unused, false), new NetworkOnHost(pinned, true)),
                List.of(nic(7, 0, used, "02:00:0a:00:00:07", List.of()))));
        assertEquals(List.of("br1", "br3", "eth0.30", "one-7-0"), List.copyOf(s.devices().keySet()));
    }

    @Test
    void twoNetworksNeedingDifferentSettingsOfOneBridgeAreRefused() {
        VirtualNetwork a = network(1, conf(Driver.BRIDGE, "br0", null, null, 1500, false, false));
        VirtualNetwork b = network(2, conf(Driver.BRIDGE, "br0", null, null, 9000, false, false));
        ValidationException e = assertThrows(ValidationException.class, () -> DesiredStateCompiler.compile(host(
                List.of(a, b), nic(7, 0, a, "02:00:0a:00:00:07", List.of()), nic(8, 0, b, "02:00:0a:00:00:08",
                        List.of()))));
        assertTrue(e.getMessage().contains("br0") && e.getMessage().contains("1:net1"), e.getMessage());
    }

    @Test
    void filteredNicsGetTheGlobalChainItsHooksAndBridgeFilteringSysctls() {
        VirtualNetwork net = fw(5);
        HostState s = DesiredStateCompiler.compile(host(List.of(net),
                nic(9, 1, net, "02:00:0a:00:00:09", addresses("10.0.0.9"), group(100, "PROTOCOL=TCP; RULE_TYPE=INBOUND")),
                nic(8, 0, net, "02:00:0a:00:00:08", addresses("10.0.0.8"), group(100, "PROTOCOL=TCP; RULE_TYPE=INBOUND"))));
        assertEquals(Map.of("net.bridge.bridge-nf-call-iptables", "1", "net.bridge.bridge-nf-call-ip6tables", "1"),
                s.sysctls());
        assertEquals(new Chain("-", List.of(
                "-m physdev --physdev-out one-8-0 --physdev-is-bridged -j one-8-0-i",
                "-m physdev --physdev-in one-8-0 --physdev-is-bridged -j one-8-0-o",
                "-m physdev --physdev-out one-9-1 --physdev-is-bridged -j one-9-1-i",
                "-m physdev --physdev-in one-9-1 --physdev-is-bridged -j one-9-1-o",
                "-j ACCEPT")), s.iptables().chains().get("opennebula"));
        assertEquals(s.iptables().chains().get("opennebula"), s.ip6tables().chains().get("opennebula"));
        assertEquals(List.of("-A FORWARD -m physdev --physdev-is-bridged -j opennebula",
                "-A INPUT -m physdev --physdev-in one-8-0 -j one-8-0-o",
                "-A INPUT -m physdev --physdev-in one-9-1 -j one-9-1-o"), s.iptables().hooks());
        assertEquals(s.iptables().hooks(), s.ip6tables().hooks());
        assertEquals(List.of("one-8-0-i", "one-8-0-o", "one-9-1-i", "one-9-1-o", "opennebula"),
                List.copyOf(s.iptables().chains().keySet()));
        assertTrue(s.ebtables().isEmpty(), "only the ebtables driver has ebtables rules");
    }

    @Test
    void twoNicsSharingAGroupEachGetTheirOwnChainsAndSets() {
        VirtualNetwork net = fw(5);
        GroupRules shared = group(100, "PROTOCOL=TCP; RULE_TYPE=INBOUND; IP=10.9.0.0; SIZE=256");
        HostState s = DesiredStateCompiler.compile(host(List.of(net),
                nic(8, 0, net, "02:00:0a:00:00:08", addresses("10.0.0.8"), shared),
                nic(9, 0, net, "02:00:0a:00:00:09", addresses("10.0.0.9"), shared)));
        assertEquals(List.of("one-8-0-100-i1", "one-8-0-ip-spoofing", "one-8-0-ip6-spoofing", "one-9-0-100-i1",
                "one-9-0-ip-spoofing", "one-9-0-ip6-spoofing"), List.copyOf(s.ipsets().keySet()));
        assertEquals(s.ipsets().get("one-8-0-100-i1").members(), s.ipsets().get("one-9-0-100-i1").members());
        assertTrue(s.iptables().chains().get("one-9-0-i").rules()
                .contains("-p tcp -m set --match-set one-9-0-100-i1 src -j RETURN"));
    }

    @Test
    void anEbtablesNetworkIsolatesEachNicByItsMacPrefixAndOwnMac() {
        VirtualNetwork net = network(6, conf(Driver.EBTABLES, "br6", null, null, null, false, false));
        HostState s = DesiredStateCompiler.compile(host(List.of(net),
                nic(3, 0, net, "02:00:0a:00:00:2b", addresses("10.0.0.43"))));
        assertEquals(new RuleTable(List.of("-A FORWARD -o one-3-0 -j one-3-0-i", "-A FORWARD -i one-3-0 -j one-3-0-o"),
                Map.of("one-3-0-i", new Chain("RETURN", List.of("-s ! 02:00:0a:00:00:00/ff:ff:ff:ff:ff:00 -j DROP")),
                        "one-3-0-o", new Chain("RETURN", List.of("-s ! 02:00:0a:00:00:2b -j DROP")))), s.ebtables());
    }

    @Test
    void qosComesFromTheNicElseFromTheNetworkInBytes() {
        Qos netQos = new Qos(OptionalLong.of(1000), OptionalLong.of(2000), OptionalLong.of(64), OptionalLong.of(500),
                OptionalLong.empty(), OptionalLong.empty());
        Qos nicQos = new Qos(OptionalLong.of(10), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.of(8));
        VirtualNetwork net = network(1, conf(Driver.BRIDGE, "br1", null, null, null, false, false), netQos);
        NicOnHost own = new NicOnHost(4, 1, "one-4-1", 1, DesiredFixtures.mac("02:00:0a:00:00:04"), List.of(),
                List.of(), Optional.of(nicQos));
        HostState s = DesiredStateCompiler.compile(host(List.of(net), nic(4, 0, net, "02:00:0a:00:00:05", List.of()),
                own));
        assertEquals(new TapQos("one-4-0", Optional.of(new TapQos.Shaping(1_000_000, 2_000_000, 64 * 1024)),
                Optional.of(new TapQos.Policing(500_000, 500 * 1024))), s.qos().get("one-4-0"));
        assertEquals(new TapQos("one-4-1", Optional.of(new TapQos.Shaping(10_000, 10_000, 2 * 1024)),
                Optional.empty()), s.qos().get("one-4-1"), "outbound peak without an average limits nothing");
    }

    @Test
    void theDefaultInboundBurstIsATenthOfASecondAtTheCeiling() {
        Qos qos = new Qos(OptionalLong.of(1000), OptionalLong.of(2500), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty());
        assertEquals(250 * 1024, QosCompiler.compile("one-1-0", qos).orElseThrow().inbound().orElseThrow().burst());
        assertTrue(QosCompiler.compile("one-1-0", Qos.NONE).isEmpty());
    }

    @Test
    void compilingTwiceGivesAnEqualState() {
        VirtualNetwork net = fw(5);
        HostInventory inv = host(List.of(net), nic(8, 0, net, "02:00:0a:00:00:08", addresses("10.0.0.8"),
                group(100, "PROTOCOL=TCP; RULE_TYPE=INBOUND; IP=10.9.0.3; SIZE=77")));
        assertEquals(DesiredStateCompiler.compile(inv), DesiredStateCompiler.compile(inv));
    }
}
