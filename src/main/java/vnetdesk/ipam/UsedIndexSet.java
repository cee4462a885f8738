package vnetdesk.ipam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * Knows which indexes {@code 0..lastIndex} of one address range are used, and finds free
 * ones. Indexes are unsigned 64-bit values held in a {@code long}, so a range may hold up
 * to 2^64 addresses (an IPv6 /64); {@code -1L} is the index 0xFFFF_FFFF_FFFF_FFFF.
 *
 * <p>Only used indexes are stored, so creating and allocating from a huge, mostly free
 * range costs as little as from a small one. The index is split into a 48-bit container
 * key and a 16-bit low part; each key with used indexes owns a container that is either a
 * sorted array (at most 4096 entries, 2 bytes each) or a 65536-bit bitmap (8 KiB). An array
 * becomes a bitmap when a 4097th index is added; a bitmap becomes an array again when
 * fewer than 2048 remain, so counts hovering near the threshold do not convert back and
 * forth. A "lowest free hint" (every index below it is used) makes lowest-free allocation
 * amortised O(1).
 *
 * <p>Every method that takes an index throws {@link IllegalArgumentException} for one
 * above {@link #lastIndex()} (unsigned). Not thread-safe: callers synchronise.
 */
public final class UsedIndexSet {

    private final ContainerTable table;
    private long lastIndex;
    private long usedCount;
    /** Every index unsigned-below this one is used; it may wrap to 0 after index -1L is used. */
    private long lowestFreeHint;

    /**
     * An empty set for a range of {@code lastIndex + 1} indexes.
     *
     * @param lastIndex the last valid index, unsigned and inclusive (size - 1);
     *                  {@code -1L} gives a range of 2^64 indexes
     */
    public UsedIndexSet(long lastIndex) {
        this(lastIndex, new ContainerTable(), 0, 0);
    }

    private UsedIndexSet(long lastIndex, ContainerTable table, long usedCount, long lowestFreeHint) {
        this.lastIndex = lastIndex;
        this.table = table;
        this.usedCount = usedCount;
        this.lowestFreeHint = lowestFreeHint;
    }

    /**
     * The last valid index, unsigned and inclusive.
     *
     * @return the last index (size - 1)
     */
    public long lastIndex() {
        return lastIndex;
    }

    /**
     * How many indexes are used.
     *
     * @return the number of used indexes
     */
    public long usedCount() {
        return usedCount;
    }

    /**
     * Whether {@code index} is used.
     *
     * @param index an index in {@code 0..lastIndex} (unsigned)
     * @return true if it is used
     */
    public boolean contains(long index) {
        checkIndex(index, "index");
        return table.contains(index);
    }

    /**
     * Marks {@code index} used.
     *
     * @param index an index in {@code 0..lastIndex} (unsigned)
     * @return true if it was free, false if it was already used
     */
    public boolean add(long index) {
        checkIndex(index, "index");
        if (!table.add(index)) {
            return false;
        }
        usedCount++;
        if (index == lowestFreeHint) {
            lowestFreeHint = index + 1;
        }
        return true;
    }

    /**
     * Marks {@code index} free.
     *
     * @param index an index in {@code 0..lastIndex} (unsigned)
     * @return true if it was used, false if it was already free
     */
    public boolean remove(long index) {
        checkIndex(index, "index");
        if (!table.remove(index)) {
            return false;
        }
        usedCount--;
        if (Long.compareUnsigned(index, lowestFreeHint) < 0) {
            lowestFreeHint = index;
        }
        return true;
    }

    /**
     * Finds the lowest free index and marks it used.
     *
     * @return the index now used, or empty if every index is used
     */
    public OptionalLong allocateLowestFree() {
        OptionalLong free = table.nextFree(lowestFreeHint, lastIndex);
        if (free.isPresent()) {
            long index = free.getAsLong();
            table.add(index);
            usedCount++;
            lowestFreeHint = index + 1;
        }
        return free;
    }

    /**
     * Round-robin allocation: finds the first free index after {@code cursor} (unsigned),
     * and when there is none up to {@code lastIndex}, wraps once and takes the lowest free
     * index (which may be {@code cursor} itself). Marks the index found used.
     *
     * @param cursor the previously allocated index, in {@code 0..lastIndex} (unsigned)
     * @return the index now used, or empty if every index is used
     */
    public OptionalLong allocateNextFreeAfter(long cursor) {
        checkIndex(cursor, "cursor");
        OptionalLong free = table.nextFreeAfter(cursor, lastIndex);
        if (free.isEmpty()) {
            free = table.nextFree(lowestFreeHint, lastIndex);
        }
        if (free.isPresent()) {
            long index = free.getAsLong();
            table.add(index);
            usedCount++;
            if (index == lowestFreeHint) {
                lowestFreeHint = index + 1;
            }
        }
        return free;
    }

    /**
     * The lowest free index at or after {@code from} (unsigned), without changing anything.
     *
     * @param from an index in {@code 0..lastIndex} (unsigned)
     * @return the free index, or empty if every index from {@code from} to {@code lastIndex} is used
     */
    public OptionalLong firstFreeAtOrAfter(long from) {
        checkIndex(from, "from");
        return table.nextFree(Long.compareUnsigned(from, lowestFreeHint) < 0 ? lowestFreeHint : from, lastIndex);
    }

    /**
     * Whether the {@code count} indexes starting at {@code first} are all free.
     *
     * @param first the first index, in {@code 0..lastIndex} (unsigned)
     * @param count how many indexes, unsigned and at least 1
     * @return true if all are free; false if any is used or the run goes past {@code lastIndex}
     * @throws IllegalArgumentException if {@code first} is past {@code lastIndex} or {@code count} is 0
     */
    public boolean isRangeFree(long first, long count) {
        checkIndex(first, "first");
        checkCount(count);
        long last = first + count - 1;
        if (Long.compareUnsigned(last, first) < 0 || Long.compareUnsigned(last, lastIndex) > 0) {
            return false;
        }
        OptionalLong used = table.nextUsed(first);
        return used.isEmpty() || Long.compareUnsigned(used.getAsLong(), last) > 0;
    }

    /**
     * The lowest start of {@code count} consecutive free indexes, without changing anything.
     *
     * @param count the run length, unsigned and at least 1
     * @return the first index of the lowest such run, or empty if there is none
     * @throws IllegalArgumentException if {@code count} is 0
     */
    public OptionalLong findFreeRun(long count) {
        checkCount(count);
        OptionalLong start = table.nextFree(lowestFreeHint, lastIndex);
        while (start.isPresent()) {
            long first = start.getAsLong();
            long last = first + count - 1;
            if (Long.compareUnsigned(last, first) < 0 || Long.compareUnsigned(last, lastIndex) > 0) {
                return OptionalLong.empty();
            }
            OptionalLong used = table.nextUsed(first);
            if (used.isEmpty() || Long.compareUnsigned(used.getAsLong(), last) > 0) {
                return start;
            }
            start = table.nextFreeAfter(used.getAsLong(), lastIndex);
        }
        return OptionalLong.empty();
    }

    /**
     * Calls {@code action} with every used index in ascending unsigned order. The action
     * must not modify this set.
     *
     * @param action receives each used index
     */
    public void forEachUsed(LongConsumer action) {
        Objects.requireNonNull(action, "action");
        table.forEach(action);
    }

    /**
     * The used indexes at or after {@code from}, ascending unsigned, at most {@code limit} of them.
     *
     * @param from  an index in {@code 0..lastIndex} (unsigned)
     * @param limit the most indexes to return, at least 0
     * @return a new array of at most {@code limit} used indexes
     * @throws IllegalArgumentException if {@code from} is past {@code lastIndex} or {@code limit} is negative
     */
    public long[] usedAtOrAfter(long from, int limit) {
        checkIndex(from, "from");
        checkLimit(limit);
        long[] out = new long[(int) Math.min(limit, usedCount)];
        int pos = table.fill(from, out);
        return pos == out.length ? out : Arrays.copyOf(out, pos);
    }

    /**
     * One page of used indexes for paged listing; the same as {@link #usedAtOrAfter}. Pass
     * the last index of a page plus one as {@code from} of the next.
     *
     * @param from  an index in {@code 0..lastIndex} (unsigned)
     * @param limit the page size, at least 0
     * @return a new array of at most {@code limit} used indexes, ascending unsigned
     */
    public long[] usedPage(long from, int limit) {
        return usedAtOrAfter(from, limit);
    }

    /**
     * How many indexes are used in each cell of a window, without visiting a
     * used index one by one: cell {@code i} holds the indexes
     * {@code first + i * 2^shift .. first + (i + 1) * 2^shift - 1}, cut at {@code last}.
     * Containers outside the window are not visited; a container inside one cell
     * adds its cardinality, others are counted per cell by popcount or binary search.
     *
     * @param first the window's first index (unsigned)
     * @param last  the window's last index, unsigned, at or after {@code first} and not past {@link #lastIndex()}
     * @param shift log2 of the cell size, 0..63
     * @return the used count of each cell; {@code ((last - first) >>> shift) + 1} cells
     * @throws IllegalArgumentException for a window outside the range or of more than 2^24 cells
     */
    public long[] usedPerCell(long first, long last, int shift) {
        return usedPerCell(first, first, last, shift);
    }

    /**
     * {@link #usedPerCell(long, long, int)} with cells that start at {@code origin}
     * rather than at {@code first}: cell {@code i} holds the indexes
     * {@code origin + i * 2^shift ..}, the first cell cut at {@code first}. So the
     * cells can follow address boundaries (10.1.0.0 – 10.1.63.255) in a range
     * that starts elsewhere (10.0.0.1).
     *
     * @param origin where cell 0 starts: {@code first - origin} (unsigned) is below 2^shift and
     *               {@code last - origin} does not wrap past 2^64
     */
    public long[] usedPerCell(long origin, long first, long last, int shift) {
        checkIndex(last, "last");
        if (Long.compareUnsigned(first, last) > 0) {
            throw new IllegalArgumentException("first " + Long.toUnsignedString(first) + " is after last "
                    + Long.toUnsignedString(last));
        }
        if (shift < 0 || shift > 63) {
            throw new IllegalArgumentException("shift must be 0..63: " + shift);
        }
        if (Long.compareUnsigned(first - origin, (1L << shift) - 1) > 0
                || Long.compareUnsigned(last - origin, last - first) < 0) {
            throw new IllegalArgumentException("origin " + Long.toUnsignedString(origin) + " is not within one cell"
                    + " before first " + Long.toUnsignedString(first));
        }
        long cells = ((last - origin) >>> shift) + 1;
        if (cells > 1 << 24 || cells <= 0) {
            throw new IllegalArgumentException("too many cells: " + Long.toUnsignedString(cells));
        }
        long[] counts = new long[(int) cells];
        table.countPerCell(origin, first, last, shift, counts);
        return counts;
    }

    /**
     * The maximal runs of free indexes, ascending, at most {@code limit} of them.
     *
     * @param limit the most runs to return, at least 0
     * @return an unmodifiable list of free runs; a fully free 2^64 range is one run whose
     *         {@link IndexRange#count()} is 0
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public List<IndexRange> freeRanges(int limit) {
        checkLimit(limit);
        List<IndexRange> ranges = new ArrayList<>(Math.min(limit, 16));
        OptionalLong start = limit == 0 ? OptionalLong.empty() : table.nextFree(lowestFreeHint, lastIndex);
        while (start.isPresent() && ranges.size() < limit) {
            long first = start.getAsLong();
            OptionalLong used = table.nextUsed(first);
            if (used.isEmpty()) {
                ranges.add(new IndexRange(first, lastIndex));
                break;
            }
            ranges.add(new IndexRange(first, used.getAsLong() - 1));
            start = table.nextFreeAfter(used.getAsLong(), lastIndex);
        }
        return Collections.unmodifiableList(ranges);
    }

    /**
     * Resizes the range: growing always works, shrinking only when no used index lies
     * past the new end.
     *
     * @param newLastIndex the new last valid index, unsigned and inclusive
     * @throws IllegalStateException if a used index is above {@code newLastIndex}; nothing changes then
     */
    public void setLastIndex(long newLastIndex) {
        if (Long.compareUnsigned(newLastIndex, lastIndex) < 0) {
            OptionalLong beyond = table.nextUsed(newLastIndex + 1);
            if (beyond.isPresent()) {
                throw new IllegalStateException("cannot shrink to last index "
                        + Long.toUnsignedString(newLastIndex) + ": index "
                        + Long.toUnsignedString(beyond.getAsLong()) + " is used");
            }
        }
        lastIndex = newLastIndex;
    }

    /**
     * A rough estimate of the heap bytes this set holds, for benchmarks and capacity checks.
     *
     * @return the estimated size in bytes
     */
    public long estimatedMemoryBytes() {
        return Container.OBJECT_OVERHEAD + 40 + table.memoryBytes();
    }

    /**
     * A deep copy that shares nothing with this set, e.g. to apply several changes
     * all-or-nothing and swap the copy in only when all succeeded.
     *
     * @return an independent copy
     */
    public UsedIndexSet copy() {
        return new UsedIndexSet(lastIndex, table.copy(), usedCount, lowestFreeHint);
    }

    /** A short summary: the last index and the used count. */
    @Override
    public String toString() {
        return "UsedIndexSet[lastIndex=" + Long.toUnsignedString(lastIndex) + ", used=" + usedCount + "]";
    }

    /** The container for {@code key}, or null; for tests of the container forms. */
    Container containerAt(long key) {
        return table.containerAt(key);
    }

    /** How many containers exist; for tests. */
    int containerCount() {
        return table.size();
    }

    private void checkIndex(long index, String what) {
        if (Long.compareUnsigned(index, lastIndex) > 0) {
            throw new IllegalArgumentException(what + " " + Long.toUnsignedString(index)
                    + " is past the last index " + Long.toUnsignedString(lastIndex));
        }
    }

    private static void checkCount(long count) {
        if (count == 0) {
            throw new IllegalArgumentException("count must be at least 1");
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }
}
