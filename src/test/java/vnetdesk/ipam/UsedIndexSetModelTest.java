package vnetdesk.ipam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style check of {@link UsedIndexSet}: thousands of random operations with a fixed
 * seed, each compared with {@link Model}, a plain {@link TreeSet} in unsigned order.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // turns a hang (a search that never ends) into a failure; not a speed check
class UsedIndexSetModelTest {

    private static final long TOP = -1L;

    /** The reference: a sorted set of used indexes and naive scans over it. */
    private static final class Model {
        final TreeSet<Long> used = new TreeSet<>(Long::compareUnsigned);
        long lastIndex;

        Model(long lastIndex) {
            this.lastIndex = lastIndex;
        }

        Model copy() {
            Model copy = new Model(lastIndex);
            copy.used.addAll(used);
            return copy;
        }

        boolean valid(long index) {
            return Long.compareUnsigned(index, lastIndex) <= 0;
        }

        OptionalLong nextFree(long from) {
            long x = from;
            while (used.contains(x)) {
                if (x == lastIndex) {
                    return OptionalLong.empty();
                }
                x++;
            }
            return OptionalLong.of(x);
        }

        OptionalLong roundRobin(long cursor) {
            OptionalLong free = cursor == lastIndex ? OptionalLong.empty() : nextFree(cursor + 1);
            return free.isPresent() ? free : nextFree(0);
        }

        boolean rangeFree(long first, long count) {
            long last = first + count - 1;
            if (Long.compareUnsigned(last, first) < 0 || Long.compareUnsigned(last, lastIndex) > 0) {
                return false;
            }
            Long next = used.ceiling(first);
            return next == null || Long.compareUnsigned(next, last) > 0;
        }

        /** The first gap between used indexes (or before the first, or after the last) that is long enough. */
        OptionalLong freeRun(long count) {
            for (IndexRange gap : freeRanges()) {
                long room = gap.count();
                if (room == 0 || Long.compareUnsigned(room, count) >= 0) {
                    return OptionalLong.of(gap.first());
                }
            }
            return OptionalLong.empty();
        }

        List<IndexRange> freeRanges() {
            List<IndexRange> ranges = new ArrayList<>();
            long next = 0;
            for (long u : used) {
                if (u != next) {
                    ranges.add(new IndexRange(next, u - 1));
                }
                if (u == lastIndex) {
                    return ranges;
                }
                next = u + 1;
            }
            ranges.add(new IndexRange(next, lastIndex));
            return ranges;
        }

        long[] usedFrom(long from, int limit) {
            return used.tailSet(from, true).stream().limit(limit).mapToLong(Long::longValue).toArray();
        }
    }

