package vnetdesk.ipam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Per-cell used counts of a window, checked against counting index by index. */
class UsedIndexSetCellsTest {

    private static long[] bruteForce(UsedIndexSet set, long first, long last, int shift) {
        long[] counts = new long[(int) (((last - first) >>> shift) + 1)];
        set.forEachUsed(i -> {
            if (Long.compareUnsigned(i, first) >= 0 && Long.compareUnsigned(i, last) <= 0) {
                counts[(int) ((i - first) >>> shift)]++;
            }
        });
        return counts;
    }

    @Test
    void countsPerCellMatchIndexByIndexForArraysAndBitmapsAtEveryCellSize() {
        Random random = new Random(13);
        UsedIndexSet set = new UsedIndexSet((1L << 24) - 3);
        for (int i = 0; i < 70_000; i++) {
            set.add(3 * 65_536 + random.nextInt(65_536)); // one dense container: a bitmap
        }
        for (int i = 0; i < 3_000; i++) {
            set.add(random.nextInt(1 << 24) & ~0xFFFFL | 17); // sparse containers: arrays
        }
        set.add((1L << 24) - 3);
        for (int shift : new int[] {0, 1, 5, 6, 7, 10, 14, 16, 17, 20}) {
            long first = shift == 0 ? 3 * 65_536 + 100 : 0;
            long span = Math.min((1L << 24) - 3 - first, (1024L << shift) - 1);
            long last = first + span;
            assertArrayEquals(bruteForce(set, first, last, shift), set.usedPerCell(first, last, shift),
                    "shift " + shift);
        }
        long[] whole = set.usedPerCell(0, (1L << 24) - 3, 14);
        assertEquals(1024, whole.length);
        assertEquals(set.usedCount(), java.util.Arrays.stream(whole).sum());
    }

    @Test
    void cellsMayStartBeforeTheWindowSoTheyFollowAddressBoundaries() {
        UsedIndexSet set = new UsedIndexSet(1000);
        for (long i = 0; i <= 1000; i++) {
            set.add(i);
        }
        long[] cells = set.usedPerCell(-1L, 0, 1000, 4); // cell 0 is index -1..14, cut to 0..14
        assertEquals(63, cells.length);
        assertEquals(15, cells[0]);
        assertEquals(16, cells[1]);
        assertEquals(10, cells[62], "991..1000");
        assertEquals(1001, java.util.Arrays.stream(cells).sum());
        assertThrows(IllegalArgumentException.class, () -> set.usedPerCell(-16L, 0, 1000, 4), "a whole cell before");
    }

    @Test
    void aWindowOfTwoToThe64IndexesHasItsLastCellAtTheTopOfTheRange() {
        UsedIndexSet set = new UsedIndexSet(-1L);
        set.add(0);
        set.add(-1L);
        set.add(-2L);
        set.add(1L << 54);
        long[] cells = set.usedPerCell(0, -1L, 54);
        assertEquals(1024, cells.length);
        assertEquals(1, cells[0]);
        assertEquals(1, cells[1]);
        assertEquals(2, cells[1023]);
    }

    @Test
    void aWindowPastTheRangeOrOfTooManyCellsIsRefused() {
        UsedIndexSet set = new UsedIndexSet(99);
        assertThrows(IllegalArgumentException.class, () -> set.usedPerCell(0, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> set.usedPerCell(50, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new UsedIndexSet(-1L).usedPerCell(0, -1L, 0));
    }
}
