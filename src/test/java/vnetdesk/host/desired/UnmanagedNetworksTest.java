package vnetdesk.host.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.host.desired.DesiredFixtures.addresses;
import static vnetdesk.host.desired.DesiredFixtures.conf;
import static vnetdesk.host.desired.DesiredFixtures.fw;
import static vnetdesk.host.desired.DesiredFixtures.group;
import static vnetdesk.host.desired.DesiredFixtures.host;
import static vnetdesk.host.desired.DesiredFixtures.network;
import static vnetdesk.host.desired.DesiredFixtures.nic;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.HostState;
import vnetdesk.model.AllocationPolicy;
import vnetdesk.model.Driver;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.Qos;
import vnetdesk.model.VirtualNetwork;

/**
 * Networks whose driver vnetdesk does not manage on hosts (Open vSwitch,
 * dummy …): the compiler gives them and their NICs nothing — no bridge, no
 * tap enslaved, no firewall, no QoS — and the inventory names them as skipped.
 */
class UnmanagedNetworksTest {

    private final VirtualNetwork lan = fw(1);
    private final VirtualNetwork ovs = network(7, new NetworkConf(Driver.OVSWITCH, "br-ovs", false, Optional.empty(),
            Optional.of(30), false, Optional.empty(), true, true, AllocationPolicy.LOWEST_FREE, "openvswitch_dpdk"),
            new Qos(java.util.OptionalLong.of(1000), java.util.OptionalLong.empty(), java.util.OptionalLong.empty(),
                    java.util.OptionalLong.of(1000), java.util.OptionalLong.empty(), java.util.OptionalLong.empty()));
    private final VirtualNetwork dummy = network(8, conf(Driver.DUMMY, "br-dummy", null, null, null, false, false));

    @Test
    void anUnmanagedNetworkAndItsNicsAddNothingToTheHostsState() {
        NicOnHost web = nic(5, 0, lan, "02:00:0a:00:00:05", addresses("10.0.0.5"), group(0, "PROTOCOL=ALL;RULE_TYPE=inbound"));
        HostState managedOnly = DesiredStateCompiler.compile(host(List.of(lan), web));
        HostState all = DesiredStateCompiler.compile(host(List.of(lan, ovs, dummy), web,
                nic(6, 0, ovs, "02:00:0a:00:00:06", addresses("10.7.0.6"), group(0, "PROTOCOL=TCP;RULE_TYPE=inbound")),
                nic(9, 0, dummy, "02:00:0a:00:00:09", addresses("10.8.0.9"))));
        assertEquals(managedOnly, all);
        assertTrue(all.devices().containsKey("br1"), "the managed network still gets its bridge");
    }

    @Test
    void aHostWithOnlyUnmanagedNetworksNeedsNothingEvenWhenPinned() {
        HostState s = DesiredStateCompiler.compile(new HostInventory(1, "h", List.of(new NetworkOnHost(ovs, true)),
                List.of(nic(6, 0, ovs, "02:00:0a:00:00:06", addresses("10.7.0.6")))));
        assertEquals(HostState.EMPTY, s);
    }

    @Test
    void theInventoryNamesEachSkippedNetworkWithItsNicsAndWhy() {
        HostInventory inventory = host(List.of(lan, ovs, dummy),
                nic(5, 0, lan, "02:00:0a:00:00:05", addresses("10.0.0.5")),
                nic(6, 0, ovs, "02:00:0a:00:00:06", addresses("10.7.0.6")),
                nic(6, 1, ovs, "02:00:0a:00:00:07", addresses("10.7.0.7")));
        List<SkippedNetwork> skipped = inventory.skipped();
        assertEquals(List.of(7, 8), skipped.stream().map(s -> s.network().id()).toList());
        assertEquals(List.of("one-6-0", "one-6-1"), skipped.get(0).taps());
        assertEquals("driver ovswitch is not managed on hosts", skipped.get(0).reason());
        assertEquals("network 7:net7 skipped: driver ovswitch is not managed on hosts; vnetdesk configures no bridge,"
                + " device, firewall or QoS for it (NICs one-6-0, one-6-1 get no firewall from vnetdesk)",
                skipped.get(0).note());
        assertEquals("network 8:net8 skipped: driver dummy is not managed on hosts; vnetdesk configures no bridge,"
                + " device, firewall or QoS for it", skipped.get(1).note());
        HostInventory managed = inventory.managedOnly();
        assertEquals(List.of(1), managed.networks().stream().map(n -> n.network().id()).toList());
        assertEquals(List.of("one-5-0"), managed.nics().stream().map(NicOnHost::tap).toList());
        assertNotEquals(inventory, managed);
    }
}
