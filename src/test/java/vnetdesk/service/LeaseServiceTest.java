package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.ConflictException;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VnetException;

class LeaseServiceTest extends ServiceTestSupport {

    @TempDir
    Path dir;
    Inventory inv;

    @BeforeEach
    void setUp() {
        inv = open(dir);
        create(inv, """
                NAME = net
                VN_MAD = fw
                AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]
                AR = [ TYPE = IP4_6, IP = 10.0.1.1, SIZE = 4, GLOBAL_PREFIX = 2001:db8:: ]
                AR = [ TYPE = ETHER, SIZE = 3, MAC = 02:00:aa:00:00:00 ]
                """);
    }

    @AfterEach
    void tearDown() {
        inv.close();
    }

    @Test
    void holdsOneAddressAListAndARangeByIpIpv6AndMac() {
        assertEquals(1, hold(inv, "net", "10.0.0.3").size());
        assertEquals(2, hold(inv, "net", "10.0.0.5", "10.0.0.7").size());
        List<Lease> range = hold(inv, "net", "10.0.1.1-10.0.1.3");
        assertEquals(3, range.size());
        assertEquals("2001:db8::aff:fe00:102", range.get(1).addresses().ip6Global().orElseThrow().toString());
        assertEquals(1, hold(inv, "net", "2001:db8::aff:fe00:104").size());
        assertEquals(2, hold(inv, "net", "02:00:aa:00:00:01-02:00:aa:00:00:02").size());
        assertEquals(9, used(inv, "net"));
    }

    @Test
    void holdRefusesAnAddressAlreadyUsedNamingTheOwnerAndStoresNothing() {
        inv.leases().allocate(ADMIN, ObjectRef.name("net"), new LeaseOwner.VmNic(7, 1), Optional.of("10.0.0.4"),
                Optional.empty());
        ConflictException e = assertThrows(ConflictException.class, () -> hold(inv, "net", "10.0.0.2-10.0.0.6"));
        assertTrue(e.getMessage().contains("10.0.0.4 is already used by VM:7 NIC:1"), e.getMessage());
        assertEquals(1, used(inv, "net"));
        hold(inv, "net", "10.0.0.2");
        assertEquals(2, used(inv, "net"));
    }

    @Test
    void holdRefusesAnAddressOutsideTheNetwork() {
        ValidationException e = assertThrows(ValidationException.class, () -> hold(inv, "net", "10.0.0.11"));
        assertEquals("ADDRESS", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("10.0.0.11") && e.getMessage().contains("not inside network"), e.getMessage());
    }

