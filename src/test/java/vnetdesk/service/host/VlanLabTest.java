package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.host.plan.Plan;
import vnetdesk.lab.Lab;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.lab.LabVm;
import vnetdesk.model.vm.HostApplyOutcome;

/**
 * An 802.1Q network (PHYDEV ul0, VLAN 50) on two lab hosts joined by a veth
 * underlay. A kernel without the 8021q module (this machine's) gets a dry
 * run that shows the exact commands but is blocked naming the module, and an
 * apply that changes nothing; a kernel with it carries real traffic between
 * a VM on each host over the tagged underlay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VlanLabTest {

    static final String DEVICE = "ul0.50";
    static final String BRIDGE = "vdvl50";

    @TempDir
    static Path dir;
    EngineLab lab;
    LabVm left;
    LabVm right;

    @BeforeAll
    void start() {
        LabPrerequisites.assumeLab();
        lab = EngineLab.start(dir, 2);
        lab.lab.underlay(lab.host(0), lab.host(1), "192.168.251.0/24");
        lab.network("NAME = tagged\nVN_MAD = 802.1Q\nPHYDEV = ul0\nVLAN_ID = 50\nMTU = 1500\nBRIDGE = " + BRIDGE
                + "\nAR = [ TYPE = IP4, IP = 10.50.0.1, SIZE = 10 ]\n");
        left = lab.vm("left", "NETWORK = tagged", 0);
        right = lab.vm("right", "NETWORK = tagged", 1);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void onAKernelWithout8021qTheDryRunShowsTheCommandsButIsBlockedNamingTheModuleAndApplyChangesNothing() {
        EngineLab.skipUnless(!Lab.supports8021q(), "lab: this kernel has 8021q, so an 802.1Q plan is not blocked");
        Plan plan = lab.plan(0).plan().orElseThrow();
        assertTrue(plan.isBlocked(), plan.readableLines().toString());
        assertEquals(1, plan.blockers().size(), plan.blockers().toString());
        String blocker = plan.blockers().get(0);
        assertTrue(blocker.contains("network") && blocker.contains("tagged") && blocker.contains("802.1Q")
                && blocker.contains("8021q"), blocker);
        assertTrue(plan.commandText().contains("ip link add link ul0 name " + DEVICE + " mtu 1500 type vlan id 50"),
                plan.commandText());

        HostApplyOutcome outcome = lab.apply(0).get(0).outcome();
        assertEquals(HostApplyOutcome.Result.BLOCKED, outcome.result(), outcome.message());
        assertTrue(outcome.message().contains("8021q"), outcome.message());
        assertTrue(lab.link(0, DEVICE).isEmpty() && lab.link(0, BRIDGE).isEmpty(), "nothing was made");
    }

    @Test
    void onAKernelWith8021qVmsOnTwoHostsTalkOverTheTaggedUnderlay() {
        LabPrerequisites.assume8021q();
        for (HostEngine.HostApply r : lab.apply(0, 1)) {
            assertEquals(HostApplyOutcome.Result.APPLIED, r.outcome().result(), r.outcome().message());
        }
        for (int host = 0; host < 2; host++) {
            String device = lab.link(host, DEVICE).orElseThrow(() -> new AssertionError(DEVICE + " is missing"));
            for (String expected : List.of("vlan protocol 802.1Q id 50 ", " master " + BRIDGE + " ",
                    "alias vnetdesk")) {
                assertTrue(device.contains(expected), "host " + host + " " + DEVICE + " has '" + expected + "': "
                        + device);
            }
        }
        assertEquals(3, left.ping(right.ip(false), 3, 5), "ICMP echo crosses the tagged underlay");
    }
}
