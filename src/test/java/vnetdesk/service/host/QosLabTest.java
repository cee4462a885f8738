package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.host.actual.ProbeResult;
import vnetdesk.host.plan.Plan;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.lab.LabProcess;
import vnetdesk.lab.LabVm;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;

/**
 * NIC QoS measured with real transfers between lab VMs. Inbound: a NIC
 * shaped to INBOUND_AVG_BW 1000 KB/s (peak 2000 KB/s, 100 KB burst)
 * receives a 5 MB TCP stream at AVG within ±20 %, while the same pair the
 * other way round (unshaped) runs at least ten times faster. Outbound
 * policing needs tc's act_police: on a host without it (this machine) the
 * plan is blocked naming it and the apply changes nothing; the measurement
 * runs only where the probe finds it.
 *
 * <p>Tolerance: the receiver times payload bytes from the first byte to the
 * end. htb counts the frames' headers too (a few percent of the bytes at
 * most: with GSO a 64 KB frame carries them once) and lets the 100 KB
 * burst pass at line speed (+2 % of 5 MB); measured here 0.976 and 0.991 ×
 * AVG over a veth, unshaped about 1 GB/s. ±20 % leaves room for a busy
 * machine without admitting a wrong unit (×1.024, ×8) or the PEAK (×2) as
 * the sustained rate: the tap's class is a root class of its htb, which
 * never borrows up to its ceil, so a lone flow stays at AVG.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QosLabTest {

    static final long AVG_BYTES_PER_SECOND = 1000 * 1000;
    static final double TOLERANCE = 0.20;
    /** Five seconds at AVG: long enough that the burst and the TCP start are a few percent of it. */
    static final long SHAPED_BYTES = 5_000_000;
    static final int PORT = 5001;

    @TempDir
    static Path dir;
    EngineLab lab;
    LabVm shaped;
    LabVm plain;
    LabVm policed;
    LabVm policedPeer;

    @BeforeAll
    void start() {
        LabPrerequisites.assumeLab();
        lab = EngineLab.start(dir, 2);
        lab.network("NAME = lan\nVN_MAD = bridge\nBRIDGE = vdqos0\nAR = [ TYPE = IP4, IP = 10.40.0.1, SIZE = 10 ]\n");
        shaped = lab.vm("shaped", "NETWORK = lan, INBOUND_AVG_BW = 1000, INBOUND_PEAK_BW = 2000, INBOUND_PEAK_KB = 100",
                0);
        plain = lab.vm("plain", "NETWORK = lan", 0);
        lab.network("NAME = policed\nVN_MAD = bridge\nBRIDGE = vdqos1\nOUTBOUND_AVG_BW = 1000\n"
                + "AR = [ TYPE = IP4, IP = 10.41.0.1, SIZE = 10 ]\n");
        policed = lab.vm("policed", "NETWORK = policed", 1);
        policedPeer = lab.vm("policed-peer", "NETWORK = policed", 1);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    /** Bytes per second of payload that {@code to} received from {@code from} over one TCP stream. */
    static double transfer(LabVm from, LabVm to, long bytes) {
        try (LabProcess receiver = to.rateServe(PORT)) {
            from.sendBytes(to.ip(false), PORT, bytes, 60);
            String line = receiver.awaitLine(l -> l.startsWith("received "), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("the receiver reported nothing"));
            LabVm.Received received = LabVm.Received.of(line);
            assertEquals(bytes, received.bytes(), "every byte arrived");
            return received.rate();
        }
    }

    @Test
    @Order(1)
    void aNicShapedInboundReceivesAtItsAverageRateAndTheUnshapedDirectionIsFarFaster() {
        HostApplyOutcome outcome = lab.apply(0).get(0).outcome();
        assertEquals(HostApplyOutcome.Result.APPLIED, outcome.result(), outcome.message());
        String classes = lab.host(0).run("tc", "class", "show", "dev", shaped.tap()).orThrow().out();
        assertTrue(classes.contains("rate 8Mbit ceil 16Mbit"), "AVG and PEAK in tc's bits: " + classes);

        double shapedRate = transfer(plain, shaped, SHAPED_BYTES);
        System.Logger log = System.getLogger(QosLabTest.class.getName());
        log.log(System.Logger.Level.INFO, "shaped to 1000 KB/s: received " + Math.round(shapedRate) + " B/s");
        assertTrue(Math.abs(shapedRate - AVG_BYTES_PER_SECOND) <= TOLERANCE * AVG_BYTES_PER_SECOND,
                "received " + Math.round(shapedRate) + " B/s, AVG is " + AVG_BYTES_PER_SECOND + " B/s ± "
                        + Math.round(TOLERANCE * 100) + " %");

        double unshapedRate = transfer(shaped, plain, 4 * SHAPED_BYTES);
        log.log(System.Logger.Level.INFO, "unshaped: received " + Math.round(unshapedRate) + " B/s");
        assertTrue(unshapedRate > 10 * AVG_BYTES_PER_SECOND,
                "towards the unshaped NIC the same pair runs at " + Math.round(unshapedRate) + " B/s");
    }

    @Test
    @Order(2)
    void outboundQosOnAHostWithoutActPoliceBlocksThePlanAndTheApplyChangesNothing() {
        ProbeResult probe = lab.engine.probe(EngineLab.ADMIN, ObjectRef.name(EngineLab.name(1)));
        EngineLab.skipUnless(!probe.has("act_police"),
                "lab: this kernel has tc act_police, so outbound QoS is not blocked here");
        Plan plan = lab.plan(1).plan().orElseThrow();
        assertTrue(plan.isBlocked(), plan.readableLines().toString());
        assertTrue(plan.blockers().stream().anyMatch(b -> b.contains("outbound QoS") && b.contains("act_police")),
                plan.blockers().toString());

        HostApplyOutcome outcome = lab.apply(1).get(0).outcome();
        assertEquals(HostApplyOutcome.Result.BLOCKED, outcome.result(), outcome.message());
        assertTrue(outcome.message().contains("act_police"), outcome.message());
        assertTrue(lab.link(1, "vdqos1").isEmpty(), "the blocked apply made no bridge");
        assertFalse(lab.link(1, policed.tap()).orElseThrow().contains(" master "), "and enslaved no tap");
    }

    @Test
    @Order(3)
    void aNicPolicedOutboundSendsAtItsAverageRateWhereTheKernelCanPolice() {
        ProbeResult probe = lab.engine.probe(EngineLab.ADMIN, ObjectRef.name(EngineLab.name(1)));
        EngineLab.skipUnless(probe.has("act_police"),
                "lab: kernel has no tc police action (act_police), cannot measure outbound QoS");
        HostApplyOutcome outcome = lab.apply(1).get(0).outcome();
        assertEquals(HostApplyOutcome.Result.APPLIED, outcome.result(), outcome.message());
        // policing drops what exceeds the rate and TCP backs off, so goodput runs below AVG: wider below
        double rate = transfer(policed, policedPeer, SHAPED_BYTES);
        assertTrue(rate >= 0.5 * AVG_BYTES_PER_SECOND && rate <= (1 + TOLERANCE) * AVG_BYTES_PER_SECOND,
                "sent " + Math.round(rate) + " B/s through a 1000 KB/s police");
    }
}
