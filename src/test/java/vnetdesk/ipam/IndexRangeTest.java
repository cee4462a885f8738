package vnetdesk.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexRangeTest {

    @ParameterizedTest(name = "{0}..{1} has {2}")
    @CsvSource({"0, 0, 1", "3, 18, 16", "0, 253, 254", "65535, 65536, 2"})
    void countIncludesBothEnds(long first, long last, long count) {
        assertEquals(count, new IndexRange(first, last).count());
    }

    @Test
    void countIsUnsignedAndWrapsToZeroOnlyForTheFullRange() {
        assertEquals(-1L, new IndexRange(1, -1L).count()); // 2^64 - 1, unsigned
        assertEquals(2, new IndexRange(Long.MAX_VALUE, 1L << 63).count());
        IndexRange full = new IndexRange(0, -1L);
        assertEquals(0, full.count());
        assertTrue(full.isFullRange());
        assertFalse(new IndexRange(1, -1L).isFullRange());
    }

    @Test
    void lastBelowFirstIsRejectedInUnsignedOrder() {
        assertThrows(IllegalArgumentException.class, () -> new IndexRange(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new IndexRange(-1L, 0));
        assertEquals(-1L, new IndexRange(0, -1L).last()); // -1L is the top, not below 0
    }

    @Test
    void containsUsesUnsignedBounds() {
        IndexRange top = new IndexRange(Long.MAX_VALUE, -2L);
        assertTrue(top.contains(1L << 63));
        assertTrue(top.contains(-2L));
        assertFalse(top.contains(-1L));
        assertFalse(top.contains(0));
    }

    @Test
    void toStringShowsUnsignedDecimals() {
        assertEquals("3..18446744073709551615", new IndexRange(3, -1L).toString());
    }
}
