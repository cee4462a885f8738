package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vnetdesk.host.desired.DesiredStateCompiler;
import vnetdesk.host.desired.GroupRules;
import vnetdesk.host.desired.HostInventory;
import vnetdesk.host.desired.NetworkOnHost;
import vnetdesk.host.desired.NicOnHost;
import vnetdesk.host.plan.Plan;
import vnetdesk.host.plan.Planner;
import vnetdesk.host.plan.SavedTables;
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
import vnetdesk.model.SecurityRule;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Host;
import vnetdesk.service.host.HostReports.GroupKind;
import vnetdesk.service.host.HostReports.PlanGroup;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostReports.PlannedStep;

/**
 * A host's plan grouped by owner: a network's devices under the network, a
 * NIC's chains, hooks and ipsets under the NIC (a firewall load shared by
 * many NICs under each), kernel settings and the global chain under the
 * host, what left the host under the NIC it was or "no longer needed".
 */
class PlanGroupsTest {

    static final Host KVM1 = new Host(1, "kvm1", 0, "10.9.0.1", Map.of(), 0);
    static final VirtualNetwork PRIVATE = network(1, "private", Driver.VLAN, "br0", 100);
    static final VirtualNetwork OVERLAY = network(2, "overlay", Driver.VXLAN, "br300", 300);
    static final NicOnHost WEB0 = nic(5, 0, PRIVATE, "02:00:0a:00:00:05");
    static final NicOnHost WEB1 = nic(5, 1, OVERLAY, "02:00:0b:00:00:05");
    static final NicOnHost DB0 = nic(6, 0, PRIVATE, "02:00:0a:00:00:06");
    static final Map<Integer, String> VMS = Map.of(5, "5:web", 6, "6:db");

    static VirtualNetwork network(int id, String name, Driver driver, String bridge, int vlan) {
        return new VirtualNetwork(id, name, "", List.of(0), new Ownership(0, 0, Permissions.DEFAULT), Optional.empty(),
                new NetworkConf(driver, bridge, false, Optional.of("eth0"), Optional.of(vlan), false,
                        Optional.empty(), true, true, AllocationPolicy.LOWEST_FREE),
                Qos.NONE, Map.of(), List.of(0), List.of(), Optional.empty(), 0, 1);
    }

    static NicOnHost nic(int vm, int index, VirtualNetwork network, String mac, GroupRules... groups) {
        String ip = (network.id() == 1 ? "10.0.0." : "10.1.0.") + vm;
        return new NicOnHost(vm, index, "one-" + vm + "-" + index, network.id(), Mac.parse("MAC", mac),
                List.of(Address.parse("IP", ip)), List.of(groups), Optional.empty());
    }

    static HostOwners owners(List<VirtualNetwork> networks, NicOnHost... nics) {
        return new HostOwners(new HostInventory(1, "kvm1", networks.stream().map(n -> new NetworkOnHost(n, false))
                .toList(), List.of(nics)), VMS);
    }

    static final HostOwners ALL = owners(List.of(PRIVATE, OVERLAY), WEB0, WEB1, DB0);

    /** A host with the PHYDEV, the tap of NIC one-5-0, and bridged filtering off. */
    static HostState bare() {
        return new HostState(Map.of("eth0", new Device.Other("eth0", Optional.empty(), OptionalInt.empty()),
                "one-5-0", new Device.Other("one-5-0", Optional.empty(), OptionalInt.empty())),
                Map.of(DesiredStateCompiler.NF_CALL_IPTABLES, "0", DesiredStateCompiler.NF_CALL_IP6TABLES, "0"),
                RuleTable.EMPTY, RuleTable.EMPTY,
                RuleTable.EMPTY, Map.of(), Map.of());
    }

    static HostState desired(HostOwners owners) {
        return DesiredStateCompiler.compile(owners.inventory());
    }

