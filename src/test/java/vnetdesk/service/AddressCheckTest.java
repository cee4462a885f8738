package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.QueryService.AddressCheck;
import vnetdesk.service.QueryService.AddressCheck.Free;
import vnetdesk.service.QueryService.AddressCheck.Invalid;
import vnetdesk.service.QueryService.AddressCheck.Outside;
import vnetdesk.service.QueryService.AddressCheck.Range;
import vnetdesk.service.QueryService.AddressCheck.Used;
import vnetdesk.service.QueryService.AddressCheck.UsedAddress;

/** The Hold dialog's live check: every typed token of one request answered by one service query. */
class AddressCheckTest extends ServiceTestSupport {

    @TempDir
    Path dir;
    Inventory inv;

    @BeforeEach
    void setUp() {
        inv = open(dir);
        create(inv, """
                NAME = net
                VN_MAD = fw
                AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 100 ]
                AR = [ TYPE = IP4, IP = 10.0.0.101, SIZE = 3000 ]
                AR = [ TYPE = ETHER, SIZE = 3, MAC = 02:00:aa:00:00:00 ]
                """);
        create(inv, "NAME = other\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 192.168.9.1, SIZE = 10 ]\n");
        inv.leases().allocate(ADMIN, ObjectRef.name("net"), new LeaseOwner.VmNic(7, 0), Optional.of("10.0.0.5"), Optional.empty());
        hold(inv, "net", "10.0.0.8");
    }

    @AfterEach
    void tearDown() {
        inv.close();
    }

    private List<AddressCheck> check(String... tokens) {
        return inv.queries().checkAddresses(ADMIN, ObjectRef.name("net"), List.of(tokens));
    }

    @Test
    void answersEveryTokenOfOneRequestInTheOrderGiven() {
        List<AddressCheck> checks = check("10.0.0.2", "10.0.0.5", "192.168.9.1", "10.0.0.999", "10.0.0.4-10.0.0.9",
                "10.0.0.10-10.0.0.12", "02:00:aa:00:00:01");
        assertEquals(new Free("10.0.0.2", 0), checks.get(0));
        assertEquals(new Used("10.0.0.5", "VM:7 NIC:0"), checks.get(1));
        assertEquals(new Outside("192.168.9.1", "192.168.9.1"), checks.get(2));
        Invalid invalid = assertInstanceOf(Invalid.class, checks.get(3));
        assertTrue(invalid.reason().contains("\"10.0.0.999\""), invalid.reason());
        assertEquals(new Range("10.0.0.4-10.0.0.9", 6, 2, Optional.of(new UsedAddress("10.0.0.5", "VM:7 NIC:0"))),
                checks.get(4));
        assertEquals(new Range("10.0.0.10-10.0.0.12", 3, 0, Optional.empty()), checks.get(5));
        assertEquals(new Free("02:00:aa:00:00:01", 2), checks.get(6));
    }

    @Test
    void aLongRangeIsCountedWholeFromTheLeaseIndex() {
        inv.leases().allocate(ADMIN, ObjectRef.name("net"), new LeaseOwner.VmNic(8, 0), Optional.of("10.0.4.0"), Optional.empty());
        hold(inv, "net", "10.0.8.0-10.0.8.9");
        Range range = assertInstanceOf(Range.class, check("10.0.0.101-10.0.12.28").get(0));
        assertEquals(3000, range.count());
        assertEquals(11, range.used());
        assertEquals(Optional.of(new UsedAddress("10.0.4.0", "VM:8 NIC:0")), range.lowestUsed());
    }

    @Test
    void aRangeIsReadAsTheHoldWouldReadIt() {
        assertEquals(new Outside("10.0.12.20-10.0.12.29", "10.0.12.29"), check("10.0.12.20-10.0.12.29").get(0));
        assertEquals(new Outside("192.168.9.1-192.168.9.3", "192.168.9.1"), check("192.168.9.1-192.168.9.3").get(0));
        Invalid twoArs = assertInstanceOf(Invalid.class, check("10.0.0.99-10.0.0.102").get(0));
        assertTrue(twoArs.reason().contains("different address ranges"), twoArs.reason());
        Invalid reversed = assertInstanceOf(Invalid.class, check("10.0.0.9-10.0.0.4").get(0));
        assertTrue(reversed.reason().contains("the last address comes before the first"), reversed.reason());
        Invalid mixed = assertInstanceOf(Invalid.class, check("10.0.0.4-02:00:aa:00:00:01").get(0));
        assertTrue(mixed.reason().contains("same kind of address"), mixed.reason());
    }
}
