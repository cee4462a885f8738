package vnetdesk.host.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import vnetdesk.host.desired.DesiredStateCompiler;
import vnetdesk.host.desired.HostInventory;
import vnetdesk.host.desired.NetworkOnHost;
import vnetdesk.host.desired.NicOnHost;
import vnetdesk.host.state.Device;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.RuleTable;
import vnetdesk.model.Address;
import vnetdesk.model.AllocationPolicy;
import vnetdesk.model.Driver;
import vnetdesk.model.Mac;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Qos;
import vnetdesk.model.VirtualNetwork;

/**
 * The 802.1Q driver as text, for kernels that cannot run it here: an
 * inventory with one NIC on a VLAN network, compiled and planned against a
 * host that has only the PHYDEV, gives exactly the bridge, the
 * {@code PHYDEV.VLAN} device and its enslaving, in that order.
 */
class VlanPlanTest {

    static final VirtualNetwork VLAN50 = new VirtualNetwork(7, "vlan50", "", List.of(0),
            new Ownership(0, 0, Permissions.DEFAULT), Optional.empty(),
            new NetworkConf(Driver.VLAN, "onebr.50", false, Optional.of("eth1"), Optional.of(50), false,
                    Optional.of(1500), false, false, AllocationPolicy.LOWEST_FREE),
            Qos.NONE, Map.of(), List.of(0), List.of(), Optional.empty(), 0, 1);

    static final HostInventory ONE_NIC = new HostInventory(1, "kvm1", List.of(new NetworkOnHost(VLAN50, false)),
            List.of(new NicOnHost(12, 0, "one-12-0", VLAN50.id(), Mac.parse("MAC", "02:00:0a:00:00:02"),
                    List.of(Address.parse("IP", "10.0.0.2")), List.of(), Optional.empty())));

    static HostState onlyPhydev() {
        return new HostState(Map.of("eth1", new Device.Other("eth1", Optional.empty(), OptionalInt.of(1500))),
                Map.of(), RuleTable.EMPTY, RuleTable.EMPTY, RuleTable.EMPTY, Map.of(), Map.of());
    }

    @Test
    void aVlanNetworkOnAHostWithOnlyItsPhydevPlansTheBridgeTheTaggedDeviceAndItsEnslaving() {
        Plan plan = Planner.plan(onlyPhydev(), DesiredStateCompiler.compile(ONE_NIC), SavedTables.NONE);
        assertFalse(plan.isBlocked(), plan.blockers().toString());
        assertEquals("""
                ip link add name onebr.50 mtu 1500 type bridge
                ip link set dev onebr.50 alias vnetdesk
                ip link set dev onebr.50 up
                ip link add link eth1 name eth1.50 mtu 1500 type vlan id 50
                ip link set dev eth1.50 alias vnetdesk
                ip link set dev eth1.50 up
                ip link set dev eth1.50 master onebr.50""", plan.commandText());
        assertEquals(List.of("bridge onebr.50: create bridge onebr.50",
                "device eth1.50: create 802.1Q device eth1.50 (VLAN 50 on eth1)",
                "device eth1.50: attach to bridge onebr.50",
                "note: tap one-12-0 is not on the host yet: its firewall is loaded now and filters it from its first"
                        + " packet; the hypervisor attaches it"), plan.readableLines());
    }

    @Test
    void eachCreatedDeviceIsTakenBackOnFailureAndThePhydevIsNeverTouched() {
        Plan plan = Planner.plan(onlyPhydev(), DesiredStateCompiler.compile(ONE_NIC), SavedTables.NONE);
        assertEquals(List.of(List.of("ip link del dev onebr.50 2>/dev/null || true"),
                        List.of("ip link del dev eth1.50 2>/dev/null || true"),
                        List.of("ip link set dev eth1.50 nomaster")),
                plan.steps().stream().map(s -> s.undo().stream().map(Command::line).toList()).toList());
        assertFalse(plan.commandText().contains("dev eth1 "), plan.commandText());
    }
}
