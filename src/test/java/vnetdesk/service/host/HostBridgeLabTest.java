package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.host.plan.Plan;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.lab.LabVm;
import vnetdesk.model.vm.HostApplyOutcome;

/**
 * A host's own bridge is never the console's: a fw network whose BRIDGE is
 * a bridge the host already has (no marker, with an uplink port of its own)
 * gets its VMs' taps enslaved and filtered (its MTU stays the host's, not
 * the network's), and when the last NIC leaves the
 * firewall goes but the bridge and its port stay as they were. A device of
 * another kind under the bridge's name blocks the plan and is left alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostBridgeLabTest {

    static final String OWN_BRIDGE = "hostbr0";
    static final String OWN_PORT = "uplink0";
    static final String NOT_A_BRIDGE = "hostbr1";

    @TempDir
    static Path dir;
    EngineLab lab;
    LabVm first;
    LabVm second;

    @BeforeAll
    void start() {
        LabPrerequisites.assumeLab();
        lab = EngineLab.start(dir, 2);
        LabHost own = lab.host(0);
        own.run("ip", "link", "add", OWN_BRIDGE, "type", "bridge").orThrow();
        own.run("ip", "link", "add", OWN_PORT, "type", "veth", "peer", "name", "uplink1").orThrow();
        own.run("ip", "link", "set", "dev", OWN_PORT, "master", OWN_BRIDGE).orThrow();
        for (String device : new String[] {OWN_BRIDGE, OWN_PORT, "uplink1"}) {
            own.run("ip", "link", "set", "dev", device, "up").orThrow();
        }
        lab.host(1).run("ip", "link", "add", NOT_A_BRIDGE, "type", "veth", "peer", "name", "hostbr1p").orThrow();

        int web = lab.group("NAME = web\nRULE = [ PROTOCOL = ICMP, RULE_TYPE = inbound ]\n"
                + "RULE = [ PROTOCOL = ALL, RULE_TYPE = outbound ]\n");
        lab.network("NAME = uplink\nVN_MAD = fw\nBRIDGE = " + OWN_BRIDGE + "\nMTU = 1400\n"
                + "SECURITY_GROUPS = " + web + "\n"
                + "AR = [ TYPE = IP4, IP = 10.60.0.1, SIZE = 10 ]\n");
        lab.network("NAME = odd\nVN_MAD = bridge\nBRIDGE = " + NOT_A_BRIDGE + "\n"
                + "AR = [ TYPE = IP4, IP = 10.61.0.1, SIZE = 10 ]\n");
        first = lab.vm("first", "NETWORK = uplink", 0);
        second = lab.vm("second", "NETWORK = uplink", 0);
        lab.vm("third", "NETWORK = odd", 1);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    String ownBridge() {
        return lab.link(0, OWN_BRIDGE).orElseThrow(() -> new AssertionError("the host's bridge is gone"));
    }

    @Test
    @Order(1)
    void tapsAreEnslavedToTheHostsOwnBridgeWithoutMarkingIt() {
        HostApplyOutcome outcome = lab.apply(0).get(0).outcome();
        assertEquals(HostApplyOutcome.Result.APPLIED, outcome.result(), outcome.message());
        for (LabVm vm : new LabVm[] {first, second}) {
            assertTrue(lab.link(0, vm.tap()).orElseThrow().contains(" master " + OWN_BRIDGE + " "), vm.toString());
        }
        assertFalse(ownBridge().contains("alias"), "the host's bridge gets no marker: " + ownBridge());
        assertTrue(ownBridge().contains(" mtu 1500 "), "nor the network's MTU 1400: " + ownBridge());
        assertEquals(3, first.ping(second.ip(false), 3, 5), "the two VMs talk through the host's bridge");
    }

    @Test
    @Order(2)
    void whenTheLastNicLeavesTheFirewallGoesButTheHostsBridgeAndItsPortStay() {
        lab.terminate(first);
        lab.terminate(second);
        Plan plan = lab.plan(0).plan().orElseThrow();
        assertFalse(plan.isEmpty(), "the NICs' chains must go");
        assertFalse(plan.commandText().contains(OWN_BRIDGE), plan.commandText());

        HostApplyOutcome outcome = lab.apply(0).get(0).outcome();
        assertEquals(HostApplyOutcome.Result.APPLIED, outcome.result(), outcome.message());
        assertTrue(ownBridge().contains(" bridge "), ownBridge());
        assertTrue(lab.link(0, OWN_PORT).orElseThrow().contains(" master " + OWN_BRIDGE + " "),
                "the host's own port is still in its bridge");
        assertFalse(lab.host(0).run("iptables-save").orThrow().out().contains("one-"), "no NIC chain is left");
        assertTrue(lab.plan(0).plan().orElseThrow().isEmpty(), "the host is now as the inventory says");
    }

    @Test
    @Order(3)
    void aDeviceOfAnotherKindUnderTheBridgesNameBlocksThePlanAndIsLeftAlone() {
        Plan plan = lab.plan(1).plan().orElseThrow();
        assertTrue(plan.isBlocked(), plan.readableLines().toString());
        assertTrue(plan.blockers().stream().anyMatch(b -> b.contains(NOT_A_BRIDGE) && b.contains("is not bridge")
                && b.contains("not created by vnetdesk")), plan.blockers().toString());

        HostApplyOutcome outcome = lab.apply(1).get(0).outcome();
        assertEquals(HostApplyOutcome.Result.BLOCKED, outcome.result(), outcome.message());
        assertTrue(outcome.message().contains(NOT_A_BRIDGE), outcome.message());
        String device = lab.link(1, NOT_A_BRIDGE).orElseThrow();
        assertTrue(device.contains("veth") && !device.contains("alias"), "still the host's veth: " + device);
    }
}
