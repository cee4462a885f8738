package vnetdesk.host.desired;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import vnetdesk.model.Address;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.RuleTarget;

/**
 * Splits a block of consecutive addresses (a rule's IP + SIZE) into the
 * fewest aligned CIDR blocks that cover exactly it, in address order:
 * 10.0.0.1 + 10 → .1/32, .2/31, .4/30, .8/31, .10/32. An ipset holds CIDR
 * blocks, not ranges.
 */
public final class CidrBlocks {

    /** One aligned block; {@link #ipsetMember} is how {@code ipset save} prints it. */
    public record Cidr(Address first, int prefixLength) {

        public boolean isIpv4() {
            return first instanceof Address.V4;
        }

        /** The whole address space of its family ({@code /0}), which an ipset cannot hold. */
        public boolean isWholeSpace() {
            return prefixLength == 0;
        }

        /** {@code 10.0.0.2/31}; a single address without its prefix, as {@code ipset save} prints it. */
        public String ipsetMember() {
            return prefixLength == bits(first) ? first.toString() : first + "/" + prefixLength;
        }

        @Override
        public String toString() {
            return first + "/" + prefixLength;
        }
    }

    private CidrBlocks() {
    }

    public static List<Cidr> split(RuleTarget.Block block) {
        int bits = bits(block.first());
        BigInteger start = unsigned(block.first());
        BigInteger remaining = block.size();
        List<Cidr> out = new ArrayList<>();
        while (remaining.signum() > 0) {
            // the largest block that starts here aligned and does not run past the end
            int alignment = start.signum() == 0 ? bits : start.getLowestSetBit();
            int fits = remaining.bitLength() - 1;
            int hostBits = Math.min(alignment, fits);
            out.add(new Cidr(address(block.first(), start), bits - hostBits));
            BigInteger step = BigInteger.ONE.shiftLeft(hostBits);
            start = start.add(step);
            remaining = remaining.subtract(step);
        }
        return out;
    }

    private static int bits(Address a) {
        return a instanceof Address.V4 ? 32 : 128;
    }

    private static BigInteger unsigned(Address a) {
        return a instanceof Address.V4 v4 ? BigInteger.valueOf(v4.ip().unsigned()) : ((Address.V6) a).ip().toBigInteger();
    }

    private static Address address(Address family, BigInteger value) {
        if (family instanceof Address.V4) {
            return new Address.V4(Ipv4.ofUnsigned(value.longValueExact()));
        }
        return new Address.V6(new Ipv6(value.shiftRight(64).longValue(), value.longValue()));
    }
}
