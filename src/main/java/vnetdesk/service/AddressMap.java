package vnetdesk.service;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.AddressRange;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.LeaseAddresses;

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
            // shift < 64: in Java a shift by 64 is a shift by 0
            while (shift < 64 && Long.compareUnsigned(span >>> shift, maxCells - 1L) > 0) {
                shift++;
            }
            return shift;
        }

        /**
         * The window to show when zooming into {@code cell}: the block itself, or,
         * when it is smaller than {@code maxCells} addresses, the run of
         * {@code maxCells} addresses around it that starts on an address boundary
         * (10.1.0.0 – 10.1.3.255: one zoom from a block of 16 shows 1,024 single
         * addresses, not 16), cut at the AR's ends.
         */
        public static Window zoomInto(Cell cell, int maxCells) {
            if (Long.compareUnsigned(cell.last() - cell.first(), maxCells - 1L) >= 0) {
                return cell.window();
            }
            long before = Long.remainderUnsigned(addressBits(cell.range(), cell.first()), maxCells);
            long start = Long.compareUnsigned(before, cell.first()) > 0 ? 0 : cell.first() - before;
            long end = cell.first() + (maxCells - 1 - before);
            long arLast = cell.range().lastIndex();
            return new Window(start, Long.compareUnsigned(end, arLast) > 0 || Long.compareUnsigned(end, cell.first()) < 0
                    ? arLast : end);
        }
    }

    /**
     * The low 64 bits of the address at {@code index} (IPv4, else static IPv6,
     * else MAC, which SLAAC and Ethernet ranges count by): cells start where
     * these are a multiple of the cell size.
     */
    public static long addressBits(AddressRange ar, long index) {
        LeaseAddresses a = ar.addressesAt(index);
        return a.ip().map(Ipv4::unsigned).or(() -> a.ip6().map(Ipv6::low)).orElse(a.mac().value());
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
