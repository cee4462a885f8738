package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.lab.LabPrerequisites;
import vnetdesk.lab.LabProcess;
import vnetdesk.lab.LabVm;
import vnetdesk.model.vm.HostApplyOutcome;

/**
 * A vxlan network across two lab hosts joined by a veth underlay: one engine
 * apply to both hosts makes on each the VXLAN device of the spec (VNI 300,
 * group 239.0.1.44, dstport 4789, ttl 16, MTU 1450) in a marked bridge, and
 * two VMs, one on each host, talk through it under their security group.
 * When the only VM of one host ends, that host loses the device and the
 * bridge while the other host keeps them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VxlanLabTest {

    static final String DEVICE = "ul0.300";
    static final String BRIDGE = "vdvx300";

    @TempDir
    static Path dir;
    EngineLab lab;
    LabVm left;
    LabVm right;

    @BeforeAll
    void start() {
        LabPrerequisites.assumeLab();
        lab = EngineLab.start(dir, 2);
        lab.lab.underlay(lab.host(0), lab.host(1), "192.168.250.0/24");
        int web = lab.group("NAME = web\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n"
                + "RULE = [ PROTOCOL = ICMP, RULE_TYPE = inbound, ICMP_TYPE = 8 ]\n"
                + "RULE = [ PROTOCOL = ALL, RULE_TYPE = outbound ]\n");
        lab.network("NAME = overlay\nVN_MAD = vxlan\nPHYDEV = ul0\nVLAN_ID = 300\nBRIDGE = " + BRIDGE + "\n"
                + "SECURITY_GROUPS = " + web + "\nAR = [ TYPE = IP4, IP = 10.30.0.1, SIZE = 10 ]\n");
        left = lab.vm("left", "NETWORK = overlay", 0);
        right = lab.vm("right", "NETWORK = overlay", 1);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void oneApplyToBothHostsRunsThemTogetherAndVmsOnEachTalkOverVxlanUnderTheirGroup() {
        List<HostEngine.HostApply> results = lab.apply(0, 1);
        for (HostEngine.HostApply r : results) {
            assertEquals(HostApplyOutcome.Result.APPLIED, r.outcome().result(), r.outcome().message());
        }
        HostApplyOutcome a = results.get(0).outcome();
        HostApplyOutcome b = results.get(1).outcome();
        assertTrue(a.started().isBefore(b.finished()) && b.started().isBefore(a.finished()),
                "the two hosts' applies overlap in time (the pool runs them in parallel): " + a + " / " + b);

        assertEquals(3, left.ping(right.ip(false), 3, 5), "ICMP echo crosses the VXLAN");
        try (LabProcess ssh = right.tcpServe(22); LabProcess telnet = right.tcpServe(23)) {
            assertTrue(left.tcpConnect(right.ip(false), 22, 5), "TCP 22 is allowed by the group");
            assertFalse(left.tcpConnect(right.ip(false), 23, 3), "TCP 23 is dropped");
        }
    }

    @Test
    @Order(2)
    void eachHostHasTheVxlanDeviceOfTheSpecInsideAMarkedBridge() {
        for (int host = 0; host < 2; host++) {
            String device = lab.link(host, DEVICE).orElseThrow(() -> new AssertionError(DEVICE + " is missing"));
            for (String expected : List.of(" mtu 1450 ", " master " + BRIDGE + " ", "vxlan id 300 ",
                    " group 239.0.1.44 ", " dev ul0 ", " dstport 4789 ", " ttl 16 ", "alias vnetdesk")) {
                assertTrue(device.contains(expected), "host " + host + " " + DEVICE + " has '" + expected + "': "
                        + device);
            }
            String bridge = lab.link(host, BRIDGE).orElseThrow(() -> new AssertionError(BRIDGE + " is missing"));
            assertTrue(bridge.contains(" bridge ") && bridge.contains("alias vnetdesk"),
                    "host " + host + " bridge carries the marker: " + bridge);
        }
    }

    @Test
    @Order(3)
    void whenTheOnlyVmOfAHostEndsThatHostLosesTheVxlanDeviceAndBridgeAndTheOtherKeepsThem() {
        lab.terminate(right);
        List<HostEngine.HostApply> results = lab.apply(0, 1);
        assertEquals(HostApplyOutcome.Result.NOTHING_TO_DO, results.get(0).outcome().result(),
                results.get(0).outcome().message());
        assertEquals(HostApplyOutcome.Result.APPLIED, results.get(1).outcome().result(),
                results.get(1).outcome().message());
        String removed = results.get(1).report().orElseThrow().plan().commandText();
        assertTrue(removed.contains("ip link del dev " + DEVICE) && removed.contains("ip link del dev " + BRIDGE),
                removed);

        assertTrue(lab.link(1, DEVICE).isEmpty(), "host 1 has no VXLAN device any more");
        assertTrue(lab.link(1, BRIDGE).isEmpty(), "host 1 has no bridge any more");
        assertTrue(lab.link(1, "ul0").isPresent(), "the underlay itself is the host's, and stays");
        assertTrue(lab.link(0, DEVICE).orElseThrow().contains("vxlan id 300 "), "host 0 keeps its VXLAN device");
        assertTrue(lab.link(0, left.tap()).orElseThrow().contains(" master " + BRIDGE + " "),
                "host 0 keeps its bridge with the VM's tap in it");
        assertTrue(lab.plan(0).plan().orElseThrow().isEmpty() && lab.plan(1).plan().orElseThrow().isEmpty(),
                "both hosts are now as the inventory says");
    }
}
