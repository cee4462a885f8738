package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.host.plan.Plan;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.lab.LabVm;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.service.host.DesiredReport.NetworkNeeds;
import vnetdesk.service.host.DesiredReport.NicChains;
import vnetdesk.service.vm.NicRequest;

/**
 * A host carrying VMs on a managed fw network and on an Open vSwitch network
 * (driver ovswitch, not managed on hosts): the plan names the ovswitch
 * network as skipped, with its reason, in a note (not a blocker); the apply
 * makes the fw network's bridge and firewall and nothing of the ovswitch
 * one — no bridge, the VM's tap left alone, no chains — and a later drift
 * check finds the host in sync. What the ovswitch VM's driver makes on its
 * tap (htb shaping, its own chains, jumps and ipsets, as OpenNebula's
 * drivers do) is neither planned, nor drift, nor removed by an apply; a
 * NIC attached to or detached from the ovswitch network applies nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnmanagedNetworkLabTest {

    @TempDir
    static Path dir;
    EngineLab lab;
    LabVm web;
    LabVm switched;
    int ovsId;

    @BeforeAll
    void start() {
        LabPrerequisites.assumeLab();
        lab = EngineLab.start(dir, 1);
        lab.network("NAME = lan\nVN_MAD = fw\nBRIDGE = vdbr0\nFILTER_IP_SPOOFING = YES\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        ovsId = lab.network("NAME = ovs-lan\nVN_MAD = ovswitch\nBRIDGE = vdovs0\nVLAN_ID = 30\n"
                + "BRIDGE_TYPE = openvswitch_dpdk\nFILTER_IP_SPOOFING = YES\nINBOUND_AVG_BW = 1000\n"
                + "AR = [ TYPE = IP4, IP = 10.7.0.1, SIZE = 10 ]\n");
        web = lab.vm("web", "NETWORK = lan", 0);
        switched = lab.vm("switched", "NETWORK = ovs-lan", 0);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void theOvswitchNetworkIsSkippedWithItsReasonAndNeverTouchedOrDrifting() {
        ObjectRef kvm0 = ObjectRef.name("kvm0");
        Plan plan = lab.plan(0).plan().orElseThrow();
        assertFalse(plan.isBlocked(), plan.blockers().toString());
        String note = "network " + ovsId + ":ovs-lan skipped: driver ovswitch is not managed on hosts; vnetdesk"
                + " configures no bridge, device, firewall or QoS for it (NIC " + switched.tap()
                + " gets no firewall from vnetdesk)";
        assertEquals(List.of(note), plan.notes().stream().filter(n -> n.contains("skipped")).toList());
        assertTrue(plan.steps().stream().noneMatch(s -> (s.subject() + s.description()).contains("vdovs0")
                || (s.subject() + s.description()).contains(switched.tap())), plan.readableLines().toString());
        assertTrue(plan.steps().stream().anyMatch(s -> (s.subject() + s.description()).contains("vdbr0")),
                "the managed network is planned: " + plan.readableLines());

        assertEquals(HostApplyOutcome.Result.APPLIED, lab.apply(0).get(0).outcome().result());
        assertTrue(lab.link(0, "vdbr0").isPresent(), "the fw network's bridge is made");
        assertTrue(lab.link(0, web.tap()).orElseThrow().contains("master vdbr0"));
        assertEquals(Optional.empty(), lab.link(0, "vdovs0"), "no bridge for the ovswitch network");
        assertFalse(lab.link(0, switched.tap()).orElseThrow().contains("master"), "its VM's tap is left alone");
        String iptables = lab.host(0).run("iptables-save").out();
        assertTrue(iptables.contains(web.tap()), "the fw NIC is filtered");
        assertFalse(iptables.contains(switched.tap()), "no firewall for the ovswitch NIC: " + iptables);
        assertFalse(lab.host(0).run("tc", "qdisc", "show", "dev", switched.tap()).out().contains("ingress"),
                "no QoS for the ovswitch NIC");

        Plan again = lab.plan(0).plan().orElseThrow();
        assertTrue(again.isEmpty(), again.readableLines().toString());
        assertTrue(again.notes().contains(note));
        assertEquals(HostReports.PlanStatus.IN_SYNC,
                lab.inv.hostStatuses().status(EngineLab.ADMIN, kvm0).drift().orElseThrow().status());

        DesiredReport desired = lab.inv.hostPlans().desiredReport(EngineLab.ADMIN, kvm0);
        NetworkNeeds ovs = desired.networks().stream().filter(n -> n.networkId() == ovsId).findFirst().orElseThrow();
        assertEquals(Optional.of("driver ovswitch is not managed on hosts"), ovs.skipped());
        assertEquals(List.of(), ovs.devices());
        NicChains nic = desired.nics().stream().filter(c -> c.tap().equals(switched.tap())).findFirst().orElseThrow();
        assertEquals("", nic.exactText());
        assertTrue(nic.readable().get(0).startsWith("no firewall and no QoS from vnetdesk: driver ovswitch is not"
                + " managed on hosts"), nic.readable().toString());
    }

    @Test
    @Order(2)
    void whatTheDriverMadeOnTheOvswitchTapIsNeitherPlannedNorDriftingNorRemoved() {
        ObjectRef kvm0 = ObjectRef.name("kvm0");
        assertTrue(lab.apply(0).get(0).outcome().result().success(), "the managed network is applied first");
        String tap = switched.tap();
        // libvirt's shaping for INBOUND_AVG_BW (less its sfq leaf and fw filter: modules a lab kernel may lack),
        // then the driver's firewall
        lab.host(0).sh("tc qdisc add dev " + tap + " root handle 1: htb default 1"
                + " && tc class add dev " + tap + " parent 1: classid 1:1 htb rate 8000kbit ceil 8000kbit burst 1600b"
                + " quantum 1514"
                + " && ipset create " + tap + "-ip-spoofing hash:ip family inet"
                + " && ipset add " + tap + "-ip-spoofing 10.7.0.1"
                + " && iptables -N " + tap + "-i"
                + " && iptables -A " + tap + "-i -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN"
                + " && iptables -A " + tap + "-i -j DROP"
                + " && iptables -N " + tap + "-o"
                + " && iptables -A " + tap + "-o -m set ! --match-set " + tap + "-ip-spoofing src -j DROP"
                + " && iptables -I opennebula 1 -m physdev --physdev-out " + tap + " --physdev-is-bridged -j " + tap
                + "-i && iptables -I opennebula 1 -m physdev --physdev-in " + tap + " --physdev-is-bridged -j " + tap
                + "-o && iptables -I INPUT 1 -m physdev --physdev-in " + tap + " -j " + tap + "-o").orThrow();
        String driverMade = driverState(tap);

        Plan plan = lab.plan(0).plan().orElseThrow();
        assertTrue(plan.isEmpty(), plan.readableLines().toString());
        assertEquals(HostReports.PlanStatus.IN_SYNC,
                lab.inv.hostStatuses().status(EngineLab.ADMIN, kvm0).drift().orElseThrow().status());

        // a second managed NIC makes the apply rewrite the global chain: the driver's jumps stay in it
        LabVm more = lab.vm("more", "NETWORK = lan", 0);
        assertEquals(HostApplyOutcome.Result.APPLIED, lab.apply(0).get(0).outcome().result());
        assertTrue(lab.host(0).run("iptables-save").out().contains("-j " + more.tap() + "-i"), "the new NIC is filtered");
        assertEquals(driverMade, driverState(tap), "what the driver made is all still there");
        Plan after = lab.plan(0).plan().orElseThrow();
        assertTrue(after.isEmpty(), after.readableLines().toString());
    }

    /** The tap's qdiscs and classes, its ipset, and every iptables line naming it. */
    private String driverState(String tap) {
        String state = lab.host(0).sh("tc qdisc show dev " + tap + "; tc class show dev " + tap + "; ipset list "
                + tap + "-ip-spoofing; iptables-save | grep -F -- '" + tap + "' | grep -v '^#'").out();
        assertTrue(state.contains("htb") && state.contains("10.7.0.1") && state.contains("-j " + tap + "-i")
                && state.contains(":" + tap + "-o"), state);
        return state;
    }

    @Test
    @Order(3)
    void aNicAttachedToOrDetachedFromTheOvswitchNetworkChangesNothingOnTheHost() {
        LiveChanges live = new LiveChanges(lab.engine, lab.inv.vms(), lab.inv.hosts(), lab.inv.securityGroups());
        String before = hostConfiguration();
        LiveChanges.NicChange attached = live.attachNic(EngineLab.ADMIN, ObjectRef.id(switched.vmId()),
                NicRequest.on(ObjectRef.name("ovs-lan")));
        assertFalse(attached.rolledBack(), attached.message());
        assertEquals(Optional.empty(), attached.host(), "no host is applied: " + attached.message());
        assertTrue(attached.message().contains("not managed on hosts"), attached.message());
        assertEquals(before, hostConfiguration(), "nothing added for the NIC");

        // its driver filters the new tap; the detach leaves that to the driver, which cleans it up itself
        String tap = "one-" + switched.vmId() + "-" + attached.nicIndex();
        lab.host(0).sh("iptables -N " + tap + "-i && iptables -A " + tap + "-i -j DROP && iptables -I opennebula 1"
                + " -m physdev --physdev-out " + tap + " --physdev-is-bridged -j " + tap + "-i").orThrow();
        String driverMade = hostConfiguration();
        LiveChanges.NicChange detached = live.detachNic(EngineLab.ADMIN, ObjectRef.id(switched.vmId()),
                attached.nicIndex());
        assertEquals(Optional.empty(), detached.host(), "no host is applied: " + detached.message());
        assertEquals(driverMade, hostConfiguration(), "nothing removed for the NIC");
    }

    /** The host's filter tables and ipsets (without counters) and its qdiscs. */
    private String hostConfiguration() {
        return lab.host(0).sh("iptables-save -t filter | grep -v '^[#:]'; ipset save; tc qdisc show").out();
    }
}