    static PlanReport report(HostState actual, HostOwners owners) {
        Plan plan = Planner.plan(actual, desired(owners), SavedTables.NONE);
        return HostReports.plan(new HostEngine.HostPlan(KVM1, Optional.empty(), Optional.of(plan), Optional.empty(),
                Optional.of(owners)));
    }

    static PlanGroup group(PlanReport r, String name) {
        return r.groups().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + name + " in " + r.groups()));
    }

    static int stepNumber(PlanReport r, String subject) {
        return r.steps().stream().filter(s -> s.subject().equals(subject)).findFirst().orElseThrow().number();
    }

    @Test
    void twoNetworksAndThreeNicsGiveTheHostEachNetworkAndEachNicTheirOwnGroup() {
        PlanReport r = report(bare(), ALL);
        assertEquals(PlanStatus.CHANGES, r.status());
        assertEquals(List.of("host kvm1 — host-wide",
                "network 1:private — bridge br0, 802.1Q eth0.100",
                "network 2:overlay — bridge br300, VXLAN eth0.300",
                "NIC one-5-0 — VM 5:web on network 1:private",
                "NIC one-5-1 — VM 5:web on network 2:overlay",
                "NIC one-6-0 — VM 6:db on network 1:private"), r.groups().stream().map(PlanGroup::title).toList());
        assertEquals(List.of(GroupKind.HOST, GroupKind.NETWORK, GroupKind.NETWORK, GroupKind.NIC, GroupKind.NIC,
                GroupKind.NIC), r.groups().stream().map(PlanGroup::kind).toList());

        assertEquals(List.of("create bridge br300",
                "create VXLAN device eth0.300 (VNI 300, group 239.0.1.44, port 4789, ttl 16 on eth0)",
                "attach device eth0.300 to bridge br300"), group(r, "2:overlay").lines());
        assertEquals(List.of("attach tap one-5-0 to bridge br0", "create ipset one-5-0-ip-spoofing",
                "create ipset one-5-0-ip6-spoofing", "create iptables chain one-5-0-i",
                "create iptables chain one-5-0-o", "hook iptables chain one-5-0-o into INPUT",
                "create ip6tables chain one-5-0-i", "create ip6tables chain one-5-0-o",
                "hook ip6tables chain one-5-0-o into INPUT"), group(r, "one-5-0").lines());
        assertEquals(List.of(stepNumber(r, "tap one-5-0"), stepNumber(r, "ipset"), stepNumber(r, "iptables"),
                stepNumber(r, "ip6tables")), group(r, "one-5-0").steps());
        assertEquals(List.of("set kernel setting net.bridge.bridge-nf-call-ip6tables to 1 (was 0)",
                "set kernel setting net.bridge.bridge-nf-call-iptables to 1 (was 0)",
                "create iptables chain opennebula", "hook iptables chain opennebula into FORWARD",
                "create ip6tables chain opennebula", "hook ip6tables chain opennebula into FORWARD"),
                group(r, "kvm1").lines());
    }

    @Test
    void theOneFirewallLoadOfManyNicsIsInEachOfTheirGroupsAndEveryStepOfAGroupNamesItsObjects() {
        PlanReport r = report(bare(), ALL);
        int load = stepNumber(r, "iptables");
        for (String owner : List.of("kvm1", "one-5-0", "one-5-1", "one-6-0")) {
            assertTrue(group(r, owner).steps().contains(load), owner);
        }
        for (PlanGroup g : r.groups()) {
            String object = g.kind() == GroupKind.HOST ? "net.bridge|opennebula"
                    : g.kind() == GroupKind.NIC ? g.name() : "br0|br300|eth0[.](100|300)";
            for (int n : g.steps()) {
                PlannedStep step = r.steps().get(n - 1);
                assertEquals(n, step.number());
                assertTrue(Pattern.compile(object).matcher(String.join("\n", step.commands())).find(),
                        g.title() + ": step " + n + " " + step.commands());
            }
        }
        assertEquals(List.of(stepNumber(r, "bridge br300"), stepNumber(r, "device eth0.300")),
                group(r, "2:overlay").steps().subList(0, 2));
    }

    @Test
    void aNicThatLeftKeepsAGroupByItsTapAndTheDevicesOfItsNetworkAreNoLongerNeeded() {
        Map<String, Device> devices = new LinkedHashMap<>(desired(ALL).devices());
        devices.remove("one-5-1");
        HostState actual = withDevices(desired(ALL), devices);
        PlanReport r = report(actual, owners(List.of(PRIVATE), WEB0, DB0));
        assertEquals(List.of("host kvm1 — host-wide", "NIC one-5-1 — no longer on this host", "no longer needed"),
                r.groups().stream().map(PlanGroup::title).toList());
        assertEquals(List.of("rewrite iptables chain opennebula", "rewrite ip6tables chain opennebula"),
                group(r, "kvm1").lines());
        assertEquals(List.of("unhook iptables chain one-5-1-o from INPUT", "remove iptables chain one-5-1-i",
                "remove iptables chain one-5-1-o", "unhook ip6tables chain one-5-1-o from INPUT",
                "remove ip6tables chain one-5-1-i", "remove ip6tables chain one-5-1-o",
                "remove ipset one-5-1-ip-spoofing", "remove ipset one-5-1-ip6-spoofing"),
                group(r, "one-5-1").lines());
        assertEquals(GroupKind.NIC, group(r, "one-5-1").kind());
        assertEquals(List.of("remove VXLAN device eth0.300 (VNI 300, group 239.0.1.44, port 4789, ttl 16 on eth0)",
                "remove bridge br300"), group(r, "").lines());
        assertEquals(GroupKind.NO_LONGER_NEEDED, group(r, "").kind());
    }

    @Test
    void aRewriteOfOneNicsChainsIsGroupedOnlyUnderThatNic() {
        GroupRules ssh = new GroupRules(100, List.of(SecurityRule.parse(Map.of("PROTOCOL", "TCP", "RULE_TYPE",
                "INBOUND", "RANGE", "22"))));
        HostOwners sshOnWeb = owners(List.of(PRIVATE, OVERLAY), nic(5, 0, PRIVATE, "02:00:0a:00:00:05", ssh), WEB1,
                DB0);
        PlanReport r = report(desired(ALL), sshOnWeb);
        assertEquals(1, r.groups().size(), r.groups().toString());
        PlanGroup web = r.groups().get(0);
        assertEquals("NIC one-5-0 — VM 5:web on network 1:private", web.title());
        assertTrue(web.lines().contains("rewrite iptables chain one-5-0-i"), web.lines().toString());
        assertTrue(web.lines().stream().allMatch(l -> l.contains("one-5-0-")), web.lines().toString());
        assertEquals(r.steps().stream().map(PlannedStep::number).toList(), web.steps());
    }

    @Test
    void kernelSettingsAloneAreTheHostsGroup() {
        HostState actual = desired(ALL);
        HostState off = new HostState(actual.devices(), Map.of(DesiredStateCompiler.NF_CALL_IPTABLES, "0",
                DesiredStateCompiler.NF_CALL_IP6TABLES, "1"), actual.iptables(), actual.ip6tables(),
                actual.ebtables(), actual.ipsets(), actual.qos());
        PlanReport r = report(off, ALL);
        assertEquals(List.of(new PlanGroup(GroupKind.HOST, "kvm1", "host kvm1 — host-wide",
                List.of("set kernel setting net.bridge.bridge-nf-call-iptables to 1 (was 0)"), List.of(1))),
                r.groups());
    }

    @Test
    void aHostInSyncHasNoGroups() {
        PlanReport r = report(desired(ALL), ALL);
        assertEquals(PlanStatus.IN_SYNC, r.status());
        assertEquals(List.of(), r.groups());
        assertEquals(List.of(), r.steps());
    }

    static HostState withDevices(HostState s, Map<String, Device> devices) {
        return new HostState(devices, s.sysctls(), s.iptables(), s.ip6tables(), s.ebtables(), s.ipsets(), s.qos());
    }
}
