package vnetdesk.host.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.Device;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.IpSet;
import vnetdesk.host.state.RuleTable;
import vnetdesk.host.state.TapQos;
import vnetdesk.model.Ipv4;

class PlannerTest {

    static final String HOOK = "-A FORWARD -m physdev --physdev-is-bridged -j opennebula";
    static final String SAVED = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n";

    static Device bridge(String name, boolean owned) {
        return new Device.Bridge(name, Optional.empty(), owned, OptionalInt.empty());
    }

    static Device tap(String name, Optional<String> master) {
        return new Device.Other(name, master, OptionalInt.empty());
    }

    static HostState state(Map<String, Device> devices, RuleTable ipv4, Map<String, IpSet> sets,
                           Map<String, TapQos> qos) {
        return new HostState(devices, Map.of("net.bridge.bridge-nf-call-iptables", "1"), ipv4, RuleTable.EMPTY,
                RuleTable.EMPTY, sets, qos);
    }

    static RuleTable nicTable(String... rules) {
        return new RuleTable(List.of(HOOK), Map.of(
                "opennebula", new Chain("-", List.of("-m physdev --physdev-out one-5-0 --physdev-is-bridged -j one-5-0-i",
                        "-j ACCEPT")),
                "one-5-0-i", new Chain("-", List.of(rules))));
    }

    @Test
    void aHostInTheDesiredStateGetsAnEmptyPlan() {
        HostState s = state(Map.of("onebr0", bridge("onebr0", true), "one-5-0", tap("one-5-0", Optional.of("onebr0"))),
                nicTable("-j DROP"), Map.of("one-5-0-ip", new IpSet("one-5-0-ip", "hash:ip", "inet", List.of("10.0.0.2"))),
                Map.of());
        Plan plan = Planner.plan(s, s, new SavedTables(SAVED, SAVED, ""));
        assertTrue(plan.isEmpty(), plan.readableLines().toString());
        assertEquals("", plan.commandText());
    }

    @Test
    void aNewNicsChainsAreLoadedInOneRestoreWithTheHookInsertedAtTheTop() {
        HostState actual = state(Map.of(), RuleTable.EMPTY, Map.of(), Map.of());
        HostState desired = state(Map.of(), nicTable("-p tcp -m multiport --dports 22 -j RETURN", "-j DROP"), Map.of(),
                Map.of());
        Plan plan = Planner.plan(actual, desired, new SavedTables(SAVED, SAVED, ""));
        assertEquals(1, plan.steps().size(), plan.readableLines().toString());
        Step step = plan.steps().get(0);
        Command load = step.commands().get(0);
        assertEquals("iptables-restore -w --noflush", load.line());
        assertEquals("""
                *filter
                :one-5-0-i - [0:0]
                :opennebula - [0:0]
                -A one-5-0-i -p tcp -m multiport --dports 22 -j RETURN
                -A one-5-0-i -j DROP
                -A opennebula -m physdev --physdev-out one-5-0 --physdev-is-bridged -j one-5-0-i
                -A opennebula -j ACCEPT
                -I FORWARD 1 -m physdev --physdev-is-bridged -j opennebula
                COMMIT
                """, load.stdin().orElseThrow());
        assertEquals(List.of(Command.withInput("iptables-restore -w", SAVED)), step.undo());
        assertTrue(step.description().contains("create chains one-5-0-i, opennebula"), step.description());
    }

    @Test
    void aChainThatGoesIsUnhookedFlushedAndRemovedInTheSameTransaction() {
        HostState actual = state(Map.of(), nicTable("-j DROP"), Map.of(), Map.of());
        HostState desired = state(Map.of(), RuleTable.EMPTY, Map.of(), Map.of());
        String in = Planner.plan(actual, desired, SavedTables.NONE).steps().get(0).commands().get(0).stdin()
                .orElseThrow();
        assertEquals("""
                *filter
                :one-5-0-i - [0:0]
                :opennebula - [0:0]
                -D FORWARD -m physdev --physdev-is-bridged -j opennebula
                -X one-5-0-i
                -X opennebula
                COMMIT
                """, in);
    }

