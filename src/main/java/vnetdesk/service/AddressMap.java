package vnetdesk.service;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.AddressRange;

/**
 * A picture of a window of one address range: at most a given number of
 * cells, each covering 2^{@link #cellShift} consecutive indexes, with how many
 * of them are used. At one address per cell each used cell also names its
 * owner; coarser cells carry counts only, taken from the allocator's bitmap.
 *
 * @param first      the window's first index (unsigned)
 * @param last       the window's last index (unsigned, inclusive)
 * @param arLastIndex the AR's last index (unsigned), so a view knows the whole range
 */
public record AddressMap(int networkId, int arId, long first, long last, long arLastIndex, int cellShift,
                         List<Cell> cells) {

    /** What uses an address. */
    public enum Kind { FREE, HELD, VM, RESERVED }

    /** The owner of one used address: its kind, its label ({@code VM:12 NIC:0}) and a readable description. */
    public record Owner(Kind kind, String label, String description) {
    }

    /**
     * One cell of AR {@code range}: indexes {@code first..last}, {@code used}
     * of them in use, {@code reserved} of those by reservations (child networks;
     * known for blocks from the children's ranges, 0 at one address per cell
     * where {@code owner} says it); {@code owner} only at one address per cell,
     * empty when free. Address texts are made when asked for, since a map of
     * 1,024 blocks would otherwise spend most of its time formatting addresses
     * nobody points at.
     */
    public record Cell(long first, long last, long used, long reserved, Optional<Owner> owner, AddressRange range) {

        /** The address at the cell's start (IPv4, else IPv6, else MAC). */
        public String from() {
            return range.addressesAt(first).primary();
        }

        /** The address at the cell's end. */
        public String to() {
            return range.addressesAt(last).primary();
        }

        /** The MAC of a single address; empty for a block. */
        public Optional<String> mac() {
            return first == last ? Optional.of(range.addressesAt(first).mac().toString()) : Optional.empty();
        }

        /** How many addresses the cell covers (at most 2^54: a map has at least 1,024 cells for a /64). */
        public long size() {
            return last - first + 1;
        }

        /** The indexes this cell covers. */
        public Window window() {
            return new Window(first, last);
        }

        /** The owner's kind, FREE for a free address or a block (a block has counts, not owners). */
        public Kind kind() {
            return owner.map(Owner::kind).orElse(Kind.FREE);
        }
    }

    /** A window of indexes of one AR (unsigned, inclusive). */
    public record Window(long first, long last) {

        /** The whole range of an AR whose last index is {@code arLastIndex}. */
        public static Window whole(long arLastIndex) {
            return new Window(0, arLastIndex);
        }

        /** How many indexes, as a number (2^64 for a whole /64). */
        public BigInteger size() {
            return new BigInteger(Long.toUnsignedString(last - first)).add(BigInteger.ONE);
        }

        /**
         * The smallest power-of-two cell size (as its log2) that shows this window in at
         * most {@code maxCells} cells.
         */
        public int shiftFor(int maxCells) {
            long span = last - first; // size - 1, fits even for 2^64 indexes
            int shift = 0;
            while (Long.compareUnsigned(span >>> shift, maxCells - 1L) > 0) {
                shift++;
            }
            return shift;
        }

        /**
         * The window to show when zooming into the indexes {@code blockFirst..blockLast}:
         * the block, widened to the aligned run of {@code maxCells} addresses around it
         * when it is smaller (so one zoom from a block of 16 shows 1,024 single
         * addresses, not 16), and cut at the AR's end.
         */
        public static Window zoomInto(long blockFirst, long blockLast, long arLastIndex, int maxCells) {
            long span = blockLast - blockFirst;
            if (Long.compareUnsigned(span, maxCells - 1L) >= 0) {
                return new Window(blockFirst, blockLast);
            }
            long start = blockFirst - Long.remainderUnsigned(blockFirst, maxCells);
            long end = start + maxCells - 1;
            return new Window(start, Long.compareUnsigned(end, arLastIndex) > 0 || Long.compareUnsigned(end, start) < 0
                    ? arLastIndex : end);
        }
    }

    /** The window this map shows. */
    public Window window() {
        return new Window(first, last);
    }

    /** Whether each cell is one address (owners known), rather than an aggregated block. */
    public boolean singleAddresses() {
        return cellShift == 0;
    }

    /** How many addresses one cell covers, as a number (a power of two). */
    public BigInteger cellSize() {
        return BigInteger.ONE.shiftLeft(cellShift);
    }

    /** The sum of the cells' used counts. */
    public long used() {
        return cells.stream().mapToLong(Cell::used).sum();
    }
}
