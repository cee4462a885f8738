package vnetdesk.ipam;

/**
 * An inclusive run of indexes {@code first..last} of an address range, both unsigned
 * 64-bit values held in a {@code long}.
 *
 * @param first the first index of the run (unsigned)
 * @param last  the last index of the run, inclusive (unsigned, not below {@code first})
 */
public record IndexRange(long first, long last) {

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException if {@code last} is below {@code first} (unsigned)
     */
    public IndexRange {
        if (Long.compareUnsigned(first, last) > 0) {
            throw new IllegalArgumentException("range last " + Long.toUnsignedString(last)
                    + " is below its first " + Long.toUnsignedString(first));
        }
    }

    /**
     * The number of indexes in the run, {@code last - first + 1}, as an unsigned value.
     * The full 64-bit range {@code 0..0xFFFF_FFFF_FFFF_FFFF} holds 2^64 indexes, which does
     * not fit in 64 bits: its count wraps to {@code 0}, and that is the only run whose
     * count is 0. Use {@link #isFullRange()} to tell it apart.
     *
     * @return the unsigned count, or 0 for the full 2^64 range
     */
    public long count() {
        return last - first + 1;
    }

    /**
     * Whether this run covers every 64-bit index, the one case where {@link #count()} wraps to 0.
     *
     * @return true for {@code 0..0xFFFF_FFFF_FFFF_FFFF}
     */
    public boolean isFullRange() {
        return first == 0 && last == -1L;
    }

    /**
     * Whether {@code index} (unsigned) lies in this run.
     *
     * @param index the index to test
     * @return true if {@code first <= index <= last} (unsigned)
     */
    public boolean contains(long index) {
        return Long.compareUnsigned(index, first) >= 0 && Long.compareUnsigned(index, last) <= 0;
    }

    /** Shows the bounds as unsigned decimals, e.g. {@code 3..18446744073709551615}. */
    @Override
    public String toString() {
        return Long.toUnsignedString(first) + ".." + Long.toUnsignedString(last);
    }
}