    @Test
    void onlyTheChangedChainIsRewritten() {
        HostState actual = state(Map.of(), nicTable("-p tcp -j RETURN", "-j DROP"), Map.of(), Map.of());
        HostState desired = state(Map.of(), nicTable("-p udp -j RETURN", "-j DROP"), Map.of(), Map.of());
        String in = Planner.plan(actual, desired, SavedTables.NONE).steps().get(0).commands().get(0).stdin()
                .orElseThrow();
        assertEquals("*filter\n:one-5-0-i - [0:0]\n-A one-5-0-i -p udp -j RETURN\n-A one-5-0-i -j DROP\nCOMMIT\n", in);
    }

    @Test
    void ipsetsAreFilledBeforeTheFirewallAndDestroyedAfterIt() {
        IpSet old = new IpSet("one-5-0-0-i-n", "hash:net", "inet", List.of("10.0.0.0/24"));
        IpSet changed = new IpSet("one-5-0-ip", "hash:ip", "inet", List.of("10.0.0.2"));
        IpSet wanted = new IpSet("one-5-0-ip", "hash:ip", "inet", List.of("10.0.0.3"));
        IpSet added = new IpSet("one-6-0-ip", "hash:ip", "inet", List.of("10.0.0.9"));
        HostState actual = state(Map.of(), nicTable("-j DROP"), Map.of(old.name(), old, changed.name(), changed),
                Map.of());
        HostState desired = state(Map.of(), nicTable("-j RETURN"), Map.of(wanted.name(), wanted, added.name(), added),
                Map.of());
        Plan plan = Planner.plan(actual, desired, SavedTables.NONE);
        assertEquals(List.of("ipset", "iptables", "ipset"), plan.steps().stream().map(Step::subject).toList());
        assertEquals("""
                create vnetdesk-swap hash:ip family inet
                add vnetdesk-swap 10.0.0.3
                swap vnetdesk-swap one-5-0-ip
                destroy vnetdesk-swap
                create one-6-0-ip hash:ip family inet
                add one-6-0-ip 10.0.0.9
                """, plan.steps().get(0).commands().get(0).stdin().orElseThrow());
        List<String> undo = plan.steps().get(0).undo().stream().map(Command::displayText).toList();
        assertTrue(undo.get(1).contains("add vnetdesk-swap 10.0.0.2\nswap vnetdesk-swap one-5-0-ip"), undo.toString());
        assertEquals("ipset destroy one-6-0-ip 2>/dev/null || true", undo.get(2));
        assertEquals(List.of(Command.of("ipset destroy one-5-0-0-i-n")), plan.steps().get(2).commands());
        assertTrue(plan.steps().get(2).undo().get(0).stdin().orElseThrow().contains("add one-5-0-0-i-n 10.0.0.0/24"));
    }

    @Test
    void anIpsetOfAnotherTypeBlocksThePlanInsteadOfBeingChangedInPlace() {
        IpSet have = new IpSet("one-5-0-ip", "hash:net", "inet", List.of());
        IpSet want = new IpSet("one-5-0-ip", "hash:ip", "inet", List.of("10.0.0.3"));
        Plan plan = Planner.plan(state(Map.of(), RuleTable.EMPTY, Map.of(have.name(), have), Map.of()),
                state(Map.of(), RuleTable.EMPTY, Map.of(want.name(), want), Map.of()), SavedTables.NONE);
        assertTrue(plan.isBlocked());
        assertTrue(plan.blockers().get(0).contains("hash:net"), plan.blockers().toString());
    }

    @Test
    void aMissingBridgeIsCreatedMarkedAndUpAndThePresentTapIsEnslaved() {
        HostState actual = state(Map.of("one-5-0", tap("one-5-0", Optional.empty())), RuleTable.EMPTY, Map.of(),
                Map.of());
        HostState desired = state(Map.of("onebr0", bridge("onebr0", true), "one-5-0", tap("one-5-0", Optional.of("onebr0"))),
                RuleTable.EMPTY, Map.of(), Map.of());
        Plan plan = Planner.plan(actual, desired, SavedTables.NONE);
        assertEquals("""
                ip link add name onebr0 type bridge
                ip link set dev onebr0 alias vnetdesk
                ip link set dev onebr0 up
                ip link set dev one-5-0 master onebr0""", plan.commandText());
        assertEquals(List.of(Command.of("ip link set dev one-5-0 nomaster")), plan.steps().get(1).undo());
    }

