package vnetdesk.ipam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Example-based behaviour of {@link UsedIndexSet}; the random model comparison is in {@link UsedIndexSetModelTest}. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // turns a hang (a search that never ends) into a failure; not a speed check
class UsedIndexSetTest {

    private static final long TOP = -1L; // 0xFFFF_FFFF_FFFF_FFFF, the last index of a 2^64 range

    private static UsedIndexSet setWith(long lastIndex, long... used) {
        UsedIndexSet set = new UsedIndexSet(lastIndex);
        for (long index : used) {
            assertTrue(set.add(index), "setup add " + Long.toUnsignedString(index));
        }
        return set;
    }

    private static void addRange(UsedIndexSet set, long first, long last) {
        for (long i = first; i <= last; i++) {
            set.add(i);
        }
    }

    @Test
    void newSetHasNothingUsed() {
        UsedIndexSet set = new UsedIndexSet(253);
        assertEquals(253, set.lastIndex());
        assertEquals(0, set.usedCount());
        assertFalse(set.contains(0));
        assertFalse(set.contains(253));
        assertEquals(List.of(new IndexRange(0, 253)), set.freeRanges(10));
    }

    @Test
    void addAndRemoveReportWhetherTheyChangedAnything() {
        UsedIndexSet set = new UsedIndexSet(99);
        assertTrue(set.add(7));
        assertFalse(set.add(7));
        assertTrue(set.contains(7));
        assertEquals(1, set.usedCount());
        assertTrue(set.remove(7));
        assertFalse(set.remove(7));
        assertFalse(set.remove(8));
        assertFalse(set.contains(7));
        assertEquals(0, set.usedCount());
    }

