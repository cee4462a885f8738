package vnetdesk.ipam;

import java.util.Arrays;
import java.util.function.LongConsumer;

/** The sparse container form: the used low values as a sorted {@code char[]}, 2 bytes each. */
final class ArrayContainer extends Container {

    private static final int INITIAL_CAPACITY = 4;

    private char[] values;
    private int size;

    ArrayContainer() {
        this.values = new char[INITIAL_CAPACITY];
    }

    /** Takes ownership of {@code values}, whose first {@code size} entries are sorted and distinct. */
    ArrayContainer(char[] values, int size) {
        this.values = values;
        this.size = size;
    }

    @Override
    int cardinality() {
        return size;
    }

    @Override
    boolean contains(int low) {
        return search(low) >= 0;
    }

    @Override
    Container add(int low) {
        int pos = search(low);
        if (pos >= 0) {
            return this;
        }
        if (size == ARRAY_MAX) {
            BitmapContainer bitmap = BitmapContainer.of(values, size);
            return bitmap.add(low);
        }
        int insertAt = -pos - 1;
        if (size == values.length) {
            int grown = Math.min(ARRAY_MAX, Math.max(INITIAL_CAPACITY, size + (size >> 1)));
            values = Arrays.copyOf(values, grown);
        }
        System.arraycopy(values, insertAt, values, insertAt + 1, size - insertAt);
        values[insertAt] = (char) low;
        size++;
        return this;
    }

    @Override
    Container remove(int low) {
        int pos = search(low);
        if (pos < 0) {
            return this;
        }
        System.arraycopy(values, pos + 1, values, pos, size - pos - 1);
        size--;
        if (values.length > 2 * INITIAL_CAPACITY && size < values.length / 4) {
            values = Arrays.copyOf(values, values.length / 2);
        }
        return this;
    }

    @Override
    int nextUsed(int from) {
        int pos = search(from);
        if (pos < 0) {
            pos = -pos - 1;
        }
        return pos < size ? values[pos] : -1;
    }

    @Override
    int nextFree(int from) {
        int pos = search(from);
        if (pos < 0) {
            return from;
        }
        // values are strictly increasing, so values[j] - j never decreases; the run of
        // consecutive values starting at pos ends at the last j with the same difference.
        int diff = values[pos] - pos;
        int lo = pos;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (values[mid] - mid == diff) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int candidate = values[lo] + 1;
        return candidate < SPAN ? candidate : -1;
    }

    @Override
    int fill(int from, long base, long[] out, int pos) {
        int i = search(from);
        if (i < 0) {
            i = -i - 1;
        }
        while (i < size && pos < out.length) {
            out[pos++] = base | values[i++];
        }
        return pos;
    }

    @Override
    void forEach(long base, LongConsumer action) {
        for (int i = 0; i < size; i++) {
            action.accept(base | values[i]);
        }
    }

    @Override
    int countUsed(int from, int to) {
        int lo = search(from);
        int hi = search(to);
        // positions of the first value >= from and the first value > to
        int start = lo < 0 ? -lo - 1 : lo;
        int end = hi < 0 ? -hi - 1 : hi + 1;
        return end - start;
    }

    @Override
    Container copy() {
        return new ArrayContainer(Arrays.copyOf(values, Math.max(size, INITIAL_CAPACITY)), size);
    }

    @Override
    long memoryBytes() {
        return OBJECT_OVERHEAD + 8 + OBJECT_OVERHEAD + 2L * values.length;
    }

    /** Binary search over the used prefix: the position, or -(insertion point) - 1. */
    private int search(int low) {
        return Arrays.binarySearch(values, 0, size, (char) low);
    }
}
