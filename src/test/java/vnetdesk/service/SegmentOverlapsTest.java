package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;

/**
 * Overlapping address ranges matter only on one L2 segment: the same bridge
 * in a common cluster, the same 802.1Q device, the same VNI. Separate
 * segments may reuse addresses; a reservation is carved from its parent.
 */
class SegmentOverlapsTest {

    static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    Path dir;
    Inventory inv;

    @BeforeEach
    void open() {
        inv = Inventory.openDirectory(dir);
    }

    @AfterEach
    void close() {
        inv.close();
    }

    private int net(String template) {
        return inv.networks().create(ADMIN, TemplateParser.parse(template, "net"));
    }

    private List<String> overlaps(String network) {
        return inv.queries().overlaps(ADMIN, ObjectRef.name(network)).stream()
                .map(SegmentOverlaps.Overlap::message).toList();
    }

    @Test
    void twoNetworksOnOneBridgeWithOverlappingRangesAreReportedOnBoth() {
        int a = net("NAME = a\nVN_MAD = bridge\nBRIDGE = br0\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 50 ]\n");
        int b = net("NAME = b\nVN_MAD = fw\nBRIDGE = br0\nAR = [ TYPE = IP4, IP = 10.0.0.40, SIZE = 20 ]\n");
        net("NAME = elsewhere\nVN_MAD = bridge\nBRIDGE = br1\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 50 ]\n");
        assertEquals(List.of("shares bridge br0 with network " + b + ":b, and both may lease 10.0.0.40–10.0.0.50:"
                + " one address could be given twice on that segment"), overlaps("a"));
        assertEquals(List.of("shares bridge br0 with network " + a + ":a, and both may lease 10.0.0.40–10.0.0.50:"
                + " one address could be given twice on that segment"), overlaps("b"));
        assertEquals(List.of(), overlaps("elsewhere"), "another bridge is another segment: reuse is normal");
    }

    @Test
    void theSameBridgeNameInClustersWithNoHostInCommonIsNotOneSegment() {
        int edge = inv.clusters().create(ADMIN, "edge");
        net("NAME = a\nVN_MAD = bridge\nBRIDGE = br0\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        net("NAME = b\nVN_MAD = bridge\nBRIDGE = br0\nCLUSTER_IDS = \"" + edge + "\"\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        assertEquals(List.of(), overlaps("a"));
    }

    @Test
    void vlansOnOneDeviceAndVxlansWithOneVniAreOneSegmentWhateverTheirBridges() {
        net("NAME = v1\nVN_MAD = 802.1Q\nPHYDEV = eth0\nVLAN_ID = 50\nBRIDGE = brv1\n"
                + "AR = [ TYPE = IP4, IP = 10.5.0.1, SIZE = 10 ]\n");
        net("NAME = v2\nVN_MAD = 802.1Q\nPHYDEV = eth0\nVLAN_ID = 50\nBRIDGE = brv2\n"
                + "AR = [ TYPE = IP4, IP = 10.5.0.10, SIZE = 10 ]\n");
        net("NAME = x1\nVN_MAD = vxlan\nPHYDEV = eth1\nVLAN_ID = 300\nBRIDGE = brx1\n"
                + "AR = [ TYPE = IP6_STATIC, IP6 = 2001:db8::1, PREFIX_LENGTH = 64, SIZE = 16 ]\n");
        net("NAME = x2\nVN_MAD = vxlan\nPHYDEV = eth2\nVLAN_ID = 300\nBRIDGE = brx2\n"
                + "AR = [ TYPE = IP6_STATIC, IP6 = 2001:db8::10, PREFIX_LENGTH = 64, SIZE = 16 ]\n");
        assertEquals(1, overlaps("v1").size());
        assertEquals(true, overlaps("v1").get(0).startsWith("shares 802.1Q device eth0.50 with network"));
        assertEquals(true, overlaps("v1").get(0).contains("both may lease 10.5.0.10:"), overlaps("v1").get(0));
        assertEquals(1, overlaps("x1").size());
        assertEquals(true, overlaps("x1").get(0).contains("shares VXLAN VNI 300")
                && overlaps("x1").get(0).contains("2001:db8::10"), overlaps("x1").get(0));
    }

    @Test
    void aReservationIsCarvedFromItsParentAndDoesNotCount() {
        net("NAME = lan\nVN_MAD = bridge\nBRIDGE = br0\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 50 ]\n");
        inv.reservations().reserve(ADMIN, ObjectRef.name("lan"), new ReservationService.Request(5,
                Optional.of("printers"), Optional.empty(), Optional.empty(), Optional.of("10.0.0.20")));
        assertEquals(List.of(), overlaps("lan"));
        assertEquals(List.of(), overlaps("printers"));
    }

    @Test
    void ethernetRangesWithTheSameMacsOnOneBridgeAreReportedByMac() {
        net("NAME = e1\nVN_MAD = bridge\nBRIDGE = br0\nAR = [ TYPE = ETHER, MAC = 02:00:aa:00:00:01, SIZE = 8 ]\n");
        net("NAME = e2\nVN_MAD = bridge\nBRIDGE = br0\nAR = [ TYPE = ETHER, MAC = 02:00:aa:00:00:08, SIZE = 8 ]\n");
        assertEquals(true, overlaps("e1").get(0).contains("both may lease MAC 02:00:aa:00:00:08:"), overlaps("e1")
                .toString());
    }
}
