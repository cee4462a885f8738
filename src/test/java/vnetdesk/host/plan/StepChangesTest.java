package vnetdesk.host.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vnetdesk.host.plan.PlannerTest.bridge;
import static vnetdesk.host.plan.PlannerTest.nicTable;
import static vnetdesk.host.plan.PlannerTest.state;
import static vnetdesk.host.plan.PlannerTest.tap;

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

/**
 * Every step names the objects its commands touch, with kind, name and
 * action as data, so a plan can be grouped by owner without parsing text.
 */
class StepChangesTest {

    static List<String> texts(Step step) {
        return step.changes().stream().map(Change::text).toList();
    }

    @Test
    void aFirewallLoadNamesEveryChainItCreatesAndEveryHookByTheChainItJumpsTo() {
        Step step = Planner.plan(state(Map.of(), RuleTable.EMPTY, Map.of(), Map.of()),
                state(Map.of(), nicTable("-j DROP"), Map.of(), Map.of()), SavedTables.NONE).steps().get(0);
        assertEquals(List.of("create iptables chain one-5-0-i", "create iptables chain opennebula",
                "hook iptables chain opennebula into FORWARD"), texts(step));
        assertEquals(new Change(Change.Kind.HOOK, "opennebula", Change.Action.HOOK,
                "iptables chain opennebula into FORWARD"), step.changes().get(2));
    }

    @Test
    void aRewriteNamesOnlyTheChangedChainAndARemovalItsChainsAndHooks() {
        Step rewrite = Planner.plan(state(Map.of(), nicTable("-p tcp -j RETURN"), Map.of(), Map.of()),
                state(Map.of(), nicTable("-p udp -j RETURN"), Map.of(), Map.of()), SavedTables.NONE).steps().get(0);
        assertEquals(List.of(new Change(Change.Kind.CHAIN, "one-5-0-i", Change.Action.REWRITE,
                "iptables chain one-5-0-i")), rewrite.changes());

        RuleTable eb = new RuleTable(List.of("-A FORWARD -o one-7-0 -j one-7-0-i"),
                Map.of("one-7-0-i", new Chain("RETURN", List.of("-j DROP"))));
        HostState actual = new HostState(Map.of(), Map.of(), RuleTable.EMPTY, RuleTable.EMPTY, eb, Map.of(), Map.of());
        Step removal = Planner.plan(actual, HostState.EMPTY, SavedTables.NONE).steps().get(0);
        assertEquals(List.of("unhook ebtables chain one-7-0-i from FORWARD", "remove ebtables chain one-7-0-i"),
                texts(removal));
        assertEquals(List.of("one-7-0-i", "one-7-0-i"), removal.changes().stream().map(Change::name).toList());
    }

    @Test
    void ipsetStepsNameEachSetCreatedRefilledAndDestroyed() {
        IpSet old = new IpSet("one-5-0-0-i1", "hash:net", "inet", List.of("10.0.0.0/24"));
        IpSet changed = new IpSet("one-5-0-ip-spoofing", "hash:ip", "inet", List.of("10.0.0.2"));
        IpSet wanted = new IpSet("one-5-0-ip-spoofing", "hash:ip", "inet", List.of("10.0.0.3"));
        IpSet added = new IpSet("one-6-0-ip-spoofing", "hash:ip", "inet", List.of("10.0.0.9"));
        Plan plan = Planner.plan(state(Map.of(), RuleTable.EMPTY, Map.of(old.name(), old, changed.name(), changed),
                Map.of()), state(Map.of(), RuleTable.EMPTY, Map.of(wanted.name(), wanted, added.name(), added),
                Map.of()), SavedTables.NONE);
        assertEquals(List.of("create ipset one-6-0-ip-spoofing", "replace the members of ipset one-5-0-ip-spoofing"),
                texts(plan.steps().get(0)));
        assertEquals(List.of(new Change(Change.Kind.IPSET, "one-5-0-0-i1", Change.Action.REMOVE,
                "ipset one-5-0-0-i1")), plan.steps().get(1).changes());
    }

    @Test
    void deviceStepsNameTheDeviceWithItsSettings() {
        Device vx = new Device.Vxlan("ul0.300", "ul0", 300, Ipv4.parse("group", "239.0.1.44"), 4789, 16,
                Optional.of("onebr.300"), true, OptionalInt.of(1450));
        HostState actual = state(Map.of("ul0", tap("ul0", Optional.empty()), "one-5-0", tap("one-5-0",
                Optional.empty()), "onebr9", bridge("onebr9", true)), RuleTable.EMPTY, Map.of(), Map.of());
        HostState desired = state(Map.of("onebr.300", bridge("onebr.300", true), "ul0.300", vx,
                "one-5-0", tap("one-5-0", Optional.of("onebr.300"))), RuleTable.EMPTY, Map.of(), Map.of());
        Plan plan = Planner.plan(actual, desired, SavedTables.NONE);
        assertEquals(List.of(List.of("create bridge onebr.300"),
                List.of("create VXLAN device ul0.300 (VNI 300, group 239.0.1.44, port 4789, ttl 16 on ul0)"),
                List.of("attach device ul0.300 to bridge onebr.300"),
                List.of("attach tap one-5-0 to bridge onebr.300"),
                List.of("remove bridge onebr9")), plan.steps().stream().map(StepChangesTest::texts).toList());
        assertEquals(List.of("onebr.300", "ul0.300", "ul0.300", "one-5-0", "onebr9"), plan.steps().stream()
                .map(s -> s.changes().get(0)).map(Change::name).toList());
    }

    @Test
    void qosAndKernelStepsNameTheTapAndTheSetting() {
        TapQos want = new TapQos("one-5-0", Optional.of(new TapQos.Shaping(100_000, 200_000, 51_200)),
                Optional.empty());
        TapQos have = new TapQos("one-5-0", Optional.empty(), Optional.of(new TapQos.Policing(50_000, 51_200)));
        Map<String, Device> devices = Map.of("one-5-0", tap("one-5-0", Optional.empty()));
        HostState actual = new HostState(devices, Map.of("net.bridge.bridge-nf-call-iptables", "0"),
                RuleTable.EMPTY, RuleTable.EMPTY, RuleTable.EMPTY, Map.of(), Map.of("one-5-0", have));
        Plan plan = Planner.plan(actual, state(devices, RuleTable.EMPTY, Map.of(), Map.of("one-5-0", want)),
                SavedTables.NONE);
        assertEquals(List.of(List.of("set kernel setting net.bridge.bridge-nf-call-iptables to 1 (was 0)"),
                List.of("set inbound shaping of tap one-5-0 to 100000 B/s (peak 200000 B/s, burst 51200 B)",
                        "remove outbound policing of tap one-5-0")),
                plan.steps().stream().map(StepChangesTest::texts).toList());
        assertEquals(List.of(Change.Kind.KERNEL_SETTING, Change.Kind.TAP_QOS),
                plan.steps().stream().map(s -> s.changes().get(0).kind()).toList());
    }
}
