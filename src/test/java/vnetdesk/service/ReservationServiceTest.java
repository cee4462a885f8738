package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.AddressRange;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;

class ReservationServiceTest extends ServiceTestSupport {

    @TempDir
    Path dir;
    Inventory inv;
    int parent;

    @BeforeEach
    void setUp() {
        inv = open(dir);
        parent = create(inv, "NAME = pub\nVN_MAD = fw\nDNS = 8.8.8.8\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10, GATEWAY = 10.0.0.254 ]\n"
                + "AR = [ TYPE = IP6_STATIC, IP6 = 2001:db8::100, PREFIX_LENGTH = 64, SIZE = 100 ]\n");
    }

    @AfterEach
    void tearDown() {
        inv.close();
    }

    private int reserve(long size, String name, String into, Integer ar, String ip) {
        return inv.reservations().reserve(ADMIN, ObjectRef.name("pub"), new ReservationService.Request(size,
                Optional.ofNullable(name),
                Optional.ofNullable(into).map(ObjectRef::name), Optional.ofNullable(ar), Optional.ofNullable(ip)));
    }

    @Test
    void automaticReservationTakesTheFirstFreeContiguousBlock() {
        hold(inv, "pub", "10.0.0.3");
        int child = reserve(3, "res", null, null, null);
        VirtualNetwork c = inv.queries().details(ADMIN, ObjectRef.id(child), 0).network();
        assertEquals(Optional.of(parent), c.parentNetworkId());
        AddressRange ar = c.addressRanges().get(0);
        assertEquals("10.0.0.4", ar.type().firstIp().orElseThrow().toString());
        assertEquals(2, ar.lastIndex());
        assertEquals(Optional.of(0), ar.parentArId());
        assertEquals("02:00:0a:00:00:04", ar.firstMac().toString());
        assertEquals("10.0.0.254", ar.attributes().get("GATEWAY"), "AR overrides are cloned");
        assertEquals("8.8.8.8", c.attributes().get("DNS"), "the network's attributes are inherited");
        assertEquals(4, used(inv, "pub"));
        var match = inv.queries().whois(ADMIN, "10.0.0.5");
        assertTrue(match.stream().anyMatch(m -> m.network().id() == parent
                && m.owner().orElse("").startsWith(new LeaseOwner.Reservation(child).label())), match.toString());
    }

    @Test
    void reservationFromAGivenAddressAndArAndIntoAnExistingChild() {
        int child = reserve(5, "res", null, 1, "2001:db8::110");
        assertEquals("2001:db8::110",
                inv.queries().details(ADMIN, ObjectRef.name("res"),
                        0).network().addressRanges().get(0).type().firstIp6().orElseThrow().toString());
        assertEquals(child, reserve(2, null, "res", null, "10.0.0.9"));
        assertEquals(2, inv.queries().details(ADMIN, ObjectRef.name("res"), 0).network().addressRanges().size());
        assertEquals(7, used(inv, "pub"));
    }

    @Test
    void errorsOfReservations() {
        assertThrows(ValidationException.class, () -> reserve(0, "x", null, null, null));
        ConflictException tooBig = assertThrows(ConflictException.class, () -> reserve(11, "x", null, 0, null));
        assertTrue(tooBig.getMessage().startsWith("not enough contiguous free addresses"), tooBig.getMessage());
        hold(inv, "pub", "10.0.0.5");
        assertThrows(ConflictException.class, () -> reserve(3, "x", null, null, "10.0.0.4"));
        int child = reserve(2, "res", null, 0, null);
        ConflictException fromChild = assertThrows(ConflictException.class, () -> inv.reservations().reserve(ADMIN,
                ObjectRef.id(child), new ReservationService.Request(1, Optional.of("y"), Optional.empty(),
                        Optional.empty(), Optional.empty())));
        assertTrue(fromChild.getMessage().contains("is itself a reservation"), fromChild.getMessage());
        create(inv, "NAME = other\nVN_MAD = fw\n");
        ConflictException notChild = assertThrows(ConflictException.class, () -> reserve(1, null, "other", null, null));
        assertTrue(notChild.getMessage().contains("is not a reservation of network"), notChild.getMessage());
        assertEquals(3, used(inv, "pub"), "failed reservations take nothing");
    }

    @Test
    void reservationSizeCannotChange() {
        reserve(2, "res", null, 0, null);
        ValidationException e = assertThrows(ValidationException.class,
                () -> inv.networks().updateAr(ADMIN, ObjectRef.name("res"), Map.of("AR_ID", "0", "SIZE", "3")));
        assertTrue(e.getMessage().contains("size of a reservation cannot change"), e.getMessage());
    }

    @Test
    void removingTheChildArOrDeletingTheChildFreesTheParentLeases() {
        reserve(2, "res", null, 0, null);
        reserve(3, null, "res", 1, null);
        assertEquals(5, used(inv, "pub"));
        inv.networks().removeAr(ADMIN, ObjectRef.name("res"), 0, false);
        assertEquals(3, used(inv, "pub"));
        inv.networks().delete(ADMIN, ObjectRef.name("res"));
        assertEquals(0, used(inv, "pub"));
        ConflictException e = assertThrows(ConflictException.class, () -> inv.leases().release(ADMIN,
                ObjectRef.name("pub"), List.of("10.0.0.1"), Optional.empty()));
        assertTrue(e.getMessage().contains("is not held (it is free)"), e.getMessage());
    }

    @Test
    void parentWithReservationsCannotBeDeleted() {
        reserve(2, "res", null, 0, null);
        assertThrows(ConflictException.class, () -> inv.networks().delete(ADMIN, ObjectRef.name("pub")));
    }

    @Test
    void aParentWhoseReservationHasNoAddressesLeftStillCannotBeDeleted() {
        reserve(2, "res", null, 0, null);
        inv.networks().removeAr(ADMIN, ObjectRef.name("res"), 0, false);
        assertEquals(0, used(inv, "pub"));
        ConflictException e = assertThrows(ConflictException.class, () -> inv.networks().delete(ADMIN,
                ObjectRef.name("pub")));
        assertTrue(e.getMessage().contains("has reservations (") && e.getMessage().contains(":res"), e.getMessage());
        inv.networks().delete(ADMIN, ObjectRef.name("res"));
        inv.networks().delete(ADMIN, ObjectRef.name("pub"));
        assertEquals(0, networkCount(inv));
    }
}
