package vnetdesk.host.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vnetdesk.model.Address;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.RuleTarget;

class CidrBlocksTest {

    private static List<String> split(String first, String size) {
        return CidrBlocks.split(new RuleTarget.Block(Address.parse("IP", first), new BigInteger(size))).stream()
                .map(CidrBlocks.Cidr::toString).toList();
    }

    @Test
    void theSpecExampleSplitsIntoFiveAlignedBlocks() {
        assertEquals(List.of("10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/30", "10.0.0.8/31", "10.0.0.10/32"),
                split("10.0.0.1", "10"));
    }

    @Test
    void oneAddressIsAHostBlock() {
        assertEquals(List.of("192.0.2.7/32"), split("192.0.2.7", "1"));
        assertEquals(List.of("2001:db8::7/128"), split("2001:db8::7", "1"));
    }

    @Test
    void anAlignedPowerOfTwoIsOneBlock() {
        assertEquals(List.of("10.1.0.0/16"), split("10.1.0.0", "65536"));
        assertEquals(List.of("2001:db8:4::/64"), split("2001:db8:4::", "18446744073709551616"));
    }

    @Test
    void theWholeSpaceIsPrefixZero() {
        List<CidrBlocks.Cidr> v4 = CidrBlocks.split(RuleTarget.Block.of(new Ipv4(0), 1L << 32));
        assertEquals(List.of("0.0.0.0/0"), v4.stream().map(CidrBlocks.Cidr::toString).toList());
        assertTrue(v4.get(0).isWholeSpace());
        assertEquals(List.of("::/0"), split("::", BigInteger.ONE.shiftLeft(128).toString()));
    }

    @Test
    void theWholeSpaceLessOneAddressNeedsOneBlockPerBit() {
        List<String> v4 = split("0.0.0.1", Long.toString((1L << 32) - 1));
        assertEquals(32, v4.size());
        assertEquals("0.0.0.1/32", v4.get(0));
        assertEquals("128.0.0.0/1", v4.get(31));
        assertEquals(128, split("::1", BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE).toString()).size());
    }

    @Test
    void theLastAddressOfEachSpaceIsAHostBlock() {
        assertEquals(List.of("255.255.255.255/32"), split("255.255.255.255", "1"));
        assertEquals(List.of("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"),
                split("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", "2"));
    }

    @Test
    void anIpv6BlockCrossingThe64BitBoundarySplitsExactly() {
        assertEquals(List.of("2001:db8:0:1:ffff:ffff:ffff:ffff/128", "2001:db8:0:2::/128"),
                split("2001:db8:0:1:ffff:ffff:ffff:ffff", "2"));
    }

    @Test
    void ipsetMembersLeaveOutAHostPrefixAsIpsetSavePrintsThem() {
        List<CidrBlocks.Cidr> cidrs = CidrBlocks.split(RuleTarget.Block.of(new Ipv4(0x0a000001), 3));
        assertEquals(List.of("10.0.0.1", "10.0.0.2/31"), cidrs.stream().map(CidrBlocks.Cidr::ipsetMember).toList());
        assertEquals("2001:db8::1", CidrBlocks.split(RuleTarget.Block.of(Ipv6.parse("IP", "2001:db8::1"),
                BigInteger.ONE)).get(0).ipsetMember());
    }

    @Test
    void randomBlocksAreCoveredExactlyByTheFewestAlignedBlocks() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            boolean v6 = random.nextBoolean();
            int bits = v6 ? 128 : 32;
            BigInteger space = BigInteger.ONE.shiftLeft(bits);
            BigInteger first = new BigInteger(bits, random);
            BigInteger room = space.subtract(first);
            BigInteger size = new BigInteger(random.nextInt(bits) + 1, random).mod(room).add(BigInteger.ONE);
            Address start = v6 ? new Address.V6(new Ipv6(first.shiftRight(64).longValue(), first.longValue()))
                    : new Address.V4(Ipv4.ofUnsigned(first.longValueExact()));
            List<CidrBlocks.Cidr> cidrs = CidrBlocks.split(new RuleTarget.Block(start, size));

            BigInteger next = first;
            int previousPrefix = -1;
            boolean shrinking = false;
            for (CidrBlocks.Cidr c : cidrs) {
                BigInteger at = value(c.first());
                assertEquals(next, at, "blocks must be contiguous");
                int hostBits = bits - c.prefixLength();
                assertTrue(at.getLowestSetBit() >= hostBits || at.signum() == 0, "block " + c + " must be aligned");
                // minimal: prefixes first get shorter (blocks grow), then longer; never the same twice in a row
                // while growing, or two halves could have been one block
                if (previousPrefix >= 0) {
                    if (c.prefixLength() == previousPrefix) {
                        BigInteger pair = at.subtract(BigInteger.ONE.shiftLeft(hostBits));
                        assertFalse(pair.signum() == 0 || pair.getLowestSetBit() > hostBits,
                                "two equal blocks before " + c + " form one aligned block in " + cidrs);
                    }
                    if (c.prefixLength() > previousPrefix) {
                        shrinking = true;
                    }
                    assertFalse(shrinking && c.prefixLength() < previousPrefix, "blocks grow after shrinking in "
                            + cidrs);
                }
                previousPrefix = c.prefixLength();
                next = at.add(BigInteger.ONE.shiftLeft(hostBits));
            }
            assertEquals(first.add(size), next, "blocks must end where the range ends");
            assertTrue(cidrs.size() <= 2 * bits, "at most two blocks per bit");
        }
    }

    private static BigInteger value(Address a) {
        return a instanceof Address.V4 v4 ? BigInteger.valueOf(v4.ip().unsigned()) : ((Address.V6) a).ip().toBigInteger();
    }
}
