package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.service.AddressMap.Cell;
import vnetdesk.service.AddressMap.Kind;
import vnetdesk.service.AddressMap.Window;
import vnetdesk.service.vm.NicRequest;
import vnetdesk.template.TemplateParser;

/** The address map: owners per address in a /24, block counts from the allocator's bitmap in a /8. */
class AddressMapTest extends ServiceTestSupport {

    @TempDir
    Path dir;
    Inventory inv;

    @BeforeEach
    void setUp() {
        inv = open(dir);
    }

    @AfterEach
    void tearDown() {
        inv.close();
    }

    private AddressMap map(String net, Window w) {
        return inv.queries().addressMap(ADMIN, network(net), 0, w, 1024);
    }

    @Test
    void aSlash24ShowsEveryAddressWithItsOwnerKind() {
        create(inv, "NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 254 ]\n");
        int web = inv.vms().create(ADMIN, TemplateParser.parse("NAME = web-1\n", "vm"));
        inv.vms().attachNic(ADMIN, ObjectRef.id(web), NicRequest.on(ObjectRef.name("lan"))); // 10.0.0.1
        inv.leases().allocate(ADMIN, network("lan"), new LeaseOwner.VmNic(77, 2), Optional.of("10.0.0.20"),
                Optional.empty());
        hold(inv, "lan", "10.0.0.10-10.0.0.12");
        int child = inv.reservations().reserve(ADMIN, network("lan"), new ReservationService.Request(4,
                Optional.of("child"), Optional.empty(), Optional.empty(), Optional.of("10.0.0.100")));

        AddressMap m = map("lan", Window.whole(253));
        assertTrue(m.singleAddresses());
        assertEquals(254, m.cells().size());
        assertEquals(1 + 1 + 3 + 4, m.used());
        Cell vm = m.cells().get(0);
        assertEquals("10.0.0.1", vm.from());
        assertEquals(Kind.VM, vm.kind());
        assertEquals("VM " + web + " NIC 0 (web-1)", vm.owner().orElseThrow().description());
        assertEquals(Optional.of("02:00:0a:00:00:01"), vm.mac());
        assertEquals("VM 77 NIC 2", m.cells().get(19).owner().orElseThrow().description(), "a VM not in the inventory");
        for (int i = 9; i <= 11; i++) {
            assertEquals(Kind.HELD, m.cells().get(i).kind(), m.cells().get(i).from());
        }
        assertEquals("held (HOLD)", m.cells().get(9).owner().orElseThrow().description());
        Cell reserved = m.cells().get(99);
        assertEquals("10.0.0.100", reserved.from());
        assertEquals(Kind.RESERVED, reserved.kind());
        assertEquals("reserved for network " + child + " (child)", reserved.owner().orElseThrow().description());
        assertEquals(Kind.RESERVED, m.cells().get(102).kind());
        assertEquals(Kind.FREE, m.cells().get(103).kind());
        assertEquals(0, m.cells().get(103).used());
        assertEquals(Map.of(Kind.HELD, 3L, Kind.VM, 2L, Kind.RESERVED, 4L),
                inv.queries().blockUsage(ADMIN, network("lan"), 0, Window.whole(253)));
    }

