package vnetdesk.ipam;

import java.util.function.LongConsumer;

/**
 * The used low halves (16 bits, 0..65535) of the indexes that share one 48-bit
 * high half in a {@link UsedIndexSet}. A container is mutable; {@link #add} and
 * {@link #remove} return the container that holds the result, which is a new one
 * of the other form when the cardinality crosses a conversion threshold.
 * A container may become empty; its owner then drops it.
 */
abstract sealed class Container permits ArrayContainer, BitmapContainer {

    /** Number of low values in one container. */
    static final int SPAN = 1 << 16;

    /** An array container never holds more values than this; one more turns it into a bitmap. */
    static final int ARRAY_MAX = 4096;

    /**
     * A bitmap container whose cardinality drops below this turns back into an array.
     * Lower than {@link #ARRAY_MAX} so that a count hovering around the threshold does
     * not convert back and forth on every add and remove.
     */
    static final int BITMAP_MIN = 2048;

    /** Rough heap cost of an object header plus alignment, used by memory estimates. */
    static final long OBJECT_OVERHEAD = 16;

    /** Number of used values, 0..65536. */
    abstract int cardinality();

    /** Whether the low value {@code low} (0..65535) is used. */
    abstract boolean contains(int low);

    /** Marks {@code low} used; returns the container now holding the values (this or a converted one). */
    abstract Container add(int low);

    /** Marks {@code low} free; returns the container now holding the values (this or a converted one). */
    abstract Container remove(int low);

    /** The lowest used value {@code >= from}, or -1 when there is none. */
    abstract int nextUsed(int from);

    /** The lowest free value {@code >= from} (at most 65535), or -1 when all are used. */
    abstract int nextFree(int from);

    /**
     * Writes {@code base | value} for used values {@code >= from} into {@code out} starting at
     * {@code pos}, ascending, until {@code out} is full; returns the next free position.
     */
    abstract int fill(int from, long base, long[] out, int pos);

    /** Calls {@code action} with {@code base | value} for every used value, ascending. */
    abstract void forEach(long base, LongConsumer action);

    /** How many values in {@code from..to} (inclusive, {@code from <= to}) are used. */
    abstract int countUsed(int from, int to);

    /** A deep copy. */
    abstract Container copy();

    /** Rough heap size in bytes, the object and its arrays. */
    abstract long memoryBytes();
}
