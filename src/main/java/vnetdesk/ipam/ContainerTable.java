package vnetdesk.ipam;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * The storage behind a {@link UsedIndexSet}: its containers sorted by their 48-bit key
 * (the index's high bits), with the last container used cached for the sequential hot
 * path. Indexes are unsigned; callers check them against the range end. Keys are below
 * 2^48, so they sort the same signed and unsigned.
 */
final class ContainerTable {

    static final int LOW_BITS = 16;
    private static final int LOW_MASK = 0xFFFF;
    /** Keys are below 2^48, so -1 never names a real container. */
    private static final long NO_KEY = -1L;

    private final TreeMap<Long, Container> containers;
    private long cachedKey = NO_KEY;
    private Container cached;

    ContainerTable() {
        this(new TreeMap<>());
    }

    private ContainerTable(TreeMap<Long, Container> containers) {
        this.containers = containers;
    }

    boolean contains(long index) {
        Container c = container(index >>> LOW_BITS);
        return c != null && c.contains(low(index));
    }

    /** Marks {@code index} used; true if it was free. */
    boolean add(long index) {
        long key = index >>> LOW_BITS;
        Container c = container(key);
        if (c == null) {
            c = new ArrayContainer();
            replace(key, c);
        }
        int before = c.cardinality();
        Container after = c.add(low(index));
        if (after != c) {
            replace(key, after);
        }
        return after.cardinality() != before;
    }

    /** Marks {@code index} free; true if it was used. Drops a container that becomes empty. */
    boolean remove(long index) {
        long key = index >>> LOW_BITS;
        Container c = container(key);
        if (c == null) {
            return false;
        }
        int before = c.cardinality();
        Container after = c.remove(low(index));
        if (after.cardinality() == before) {
            return false;
        }
        if (after.cardinality() == 0) {
            containers.remove(key);
            cachedKey = NO_KEY;
            cached = null;
        } else if (after != c) {
            replace(key, after);
        }
        return true;
    }

    /**
     * The lowest free index in {@code from..lastIndex} (unsigned), or empty; {@code from}
     * may be past {@code lastIndex}. Absent containers answer in O(1), present ones by
     * their own word or binary search.
     */
    OptionalLong nextFree(long from, long lastIndex) {
        if (Long.compareUnsigned(from, lastIndex) > 0) {
            return OptionalLong.empty();
        }
        long lastKey = lastIndex >>> LOW_BITS;
        long key = from >>> LOW_BITS;
        int low = low(from);
        while (true) {
            Container c = container(key);
            int free = c == null ? low : c.nextFree(low);
            if (free >= 0) {
                long index = key << LOW_BITS | free;
                return Long.compareUnsigned(index, lastIndex) <= 0 ? OptionalLong.of(index) : OptionalLong.empty();
            }
            if (key == lastKey) {
                return OptionalLong.empty();
            }
            key++;
            low = 0;
        }
    }

    /** The lowest free index above {@code index} and not past {@code lastIndex}, or empty. */
    OptionalLong nextFreeAfter(long index, long lastIndex) {
        return index == lastIndex ? OptionalLong.empty() : nextFree(index + 1, lastIndex);
    }

    /** The lowest used index at or after {@code from} (unsigned), or empty. */
    OptionalLong nextUsed(long from) {
        long key = from >>> LOW_BITS;
        Container c = container(key);
        if (c != null) {
            int used = c.nextUsed(low(from));
            if (used >= 0) {
                return OptionalLong.of(key << LOW_BITS | used);
            }
        }
        Map.Entry<Long, Container> next = containers.higherEntry(key);
        if (next == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(next.getKey() << LOW_BITS | next.getValue().nextUsed(0));
    }

    /** Fills {@code out} from the start with used indexes at or after {@code from}, ascending; returns how many. */
    int fill(long from, long[] out) {
        long fromKey = from >>> LOW_BITS;
        int pos = 0;
        for (Map.Entry<Long, Container> e : containers.tailMap(fromKey, true).entrySet()) {
            if (pos == out.length) {
                break;
            }
            long key = e.getKey();
            int fromLow = key == fromKey ? low(from) : 0;
            pos = e.getValue().fill(fromLow, key << LOW_BITS, out, pos);
        }
        return pos;
    }

    /**
     * Adds to {@code counts[i]} the used indexes of cell {@code i}, the indexes
     * {@code origin + i * 2^shift ..} cut to the window {@code first..last}
     * (unsigned, inclusive; {@code origin} at or before {@code first}, modulo
     * 2^64). Only the containers inside the window are visited, each by its
     * cardinality when it lies in one cell, else by popcounts per cell.
     */
    void countPerCell(long origin, long first, long last, int shift, long[] counts) {
        long cellMask = (1L << shift) - 1;
        for (Map.Entry<Long, Container> e : containers.subMap(first >>> LOW_BITS, true, last >>> LOW_BITS, true)
                .entrySet()) {
            Container c = e.getValue();
            long base = e.getKey() << LOW_BITS;
            long lo = Long.compareUnsigned(base, first) < 0 ? first : base;
            long hi = Long.compareUnsigned(base | LOW_MASK, last) > 0 ? last : base | LOW_MASK;
            while (true) {
                long offset = lo - origin;
                int cell = (int) (offset >>> shift);
                // lengths, not ends, are compared: the end of the last cell may lie past 2^64 - 1
                long toCellEnd = (offset | cellMask) - offset;
                long end = Long.compareUnsigned(toCellEnd, hi - lo) < 0 ? lo + toCellEnd : hi;
                counts[cell] += lo == base && end == (base | LOW_MASK) ? c.cardinality()
                        : c.countUsed(low(lo), low(end));
                if (end == hi) {
                    break;
                }
                lo = end + 1;
            }
        }
    }

    void forEach(LongConsumer action) {
        for (Map.Entry<Long, Container> e : containers.entrySet()) {
            e.getValue().forEach(e.getKey() << LOW_BITS, action);
        }
    }

    /** Rough heap bytes: this object, the map and, per container, a map entry, a boxed key and the container. */
    long memoryBytes() {
        long bytes = Container.OBJECT_OVERHEAD + 16 + Container.OBJECT_OVERHEAD + 32;
        for (Container c : containers.values()) {
            bytes += 40 + Container.OBJECT_OVERHEAD + 8 + c.memoryBytes();
        }
        return bytes;
    }

    ContainerTable copy() {
        TreeMap<Long, Container> copied = new TreeMap<>();
        for (Map.Entry<Long, Container> e : containers.entrySet()) {
            copied.put(e.getKey(), e.getValue().copy());
        }
        return new ContainerTable(copied);
    }

    Container containerAt(long key) {
        return containers.get(key);
    }

    int size() {
        return containers.size();
    }

    private Container container(long key) {
        if (key == cachedKey) {
            return cached;
        }
        Container c = containers.get(key);
        if (c != null) {
            cachedKey = key;
            cached = c;
        }
        return c;
    }

    private void replace(long key, Container c) {
        containers.put(key, c);
        cachedKey = key;
        cached = c;
    }

    private static int low(long index) {
        return (int) index & LOW_MASK;
    }
}