    @Test
    void aSlash8IsAggregatedFromTheBitmapAndNotFromLeaseRows() {
        create(inv, "NAME = big\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 16777214 ]\n");
        hold(inv, "big", "10.1.0.0-10.1.255.255");
        hold(inv, "big", "10.200.0.1");
        inv.reservations().reserve(ADMIN, network("big"), new ReservationService.Request(20_000, Optional.of("labs"),
                Optional.empty(), Optional.empty(), Optional.of("10.64.0.0")));

        AddressMap m = map("big", Window.whole(16_777_213));
        assertEquals(14, m.cellShift(), "16,384 addresses per cell");
        assertEquals(1024, m.cells().size());
        Cell start = m.cells().get(0);
        assertEquals(List.of("10.0.0.1", "10.0.63.255", 16_383L), List.of(start.from(), start.to(), start.size()),
                "cells follow address boundaries: the first one is cut where the range starts");
        long[] used = m.cells().stream().mapToLong(Cell::used).toArray();
        assertEquals(0, used[3]);
        assertEquals(List.of(16_384L, 16_384L, 16_384L, 16_384L), Arrays.stream(used, 4, 8).boxed().toList());
        assertEquals(0, used[8]);
        assertEquals(1, used[800], "10.200.0.1");
        assertEquals(85_537, m.used());
        assertEquals(List.of(0L, 16_384L, 3_616L), m.cells().subList(255, 258).stream().map(Cell::reserved).toList(),
                "reserved shares from the child network's range");
        assertEquals(List.of(0L, 16_384L, 3_616L), m.cells().subList(255, 258).stream().map(Cell::used).toList());
        Cell block = m.cells().get(4);
        assertEquals(0, block.reserved());
        assertEquals("10.1.0.0", block.from());
        assertEquals("10.1.63.255", block.to());
        assertTrue(block.owner().isEmpty(), "a block has counts, not owners");

        // take the lease rows away behind the allocator's back (its version is unchanged): an
        // aggregated map still counts them, so it was computed from the bitmap; the
        // per-address window of the same addresses reads rows, and finds none
        inv.database().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM LEASE")) {
                return s.executeUpdate();
            }
        });
        assertEquals(85_537, map("big", Window.whole(16_777_213)).used());
        Window zoomed = Window.zoomInto(block, 1024);
        AddressMap fine = map("big", zoomed);
        assertEquals(4, fine.cellShift(), "a block of 16,384 zooms to 1,024 cells of 16");
        assertEquals(16_384, fine.used());
        AddressMap single = map("big", Window.zoomInto(fine.cells().get(0), 1024));
        assertTrue(single.singleAddresses());
        assertEquals("10.1.0.0", single.cells().get(0).from());
        assertEquals("10.1.3.255", single.cells().get(1023).from(), "1,024 addresses from a boundary");
        assertEquals(1024, single.cells().size());
        assertEquals(1024, single.used(), "the bitmap still says used");
        assertTrue(single.cells().stream().allMatch(c -> c.owner().isEmpty()), "the rows are gone");
        assertEquals(Map.of(), inv.queries().blockUsage(ADMIN, network("big"), 0, block.window()));

        Cell first16 = map("big", Window.zoomInto(start, 1024)).cells().get(0);
        assertEquals(List.of("10.0.0.1", "10.0.0.15"), List.of(first16.from(), first16.to()));
        AddressMap edge = map("big", Window.zoomInto(first16, 1024));
        assertEquals(List.of(1023, "10.0.0.1", "10.0.3.255"), List.of(edge.cells().size(), edge.cells().get(0).from(),
                edge.cells().get(1022).from()), "the aligned 1,024 cut where the range starts");
    }

    @Test
    void aWindowOutsideTheRangeOrTooManyCellsAreRefusedNamingThem() {
        create(inv, "NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        ValidationException e = assertThrows(ValidationException.class, () -> map("lan", new Window(0, 10)));
        assertTrue(e.getMessage().contains("0..10"), e.getMessage());
        ValidationException cells = assertThrows(ValidationException.class,
                () -> inv.queries().addressMap(ADMIN, network("lan"), 0, Window.whole(9), 2048));
        assertTrue(cells.getMessage().contains("CELLS"), cells.getMessage());
        ValidationException one = assertThrows(ValidationException.class,
                () -> inv.queries().addressMap(ADMIN, network("lan"), 0, Window.whole(9), 1));
        assertTrue(one.getMessage().contains("CELLS") && one.getMessage().contains("between 2 and 1024"),
                one.getMessage());
        assertEquals(64, new Window(0, -1L).shiftFor(1), "a 2^64 window in one cell ends (it looped for ever)");
    }
}