    @Test
    void holdRestrictedToAnArRefusesAnAddressOfAnotherAr() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> inv.leases().hold(ADMIN, ObjectRef.name("net"), List.of("10.0.0.1"), Optional.of(1)));
        assertTrue(e.getMessage().contains("not inside address range 1"), e.getMessage());
    }

    @Test
    void bulkHoldIsAllOrNothingWhenOneAddressIsBad() {
        assertThrows(VnetException.class, () -> hold(inv, "net", "10.0.0.1", "10.0.0.2", "bogus"));
        assertThrows(ConflictException.class, () -> hold(inv, "net", "10.0.0.1", "10.0.0.1"));
        assertEquals(0, used(inv, "net"));
        hold(inv, "net", "10.0.0.1");
        assertEquals(1, used(inv, "net"));
    }

    @Test
    void rangeWithLastBeforeFirstIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> hold(inv, "net", "10.0.0.5-10.0.0.2"));
        assertTrue(e.getMessage().contains("comes before"), e.getMessage());
    }

    @Test
    void releaseFreesHeldAddressesOnly() {
        hold(inv, "net", "10.0.0.1-10.0.0.3");
        inv.leases().allocate(ADMIN, ObjectRef.name("net"), new LeaseOwner.VmNic(3, 0), Optional.of("10.0.0.5"),
                Optional.empty());
        ConflictException vm = assertThrows(ConflictException.class,
                () -> inv.leases().release(ADMIN, ObjectRef.name("net"), List.of("10.0.0.5"), Optional.empty()));
        assertTrue(vm.getMessage().contains("not held; it is used by VM:3 NIC:0"), vm.getMessage());
        ConflictException free = assertThrows(ConflictException.class,
                () -> inv.leases().release(ADMIN, ObjectRef.name("net"), List.of("10.0.0.1", "10.0.0.9"),
                        Optional.empty()));
        assertTrue(free.getMessage().contains("10.0.0.9 is not held"), free.getMessage());
        assertEquals(4, used(inv, "net"), "a failed release frees nothing");
        assertEquals(3, inv.leases().release(ADMIN, ObjectRef.name("net"), List.of("10.0.0.1-10.0.0.3"),
                Optional.empty()));
        assertEquals(1, used(inv, "net"));
    }

    @Test
    void automaticAllocationTakesTheLowestFreeIndexAcrossArsInIdOrder() {
        hold(inv, "net", "10.0.0.1", "10.0.0.2", "10.0.0.4");
        Lease first = inv.leases().allocate(ADMIN, ObjectRef.name("net"), new LeaseOwner.VmNic(1, 0), Optional.empty(),
                Optional.empty());
        assertEquals("10.0.0.3", first.addresses().ip().orElseThrow().toString());
        inv.leases().release(ADMIN, ObjectRef.name("net"), List.of("10.0.0.2"), Optional.empty());
        Lease second = inv.leases().allocate(ADMIN, ObjectRef.name("net"), new LeaseOwner.VmNic(2, 0),
                Optional.empty(), Optional.empty());
        assertEquals("10.0.0.2", second.addresses().ip().orElseThrow().toString());
        hold(inv, "net", "10.0.0.5-10.0.0.10");
        Lease next = inv.leases().allocate(ADMIN, ObjectRef.name("net"), new LeaseOwner.VmNic(3, 0), Optional.empty(),
                Optional.empty());
        assertEquals(1, next.arId());
        assertEquals("10.0.1.1", next.addresses().ip().orElseThrow().toString());
    }

    @Test
    void fullNetworkSaysNoFreeAddress() {
        hold(inv, "net", "10.0.0.1-10.0.0.10", "10.0.1.1-10.0.1.4", "02:00:aa:00:00:00-02:00:aa:00:00:02");
        ConflictException e = assertThrows(ConflictException.class,
                () -> inv.leases().allocate(ADMIN, ObjectRef.name("net"), new LeaseOwner.VmNic(1, 0), Optional.empty(),
                        Optional.empty()));
        assertTrue(e.getMessage().startsWith("no free address in network"), e.getMessage());
    }

    @Test
    void roundRobinContinuesAfterTheLastAllocatedAddressAndWrapsOnce() {
        create(inv, "NAME = rr\nVN_MAD = bridge\nALLOCATION = ROUND_ROBIN\nAR = [ TYPE = IP4, IP = 192.168.0.1, SIZE = 3 ]\n");
        LeaseOwner.VmNic vm = new LeaseOwner.VmNic(1, 0);
        hold(inv, "rr", "192.168.0.1");
        assertEquals("192.168.0.2", ip(inv.leases().allocate(ADMIN, ObjectRef.name("rr"), vm, Optional.empty(),
                Optional.empty())));
        inv.leases().release(ADMIN, ObjectRef.name("rr"), List.of("192.168.0.1"), Optional.empty());
        // lowest-free would hand out the just-released .1 again; round robin goes on to .3
        assertEquals("192.168.0.3", ip(inv.leases().allocate(ADMIN, ObjectRef.name("rr"), vm, Optional.empty(),
                Optional.empty())));
        assertEquals("192.168.0.1", ip(inv.leases().allocate(ADMIN, ObjectRef.name("rr"), vm, Optional.empty(),
                Optional.empty())));
        assertThrows(ConflictException.class, () -> inv.leases().allocate(ADMIN, ObjectRef.name("rr"), vm,
                Optional.empty(), Optional.empty()));
    }

    @Test
    void specificAllocationOfAUsedAddressNamesTheHolder() {
        hold(inv, "net", "10.0.0.6");
        ConflictException e = assertThrows(ConflictException.class, () -> inv.leases().allocate(ADMIN,
                ObjectRef.name("net"), new LeaseOwner.VmNic(1, 0), Optional.of("10.0.0.6"), Optional.empty()));
        assertTrue(e.getMessage().contains("10.0.0.6 is already used by a hold (HOLD)"), e.getMessage());
    }

    @Test
    void leasesSurviveReopeningTheInventory() {
        hold(inv, "net", "10.0.0.2-10.0.0.4");
        inv.close();
        inv = open(dir);
        assertEquals(3, used(inv, "net"));
        assertThrows(ConflictException.class, () -> hold(inv, "net", "10.0.0.3"));
        assertEquals("10.0.0.1", ip(inv.leases().allocate(ADMIN, ObjectRef.name("net"), new LeaseOwner.VmNic(1, 0),
                Optional.empty(), Optional.empty())));
    }

    private static String ip(Lease l) {
        return l.addresses().ip().orElseThrow().toString();
    }

    @Test
    void aBulkHoldReturnsItsLeasesInOrderWithoutBuildingThemUpFront() {
        create(inv, "NAME = wide\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 172.16.0.1, SIZE = 65534 ]\n");
        List<Lease> held = inv.leases().hold(ADMIN, ObjectRef.name("wide"), List.of("172.16.0.1-172.16.255.254"),
                Optional.empty());
        assertEquals(65534, held.size());
        assertEquals("172.16.0.1", ip(held.get(0)));
        assertEquals("172.16.255.254", ip(held.get(65533)));
        assertThrows(IndexOutOfBoundsException.class, () -> held.get(65534));
    }

    @Test
    void aMacIsHeldInTheRangeWhereItIsUnambiguousBeforeARangeWhoseMacsRepeat() {
        create(inv, "NAME = mixed\nVN_MAD = bridge\n"
                + "AR = [ TYPE = IP6_STATIC, IP6 = 2001:db8:9::, PREFIX_LENGTH = 64, MAC = 02:00:00:00:00:00 ]\n"
                + "AR = [ TYPE = ETHER, SIZE = 4, MAC = 02:00:ee:00:00:00 ]\n");
        List<Lease> held = hold(inv, "mixed", "02:00:ee:00:00:02");
        assertEquals(1, held.get(0).arId());
        assertEquals(2, held.get(0).index());
    }
}
