package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.ConflictException;

/**
 * Bulk hold and release tell their {@link Progress} per chunk: counts that
 * only grow and reach the total, then the commit; a failure in a later
 * chunk still leaves nothing held or freed.
 */
class LeaseProgressTest extends ServiceTestSupport {

    /** 10.0.0.1 - 10.2.34.224: two full chunks and part of a third. */
    private static final int SIZE = 140_000;
    private static final String ALL = "10.0.0.1-10.2.34.224";

    @TempDir
    Path dir;
    Inventory inv;

    @BeforeEach
    void setUp() {
        inv = open(dir);
        create(inv, "NAME = big\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = " + SIZE + " ]\n");
    }

    @AfterEach
    void tearDown() {
        inv.close();
    }

    /** What a listener heard, as "phase:x" and "done/total" lines. */
    private static final class Heard implements Progress {
        final List<String> events = new ArrayList<>();
        final List<long[]> steps = new ArrayList<>();

        @Override
        public void phase(String text) {
            events.add("phase:" + text);
        }

        @Override
        public void step(long done, long total) {
            events.add(done + "/" + total);
            steps.add(new long[] {done, total});
        }
    }

    private static void assertMonotonicToTotal(Heard heard, long total, String phase) {
        assertEquals("phase:" + phase, heard.events.get(0));
        assertEquals("0/" + total, heard.events.get(1));
        assertEquals(total + "/" + total, heard.events.get(heard.events.size() - 2));
        assertEquals("phase:saving", heard.events.get(heard.events.size() - 1), heard.events.toString());
        long last = -1;
        for (long[] s : heard.steps) {
            assertEquals(total, s[1], "the total never changes");
            assertTrue(s[0] >= last, "done never falls: " + heard.events);
            last = s[0];
        }
        assertTrue(heard.steps.size() >= 4, "one step per chunk at least: " + heard.events);
    }

    @Test
    void aBulkHoldReportsEachChunkUpToTheTotalThenTheCommit() {
        Heard heard = new Heard();
        inv.leases().hold(ADMIN, network("big"), List.of("10.0.0.1-10.2.34.223", "10.2.34.224"), Optional.empty(),
                heard);
        // a range of 139,999 in chunks of 65,536, then one single address
        assertEquals(List.of("phase:holding", "0/140000", "65536/140000", "131072/140000", "139999/140000",
                "140000/140000", "phase:saving"), heard.events);
        assertMonotonicToTotal(heard, SIZE, "holding");
        assertEquals(SIZE, used(inv, "big"));
    }

    @Test
    void manySingleAddressesAreReportedInBlocksNotOneByOne() {
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            addresses.add("10.0." + (i / 256) + "." + (i % 256));
        }
        Heard heard = new Heard();
        inv.leases().hold(ADMIN, network("big"), addresses, Optional.empty(), heard);
        assertEquals(List.of("phase:holding", "0/10000", "4096/10000", "8192/10000", "10000/10000", "phase:saving"),
                heard.events);
        assertEquals(10_000, used(inv, "big"));
    }

    @Test
    void aBulkReleaseReportsEachChunkUpToTheTotal() {
        hold(inv, "big", ALL);
        Heard heard = new Heard();
        assertEquals(SIZE, inv.leases().release(ADMIN, network("big"), List.of(ALL), Optional.empty(), heard));
        assertMonotonicToTotal(heard, SIZE, "releasing");
        assertEquals(0, used(inv, "big"));
    }

    @Test
    void aConflictInALaterChunkHoldsNothing() {
        hold(inv, "big", "10.2.0.1");
        ConflictException e = assertThrows(ConflictException.class, () -> hold(inv, "big", ALL));
        assertTrue(e.getMessage().contains("10.2.0.1 is already used by"), e.getMessage());
        assertEquals(1, used(inv, "big"));
        hold(inv, "big", "10.0.0.1-10.1.255.255");
        assertEquals(1 + 131_071, used(inv, "big"), "the first chunks were rolled back, not kept");
    }

    @Test
    void anAddressNotHeldInALaterChunkReleasesNothing() {
        hold(inv, "big", "10.0.0.1-10.2.0.0", "10.2.0.2-10.2.34.224");
        ConflictException e = assertThrows(ConflictException.class, () -> inv.leases().release(ADMIN,
                network("big"), List.of(ALL), Optional.empty()));
        assertTrue(e.getMessage().contains("10.2.0.1 is not held (it is free)"), e.getMessage());
        assertEquals(SIZE - 1, used(inv, "big"));
    }
}