    @Test
    void aVxlanDeviceIsCreatedWithItsGroupPortAndTtlOnItsPhydev() {
        Device vx = new Device.Vxlan("ul0.300", "ul0", 300, Ipv4.parse("group", "239.0.1.44"), 4789, 16,
                Optional.of("onebr.300"), true, OptionalInt.of(1450));
        HostState actual = state(Map.of("ul0", tap("ul0", Optional.empty())), RuleTable.EMPTY, Map.of(), Map.of());
        HostState desired = state(Map.of("onebr.300", bridge("onebr.300", true), "ul0.300", vx), RuleTable.EMPTY,
                Map.of(), Map.of());
        String text = Planner.plan(actual, desired, SavedTables.NONE).commandText();
        assertTrue(text.contains("ip link add name ul0.300 mtu 1450 type vxlan id 300 group 239.0.1.44 dev ul0"
                + " dstport 4789 ttl 16"), text);
        assertTrue(text.indexOf("name onebr.300") < text.indexOf("name ul0.300"), "bridge first: " + text);
        assertTrue(text.endsWith("ip link set dev ul0.300 master onebr.300"), text);
    }

    @Test
    void aHostsOwnBridgeIsUsedAsItIsAndNeverRemoved() {
        HostState actual = state(Map.of("br0", bridge("br0", false)), RuleTable.EMPTY, Map.of(), Map.of());
        HostState desired = state(Map.of("br0", bridge("br0", true)), RuleTable.EMPTY, Map.of(), Map.of());
        assertTrue(Planner.plan(actual, desired, SavedTables.NONE).isEmpty());
        assertTrue(Planner.plan(actual, state(Map.of(), RuleTable.EMPTY, Map.of(), Map.of()), SavedTables.NONE)
                .isEmpty());
    }

    @Test
    void aHostsOwnBridgeKeepsItsMtuWhenTheNetworkAsksForAnotherAndThePlanSaysSo() {
        HostState actual = state(Map.of("br0", new Device.Bridge("br0", Optional.empty(), false, OptionalInt.of(1500))),
                RuleTable.EMPTY, Map.of(), Map.of());
        HostState desired = state(Map.of("br0", new Device.Bridge("br0", Optional.empty(), true, OptionalInt.of(9000))),
                RuleTable.EMPTY, Map.of(), Map.of());
        Plan plan = Planner.plan(actual, desired, SavedTables.NONE);
        assertTrue(plan.isEmpty(), plan.readableLines().toString());
        assertEquals(List.of("bridge br0 has MTU 1500, not the network's 9000; it was not created by vnetdesk, so"
                + " its MTU is left alone"), plan.notes());
        HostState owned = state(Map.of("br0", new Device.Bridge("br0", Optional.empty(), true, OptionalInt.of(1500))),
                RuleTable.EMPTY, Map.of(), Map.of());
        assertEquals("ip link set dev br0 mtu 9000", Planner.plan(owned, desired, SavedTables.NONE).commandText());
    }

    @Test
    void aDeviceInTheWayThatTheConsoleDidNotCreateBlocksThePlan() {
        HostState actual = state(Map.of("onebr0", tap("onebr0", Optional.empty())), RuleTable.EMPTY, Map.of(), Map.of());
        HostState desired = state(Map.of("onebr0", bridge("onebr0", true)), RuleTable.EMPTY, Map.of(), Map.of());
        Plan plan = Planner.plan(actual, desired, SavedTables.NONE);
        assertTrue(plan.isBlocked());
        assertTrue(plan.blockers().get(0).contains("not created by vnetdesk"), plan.blockers().toString());
        assertTrue(plan.steps().isEmpty());
    }

