package vnetdesk.ipam;

import java.util.function.LongConsumer;

/** The dense container form: one bit per low value in 1024 longs (8 KiB), whatever the count. */
final class BitmapContainer extends Container {

    private static final int WORDS = SPAN / 64;

    private final long[] words;
    private int cardinality;

    private BitmapContainer(long[] words, int cardinality) {
        this.words = words;
        this.cardinality = cardinality;
    }

    /** A bitmap holding the first {@code size} (sorted, distinct) entries of {@code values}. */
    static BitmapContainer of(char[] values, int size) {
        long[] words = new long[WORDS];
        for (int i = 0; i < size; i++) {
            char v = values[i];
            words[v >>> 6] |= 1L << v;
        }
        return new BitmapContainer(words, size);
    }

    @Override
    int cardinality() {
        return cardinality;
    }

    @Override
    boolean contains(int low) {
        return (words[low >>> 6] & (1L << low)) != 0;
    }

    @Override
    Container add(int low) {
        int w = low >>> 6;
        long bit = 1L << low;
        if ((words[w] & bit) == 0) {
            words[w] |= bit;
            cardinality++;
        }
        return this;
    }

    @Override
    Container remove(int low) {
        int w = low >>> 6;
        long bit = 1L << low;
        if ((words[w] & bit) == 0) {
            return this;
        }
        words[w] &= ~bit;
        cardinality--;
        return cardinality < BITMAP_MIN ? toArray() : this;
    }

    @Override
    int nextUsed(int from) {
        int w = from >>> 6;
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == WORDS) {
                return -1;
            }
            word = words[w];
        }
    }

    @Override
    int nextFree(int from) {
        int w = from >>> 6;
        long word = ~words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == WORDS) {
                return -1;
            }
            word = ~words[w];
        }
    }

    @Override
    int fill(int from, long base, long[] out, int pos) {
        int w = from >>> 6;
        long word = words[w] & (-1L << from);
        while (pos < out.length) {
            if (word == 0) {
                if (++w == WORDS) {
                    break;
                }
                word = words[w];
                continue;
            }
            out[pos++] = base | ((long) (w << 6) + Long.numberOfTrailingZeros(word));
            word &= word - 1;
        }
        return pos;
    }

    @Override
    void forEach(long base, LongConsumer action) {
        for (int w = 0; w < WORDS; w++) {
            long word = words[w];
            while (word != 0) {
                action.accept(base | ((long) (w << 6) + Long.numberOfTrailingZeros(word)));
                word &= word - 1;
            }
        }
    }

    @Override
    int countUsed(int from, int to) {
        int first = from >>> 6;
        int last = to >>> 6;
        long lowMask = -1L << from;
        long highMask = -1L >>> (63 - (to & 63));
        if (first == last) {
            return Long.bitCount(words[first] & lowMask & highMask);
        }
        int n = Long.bitCount(words[first] & lowMask) + Long.bitCount(words[last] & highMask);
        for (int w = first + 1; w < last; w++) {
            n += Long.bitCount(words[w]);
        }
        return n;
    }

    @Override
    Container copy() {
        return new BitmapContainer(words.clone(), cardinality);
    }

    @Override
    long memoryBytes() {
        return OBJECT_OVERHEAD + 8 + OBJECT_OVERHEAD + 8L * WORDS;
    }

    private ArrayContainer toArray() {
        char[] values = new char[Math.max(cardinality, 4)];
        int n = 0;
        for (int w = 0; w < WORDS; w++) {
            long word = words[w];
            while (word != 0) {
                values[n++] = (char) ((w << 6) + Long.numberOfTrailingZeros(word));
                word &= word - 1;
            }
        }
        return new ArrayContainer(values, n);
    }
}
