package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Values a network derives from its parts, shown alike by the console and the CLI. */
class VirtualNetworkTest {

    private static AddressRange ether(int id, long lastIndex) {
        return new AddressRange(id, new ArType.Ether(), Mac.of(0x0200, id << 24), lastIndex, Map.of(),
                Optional.empty());
    }

    private static VirtualNetwork withRanges(List<AddressRange> ars) {
        return NetworkAttributes.parse(Map.of("NAME", "n", "VN_MAD", "bridge"))
                .toNetwork(1, new Ownership(0, 0, Permissions.DEFAULT), "br0", false, Optional.empty(),
                        Optional.empty(), List.of(0), ars, Optional.empty(), ars.size(), 0);
    }

    @Test
    void aNetworkWithoutRangesHasNoAddresses() {
        assertEquals(BigInteger.ZERO, withRanges(List.of()).totalSize());
    }

    @Test
    void theTotalSizeAddsUpEveryRange() {
        assertEquals(BigInteger.valueOf(10 + 254), withRanges(List.of(ether(0, 9), ether(1, 253))).totalSize());
    }

    @Test
    void theTotalSizeGoesBeyondALong() {
        // a full static IPv6 /64 holds 2^64 addresses (last index 2^64 - 1, stored as -1)
        assertEquals(BigInteger.ONE.shiftLeft(64).add(BigInteger.TWO),
                withRanges(List.of(ether(0, -1L), ether(1, 1))).totalSize());
    }
}