    /** A random-operation scenario: indexes are drawn from windows {@code base + [0, width)}. */
    private record Scenario(String name, long lastIndex, long seed, int operations, int phaseLength,
                            long[][] windows) {
        @Override
        public String toString() {
            return name;
        }

        long randomIndex(Random random) {
            long[] window = windows[random.nextInt(windows.length)];
            return window[1] == 0 ? random.nextLong() : window[0] + (long) random.nextInt((int) window[1]);
        }

        /** Cycles of add-biased, remove-biased and balanced phases, so counts cross thresholds both ways. */
        double addProbability(int op) {
            int phase = (op / phaseLength) % 3;
            return phase == 0 ? 0.95 : phase == 1 ? 0.02 : 0.5;
        }

        boolean crossesConversionThreshold() {
            return name.contains("threshold");
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("single index", 0, 1, 2_000, 700, new long[][] {{0, 1}}),
                new Scenario("ten indexes", 9, 2, 5_000, 1_000, new long[][] {{0, 10}}),
                new Scenario("a /24", 253, 3, 20_000, 3_000, new long[][] {{0, 254}}),
                new Scenario("container boundaries", 200_000, 4, 30_000, 5_000,
                        new long[][] {{0, 50}, {65_536 - 40, 80}, {131_072 - 40, 80}, {199_960, 41}}),
                new Scenario("last container holds one index", 65_536, 5, 10_000, 2_000,
                        new long[][] {{65_400, 137}}),
                new Scenario("array-bitmap conversion threshold", 131_071, 6, 150_000, 25_000,
                        new long[][] {{0, 8_192}}),
                new Scenario("unsigned top end", TOP, 8, 30_000, 5_000,
                        new long[][] {{TOP - 100, 101}, {0, 100}, {Long.MAX_VALUE - 49, 100},
                                {TOP - 65_536 - 50, 100}, {0, 0}}),
                new Scenario("sparse over 2^64", TOP, 9, 10_000, 2_000, new long[][] {{0, 0}, {0, 30}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void randomOperationsMatchASortedSetModel(Scenario scenario) {
        Random random = new Random(scenario.seed());
        UsedIndexSet set = new UsedIndexSet(scenario.lastIndex());
        Model model = new Model(scenario.lastIndex());
        UsedIndexSet snapshot = null;
        Model snapshotModel = null;
        FormTracker forms = new FormTracker();
        for (int op = 0; op < scenario.operations(); op++) {
            String step = scenario + " op " + op;
            long index = scenario.randomIndex(random);
            if (!model.valid(index)) {
                assertThrows(IllegalArgumentException.class, () -> set.add(index), step);
                continue;
            }
            int kind = random.nextInt(100);
            if (kind < 66) {
                if (random.nextDouble() < scenario.addProbability(op)) {
                    assertEquals(model.used.add(index), set.add(index), step + " add");
                } else {
                    assertEquals(model.used.remove(index), set.remove(index), step + " remove");
                }
            } else if (kind < 68) {
                assertEquals(model.used.contains(index), set.contains(index), step + " contains");
            } else if (kind < 71) {
                OptionalLong expected = model.nextFree(0);
                expected.ifPresent(model.used::add);
                assertEquals(expected, set.allocateLowestFree(), step + " allocateLowestFree");
            } else if (kind < 74) {
                OptionalLong expected = model.roundRobin(index);
                expected.ifPresent(model.used::add);
                assertEquals(expected, set.allocateNextFreeAfter(index), step + " allocateNextFreeAfter");
            } else if (kind < 79) {
                assertEquals(model.nextFree(index), set.firstFreeAtOrAfter(index), step + " firstFreeAtOrAfter");
            } else if (kind < 85) {
                long count = randomCount(random);
                assertEquals(model.rangeFree(index, count), set.isRangeFree(index, count), step + " isRangeFree");
            } else if (kind < 89) {
                long count = randomCount(random);
                assertEquals(model.freeRun(count), set.findFreeRun(count), step + " findFreeRun " + count);
            } else if (kind < 93) {
                int limit = random.nextInt(70);
                assertArrayEquals(model.usedFrom(index, limit), set.usedAtOrAfter(index, limit), step + " used");
            } else if (kind < 96) {
                int limit = random.nextInt(20);
                List<IndexRange> all = model.freeRanges();
                assertEquals(all.subList(0, Math.min(limit, all.size())), set.freeRanges(limit), step + " freeRanges");
            } else if (kind < 98) {
                resize(set, model, random.nextBoolean() ? index : scenario.lastIndex(), step);
            } else if (kind < 99 && random.nextInt(20) == 0) {
                snapshot = set.copy();
                snapshotModel = model.copy();
            } else {
                assertContainersConsistent(set, model, step);
            }
            assertEquals(model.used.size(), set.usedCount(), step + " usedCount");
            forms.observe(set, index >>> 16);
            if (op % 1_000 == 0) {
                assertSameContents(set, model, step);
            }
        }
        assertSameContents(set, model, scenario + " end");
        if (snapshot != null) {
            assertSameContents(snapshot, snapshotModel, scenario + " snapshot");
        }
        if (scenario.crossesConversionThreshold()) {
            assertTrue(forms.toBitmap >= 2 && forms.toArray >= 2, "conversions seen: " + forms);
        }
    }

    /** Counts container conversions between consecutive observations of a key. */
    private static final class FormTracker {
        final TreeMap<Long, Class<?>> formByKey = new TreeMap<>();
        int toBitmap;
        int toArray;

        void observe(UsedIndexSet set, long key) {
            Container c = set.containerAt(key);
            Class<?> form = c == null ? null : c.getClass();
            Class<?> before = formByKey.put(key, form);
            if (before == ArrayContainer.class && form == BitmapContainer.class) {
                toBitmap++;
            } else if (before == BitmapContainer.class && form == ArrayContainer.class) {
                toArray++;
            }
        }

        @Override
        public String toString() {
            return "to bitmap " + toBitmap + ", to array " + toArray;
        }
    }

    @Test
    void containersBecomeBitmapsAt4097AndArraysBelow2048() {
        Random random = new Random(42);
        UsedIndexSet set = new UsedIndexSet(200_000);
        Model model = new Model(200_000);
        long key = 1;
        for (int cycle = 0; cycle < 3; cycle++) {
            while (model.used.size() < Container.ARRAY_MAX) {
                long index = 65_536 + random.nextInt(65_536);
                assertEquals(model.used.add(index), set.add(index));
                assertTrue(set.containerAt(key) instanceof ArrayContainer, "array up to 4096");
            }
            long extra = model.nextFree(65_536).getAsLong();
            model.used.add(extra);
            set.add(extra);
            assertTrue(set.containerAt(key) instanceof BitmapContainer, "bitmap at 4097");
            assertSameContents(set, model, "cycle " + cycle + " after becoming a bitmap");
            while (model.used.size() >= Container.BITMAP_MIN) {
                long index = 65_536 + random.nextInt(65_536);
                assertEquals(model.used.remove(index), set.remove(index));
                if (model.used.size() >= Container.BITMAP_MIN) {
                    assertTrue(set.containerAt(key) instanceof BitmapContainer, "bitmap down to 2048");
                }
            }
            assertTrue(set.containerAt(key) instanceof ArrayContainer, "array at 2047");
            assertSameContents(set, model, "cycle " + cycle + " after becoming an array");
        }
    }

    private static long randomCount(Random random) {
        int pick = random.nextInt(10);
        return pick == 0 ? TOP - random.nextInt(100) : pick < 3 ? 1 + random.nextInt(5_000) : 1 + random.nextInt(40);
    }

    private static void resize(UsedIndexSet set, Model model, long newLastIndex, String step) {
        Long highest = model.used.isEmpty() ? null : model.used.last();
        if (highest != null && Long.compareUnsigned(highest, newLastIndex) > 0) {
            assertThrows(IllegalStateException.class, () -> set.setLastIndex(newLastIndex), step + " shrink");
        } else {
            set.setLastIndex(newLastIndex);
            model.lastIndex = newLastIndex;
        }
        assertEquals(model.lastIndex, set.lastIndex(), step + " lastIndex");
    }

    private static void assertSameContents(UsedIndexSet set, Model model, String step) {
        List<Long> seen = new ArrayList<>();
        set.forEachUsed(seen::add);
        assertEquals(new ArrayList<>(model.used), seen, step + " forEachUsed");
        assertEquals(model.used.size(), set.usedCount(), step + " usedCount");
        assertEquals(model.lastIndex, set.lastIndex(), step + " lastIndex");
        assertEquals(model.freeRanges(), set.freeRanges(Integer.MAX_VALUE), step + " all freeRanges");
        assertContainersConsistent(set, model, step);
    }

    /** Each container holds exactly the model's indexes of its key, in the form its count allows. */
    private static void assertContainersConsistent(UsedIndexSet set, Model model, String step) {
        TreeMap<Long, Integer> countByKey = new TreeMap<>();
        for (long u : model.used) {
            countByKey.merge(u >>> 16, 1, Integer::sum);
        }
        assertEquals(countByKey.size(), set.containerCount(), step + " container count");
        countByKey.forEach((key, count) -> {
            Container c = set.containerAt(key);
            if (c == null) {
                fail(step + " no container for key " + key);
            }
            assertEquals(count, c.cardinality(), step + " cardinality of key " + key);
            if (c instanceof ArrayContainer) {
                assertTrue(count <= Container.ARRAY_MAX, step + " array too big: " + count);
            } else {
                assertTrue(count >= Container.BITMAP_MIN, step + " bitmap too small: " + count);
            }
        });
    }
}