    @Test
    void aMissingPhydevBlocksAndAMissingTapIsOnlyANote() {
        Device vlan = new Device.Vlan("eth1.100", "eth1", 100, Optional.of("onebr.100"), true, OptionalInt.empty());
        HostState desired = state(Map.of("onebr.100", bridge("onebr.100", true), "eth1.100", vlan,
                "one-5-0", tap("one-5-0", Optional.of("onebr.100"))), RuleTable.EMPTY, Map.of(), Map.of());
        Plan plan = Planner.plan(state(Map.of(), RuleTable.EMPTY, Map.of(), Map.of()), desired, SavedTables.NONE);
        assertEquals(1, plan.blockers().size(), plan.blockers().toString());
        assertTrue(plan.blockers().get(0).contains("PHYDEV eth1"), plan.blockers().toString());
        assertTrue(plan.notes().get(0).contains("one-5-0 is not on the host yet"), plan.notes().toString());
    }

    @Test
    void anOwnedBridgeGoesOnlyWhenNoPortStaysOnIt() {
        Map<String, Device> withPort = new HashMap<>(Map.of("onebr0", bridge("onebr0", true),
                "one-5-0", tap("one-5-0", Optional.of("onebr0"))));
        HostState empty = state(Map.of(), RuleTable.EMPTY, Map.of(), Map.of());
        Plan kept = Planner.plan(state(withPort, RuleTable.EMPTY, Map.of(), Map.of()), empty, SavedTables.NONE);
        assertTrue(kept.steps().isEmpty());
        assertTrue(kept.notes().get(0).contains("bridge onebr0 is kept: one-5-0 still attached"), kept.notes().toString());
        withPort.remove("one-5-0");
        Plan removed = Planner.plan(state(withPort, RuleTable.EMPTY, Map.of(), Map.of()), empty, SavedTables.NONE);
        assertEquals("ip link del dev onebr0", removed.commandText());
        assertEquals("ip link add name onebr0 type bridge", removed.steps().get(0).undo().get(0).line());
    }

    @Test
    void qosIsSetOnlyOnTapsThatAreThereAndUndoRestoresTheOldValues() {
        TapQos want = new TapQos("one-5-0", Optional.of(new TapQos.Shaping(100_000, 200_000, 51_200)),
                Optional.of(new TapQos.Policing(50_000, 51_200)));
        Map<String, Device> devices = Map.of("one-5-0", tap("one-5-0", Optional.empty()));
        Plan plan = Planner.plan(state(devices, RuleTable.EMPTY, Map.of(), Map.of()),
                state(Map.of(), RuleTable.EMPTY, Map.of(), Map.of("one-5-0", want)), SavedTables.NONE);
        String text = plan.commandText();
        assertTrue(text.contains("tc class add dev one-5-0 parent 1: classid 1:1 htb rate 100000bps ceil 200000bps"
                + " burst 51200b"), text);
        assertTrue(text.contains("police rate 50000bps burst 51200b drop"), text);
        assertEquals(List.of("tc qdisc del dev one-5-0 root 2>/dev/null || true",
                "tc qdisc del dev one-5-0 ingress 2>/dev/null || true"),
                plan.steps().get(0).undo().stream().map(Command::line).toList());
        Plan absent = Planner.plan(state(Map.of(), RuleTable.EMPTY, Map.of(), Map.of()),
                state(Map.of(), RuleTable.EMPTY, Map.of(), Map.of("one-5-0", want)), SavedTables.NONE);
        assertTrue(absent.isEmpty());
        assertFalse(absent.notes().isEmpty());
    }

    @Test
    void aKernelSettingIsSetAndAMissingOneBlocks() {
        HostState zero = new HostState(Map.of(), Map.of("net.bridge.bridge-nf-call-iptables", "0"), RuleTable.EMPTY,
                RuleTable.EMPTY, RuleTable.EMPTY, Map.of(), Map.of());
        HostState one = state(Map.of(), RuleTable.EMPTY, Map.of(), Map.of());
        Plan plan = Planner.plan(zero, one, SavedTables.NONE);
        assertEquals("sysctl -q -w net.bridge.bridge-nf-call-iptables=1", plan.commandText());
        assertTrue(Planner.plan(HostState.EMPTY, one, SavedTables.NONE).isBlocked());
    }
}