    static Stream<Arguments> callsTakingAnIndex() {
        return Stream.of(
                Arguments.of("contains", (Consumer<UsedIndexSet>) s -> s.contains(100)),
                Arguments.of("add", (Consumer<UsedIndexSet>) s -> s.add(100)),
                Arguments.of("remove", (Consumer<UsedIndexSet>) s -> s.remove(100)),
                Arguments.of("allocateNextFreeAfter", (Consumer<UsedIndexSet>) s -> s.allocateNextFreeAfter(100)),
                Arguments.of("firstFreeAtOrAfter", (Consumer<UsedIndexSet>) s -> s.firstFreeAtOrAfter(100)),
                Arguments.of("isRangeFree", (Consumer<UsedIndexSet>) s -> s.isRangeFree(100, 1)),
                Arguments.of("usedAtOrAfter", (Consumer<UsedIndexSet>) s -> s.usedAtOrAfter(100, 5)),
                Arguments.of("usedPage", (Consumer<UsedIndexSet>) s -> s.usedPage(100, 5)),
                Arguments.of("add unsigned huge", (Consumer<UsedIndexSet>) s -> s.add(-5L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callsTakingAnIndex")
    void indexesPastTheLastIndexAreRejected(String name, Consumer<UsedIndexSet> call) {
        UsedIndexSet set = setWith(99, 3, 50);
        assertThrows(IllegalArgumentException.class, () -> call.accept(set));
        assertEquals(2, set.usedCount());
    }

    @Test
    void zeroCountsAndNegativeLimitsAreRejected() {
        UsedIndexSet set = new UsedIndexSet(99);
        assertThrows(IllegalArgumentException.class, () -> set.isRangeFree(0, 0));
        assertThrows(IllegalArgumentException.class, () -> set.findFreeRun(0));
        assertThrows(IllegalArgumentException.class, () -> set.freeRanges(-1));
        assertThrows(IllegalArgumentException.class, () -> set.usedAtOrAfter(0, -1));
        assertThrows(NullPointerException.class, () -> set.forEachUsed(null));
    }

    @Test
    void lowestFreeAllocatesAscendingUntilFull() {
        UsedIndexSet set = new UsedIndexSet(4);
        for (long expected = 0; expected <= 4; expected++) {
            assertEquals(OptionalLong.of(expected), set.allocateLowestFree());
        }
        assertEquals(OptionalLong.empty(), set.allocateLowestFree());
        assertEquals(5, set.usedCount());
    }

    @Test
    void lowestFreeReusesTheLowestReleasedIndex() {
        UsedIndexSet set = new UsedIndexSet(99);
        for (int i = 0; i < 10; i++) {
            set.allocateLowestFree();
        }
        set.remove(6);
        set.remove(2);
        assertEquals(OptionalLong.of(2), set.allocateLowestFree());
        assertEquals(OptionalLong.of(6), set.allocateLowestFree());
        assertEquals(OptionalLong.of(10), set.allocateLowestFree());
    }

    @Test
    void lowestFreeSkipsIndexesAddedDirectly() {
        UsedIndexSet set = setWith(99, 0, 1, 3);
        assertEquals(OptionalLong.of(2), set.allocateLowestFree());
        assertEquals(OptionalLong.of(4), set.allocateLowestFree());
    }

    @Test
    void lowestFreeCrossesFromAFullContainerIntoTheNext() {
        UsedIndexSet set = new UsedIndexSet(200_000);
        addRange(set, 0, 65_535);
        assertEquals(OptionalLong.of(65_536), set.allocateLowestFree());
        set.remove(65_535);
        assertEquals(OptionalLong.of(65_535), set.allocateLowestFree());
    }

    @Test
    void releasingEveryOtherIndexThenAllocatingRefillsThemInOrder() {
        UsedIndexSet set = new UsedIndexSet(199_999);
        while (set.allocateLowestFree().isPresent()) {
            // fill
        }
        for (long i = 0; i < 200_000; i += 2) {
            assertTrue(set.remove(i));
        }
        for (long i = 0; i < 200_000; i += 2) {
            assertEquals(OptionalLong.of(i), set.allocateLowestFree());
        }
        assertEquals(200_000, set.usedCount());
        assertEquals(OptionalLong.empty(), set.allocateLowestFree());
    }

    @Test
    void roundRobinTakesTheFirstFreeIndexAfterTheCursor() {
        UsedIndexSet set = setWith(9, 4, 5);
        assertEquals(OptionalLong.of(6), set.allocateNextFreeAfter(3));
        assertEquals(OptionalLong.of(7), set.allocateNextFreeAfter(6));
        assertEquals(OptionalLong.of(1), set.allocateNextFreeAfter(0));
    }

    @Test
    void roundRobinWrapsToTheLowestFreeIndexOnce() {
        UsedIndexSet set = setWith(9, 0, 8, 9);
        assertEquals(OptionalLong.of(1), set.allocateNextFreeAfter(9));
        assertEquals(OptionalLong.of(2), set.allocateNextFreeAfter(7));
        assertEquals(OptionalLong.of(3), set.allocateNextFreeAfter(8));
    }

    @Test
    void roundRobinMayWrapBackToTheCursorItself() {
        UsedIndexSet set = setWith(3, 0, 1, 3);
        assertEquals(OptionalLong.of(2), set.allocateNextFreeAfter(2));
        assertEquals(OptionalLong.empty(), set.allocateNextFreeAfter(2));
        assertEquals(4, set.usedCount());
    }

    @Test
    void roundRobinAtTheUnsignedTopWrapsToZero() {
        UsedIndexSet set = setWith(TOP, TOP - 1);
        assertEquals(OptionalLong.of(TOP), set.allocateNextFreeAfter(TOP - 2));
        assertEquals(OptionalLong.of(0), set.allocateNextFreeAfter(TOP));
        assertEquals(OptionalLong.of(1L << 63), set.allocateNextFreeAfter(Long.MAX_VALUE));
    }

    @Test
    void firstFreeAtOrAfterSkipsUsedRunsAcrossContainersWithoutChangingAnything() {
        UsedIndexSet set = new UsedIndexSet(300_000);
        addRange(set, 65_000, 140_000);
        assertEquals(OptionalLong.of(140_001), set.firstFreeAtOrAfter(65_000));
        assertEquals(OptionalLong.of(64_999), set.firstFreeAtOrAfter(64_999));
        assertEquals(OptionalLong.of(0), set.firstFreeAtOrAfter(0));
        assertEquals(75_001, set.usedCount());
        assertFalse(set.contains(140_001));
    }

    @Test
    void firstFreeAtOrAfterIsEmptyWhenTheTailIsFull() {
        UsedIndexSet set = setWith(9, 7, 8, 9);
        assertEquals(OptionalLong.empty(), set.firstFreeAtOrAfter(7));
        assertEquals(OptionalLong.of(6), set.firstFreeAtOrAfter(6));
    }

    @ParameterizedTest(name = "first={0} count={1} -> {2}")
    @CsvSource({
            "0, 1, false", "1, 1, true", "1, 9, true", "1, 10, false", "11, 1, false",
            "12, 88, true", "12, 89, false", "99, 1, true", "99, 2, false",
            "65530, 6, true", "65530, 7, false", "65537, 34464, true", "65537, 34465, false"})
    void isRangeFreeChecksEveryIndexOfTheRunAndTheEnd(long first, long count, boolean expected) {
        UsedIndexSet set = setWith(100_000, 0, 10, 11, 100, 65_536);
        assertEquals(expected, set.isRangeFree(first, count));
    }

    @Test
    void isRangeFreeIsFalseWhenTheRunRunsPastTheLastIndexOrWrapsAround() {
        UsedIndexSet small = new UsedIndexSet(9);
        assertTrue(small.isRangeFree(0, 10));
        assertFalse(small.isRangeFree(0, 11));
        assertFalse(small.isRangeFree(5, TOP));
        UsedIndexSet full = new UsedIndexSet(TOP);
        assertTrue(full.isRangeFree(TOP - 1, 2));
        assertFalse(full.isRangeFree(TOP - 1, 3));
        assertTrue(full.isRangeFree(0, TOP));
        assertTrue(full.isRangeFree(1, TOP));
        assertFalse(full.isRangeFree(2, TOP));
    }

    @Test
    void findFreeRunFindsTheLowestRunAcrossAContainerBoundary() {
        UsedIndexSet set = new UsedIndexSet(200_000);
        addRange(set, 0, 65_529);
        set.add(65_532); // gap 65530..65531 is too short for 6
        addRange(set, 65_539, 65_600);
        assertEquals(OptionalLong.of(65_533), set.findFreeRun(6));
        assertEquals(OptionalLong.of(65_530), set.findFreeRun(2));
        assertEquals(OptionalLong.of(65_601), set.findFreeRun(7));
        assertEquals(65_530 + 1 + 62, set.usedCount());
    }

    @Test
    void findFreeRunIsEmptyWhenNoRunIsLongEnough() {
        UsedIndexSet set = setWith(9, 3, 7);
        assertEquals(OptionalLong.of(0), set.findFreeRun(3));
        assertEquals(OptionalLong.empty(), set.findFreeRun(4));
        assertEquals(OptionalLong.empty(), set.findFreeRun(11));
        assertEquals(OptionalLong.of(0), new UsedIndexSet(9).findFreeRun(10));
    }

    @Test
    void findFreeRunAtTheUnsignedTopEndsOnTheLastIndex() {
        UsedIndexSet set = setWith(TOP, 5);
        assertEquals(OptionalLong.of(6), set.findFreeRun(TOP - 5)); // 6..TOP is 2^64 - 6 long
        assertEquals(OptionalLong.empty(), set.findFreeRun(TOP - 4));
        set.add(TOP);
        assertEquals(OptionalLong.empty(), set.findFreeRun(TOP - 5));
        assertEquals(OptionalLong.of(6), set.findFreeRun(TOP - 6));
        assertEquals(OptionalLong.of(0), set.findFreeRun(5));
    }

    @Test
    void freeRangesListsMaximalRunsAscendingUpToTheLimit() {
        UsedIndexSet set = setWith(200_000, 0, 1, 5, 65_535, 65_536, 200_000);
        assertEquals(List.of(new IndexRange(2, 4), new IndexRange(6, 65_534), new IndexRange(65_537, 199_999)),
                set.freeRanges(10));
        assertEquals(List.of(new IndexRange(2, 4), new IndexRange(6, 65_534)), set.freeRanges(2));
        assertEquals(List.of(), set.freeRanges(0));
    }

    @Test
    void freeRangesOfAFullSetIsEmpty() {
        UsedIndexSet set = new UsedIndexSet(70_000);
        addRange(set, 0, 70_000);
        assertEquals(List.of(), set.freeRanges(5));
        assertEquals(OptionalLong.empty(), set.findFreeRun(1));
    }

    @Test
    void freeRangesOfHugeRangesSkipTheFreeSpace() {
        UsedIndexSet set = setWith(TOP, 0, 1L << 63, TOP);
        assertEquals(List.of(new IndexRange(1, (1L << 63) - 1), new IndexRange((1L << 63) + 1, TOP - 1)),
                set.freeRanges(100));
        UsedIndexSet empty = new UsedIndexSet(TOP);
        List<IndexRange> all = empty.freeRanges(1);
        assertEquals(List.of(new IndexRange(0, TOP)), all);
        assertEquals(0, all.get(0).count());
        assertTrue(all.get(0).isFullRange());
    }

    @Test
    void aHugeRangeWithFewUsedAllocatesAndCostsLikeASmallOne() {
        UsedIndexSet huge = new UsedIndexSet(TOP);
        UsedIndexSet small = new UsedIndexSet(253);
        for (int i = 0; i < 10; i++) {
            assertEquals(OptionalLong.of(i), huge.allocateLowestFree());
            small.allocateLowestFree();
        }
        assertEquals(small.estimatedMemoryBytes(), huge.estimatedMemoryBytes());
        assertEquals(1, huge.containerCount());
        assertEquals(OptionalLong.of(10), huge.firstFreeAtOrAfter(3));
    }

    @Test
    void indexesNearTheUnsignedTopWork() {
        UsedIndexSet set = setWith(TOP, TOP, TOP - 1, TOP - 65_536);
        assertTrue(set.contains(TOP));
        assertFalse(set.contains(TOP - 2));
        assertEquals(OptionalLong.of(TOP - 2), set.firstFreeAtOrAfter(TOP - 2));
        assertEquals(OptionalLong.empty(), set.firstFreeAtOrAfter(TOP - 1));
        assertArrayEquals(new long[] {TOP - 65_536, TOP - 1, TOP}, set.usedAtOrAfter(1L << 63, 10));
        assertTrue(set.remove(TOP));
        assertEquals(OptionalLong.of(TOP), set.firstFreeAtOrAfter(TOP - 1));
    }

    @Test
    void forEachUsedVisitsInAscendingUnsignedOrder() {
        UsedIndexSet set = setWith(TOP, TOP, 1L << 63, 70_000, 3, Long.MAX_VALUE);
        List<Long> seen = new ArrayList<>();
        set.forEachUsed(seen::add);
        assertEquals(List.of(3L, 70_000L, Long.MAX_VALUE, 1L << 63, TOP), seen);
    }

    @Test
    void usedPagesWalkEveryUsedIndexOnce() {
        UsedIndexSet set = new UsedIndexSet(1_000_000);
        List<Long> expected = new ArrayList<>();
        for (long i = 7; i <= 1_000_000; i += 997) {
            set.add(i);
            expected.add(i);
        }
        List<Long> paged = new ArrayList<>();
        long from = 0;
        while (true) {
            long[] page = set.usedPage(from, 64);
            for (long index : page) {
                paged.add(index);
            }
            if (page.length < 64) {
                break;
            }
            from = page[page.length - 1] + 1;
        }
        assertEquals(expected, paged);
        assertArrayEquals(new long[] {7 + 997, 7 + 2 * 997}, set.usedAtOrAfter(8, 2));
        assertArrayEquals(new long[0], set.usedAtOrAfter(999_999, 3));
    }

    @Test
    void setLastIndexRefusesToShrinkPastAUsedIndexAndChangesNothing() {
        UsedIndexSet set = setWith(200_000, 3, 100_000);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> set.setLastIndex(99_999));
        assertTrue(e.getMessage().contains("100000"), e.getMessage());
        assertEquals(200_000, set.lastIndex());
        set.setLastIndex(100_000);
        assertEquals(100_000, set.lastIndex());
        assertThrows(IllegalArgumentException.class, () -> set.add(100_001));
    }

    @Test
    void setLastIndexGrowsAndShrinksTheFreeSpace() {
        UsedIndexSet set = new UsedIndexSet(3);
        while (set.allocateLowestFree().isPresent()) {
            // fill 0..3
        }
        set.setLastIndex(TOP);
        assertEquals(OptionalLong.of(4), set.allocateLowestFree());
        set.remove(4);
        set.setLastIndex(3);
        assertEquals(OptionalLong.empty(), set.allocateLowestFree());
        assertEquals(List.of(), set.freeRanges(3));
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        UsedIndexSet original = new UsedIndexSet(200_000);
        addRange(original, 0, 5_000); // a bitmap container
        original.add(70_000); // an array container
        UsedIndexSet copy = original.copy();
        copy.remove(3);
        copy.remove(70_000);
        copy.add(150_000);
        copy.setLastIndex(199_000);
        original.add(199_500);
        assertTrue(original.contains(3));
        assertTrue(original.contains(70_000));
        assertFalse(original.contains(150_000));
        assertEquals(200_000, original.lastIndex());
        assertEquals(5_003, original.usedCount());
        assertFalse(copy.contains(3));
        assertEquals(199_000, copy.lastIndex());
        assertArrayEquals(new long[] {150_000}, copy.usedAtOrAfter(100_000, 10));
        assertEquals(5_001, copy.usedCount());
        assertEquals(OptionalLong.of(3), copy.allocateLowestFree());
        assertEquals(OptionalLong.of(5_001), original.allocateLowestFree());
    }
}
