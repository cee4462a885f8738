package vnetdesk.model;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The remote side a security rule allows: any address, one block of
 * consecutive IPv4 or IPv6 addresses (attributes IP + SIZE), or every address
 * range of a network (NETWORK_ID, expanded by {@link SecurityRuleExpansion}).
 */
public sealed interface RuleTarget {

    /** No IP, SIZE or NETWORK_ID: every address. */
    record AnyAddress() implements RuleTarget {
    }

    /**
     * {@code size} consecutive addresses from {@code first}, all inside the
     * address space of {@code first} (IPv4 or IPv6; a MAC is refused).
     */
    record Block(Address first, BigInteger size) implements RuleTarget {

        private static final BigInteger IPV4_SPACE = BigInteger.valueOf(Ipv4.SPACE);
        private static final BigInteger IPV6_SPACE = BigInteger.ONE.shiftLeft(128);

        public Block {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(size, "size");
            if (first instanceof Address.Ether) {
                throw ValidationException.invalid("IP", first, "a MAC address; IP takes an IPv4 or IPv6 address");
            }
            if (size.signum() < 1) {
                throw ValidationException.invalid("SIZE", size, "must be at least 1");
            }
            BigInteger room = spaceOf(first).subtract(unsigned(first));
            if (size.compareTo(room) > 0) {
                String family = first instanceof Address.V4 ? "IPv4" : "IPv6";
                String fits = room.equals(BigInteger.ONE) ? "only 1 address fits"
                        : "at most " + room + " addresses fit";
                throw ValidationException.invalid("SIZE", size, "from " + first
                        + " the block would need addresses up to " + first + " + " + size.subtract(BigInteger.ONE)
                        + ", past " + lastOf(first)
                        + " (the end of the " + family + " space); " + fits);
            }
        }

        public static Block of(Ipv4 first, long size) {
            return new Block(new Address.V4(first), BigInteger.valueOf(size));
        }

        public static Block of(Ipv6 first, BigInteger size) {
            return new Block(new Address.V6(first), size);
        }

        public boolean isIpv4() {
            return first instanceof Address.V4;
        }

        public boolean isIpv6() {
            return first instanceof Address.V6;
        }

        /** The block's last address, {@code first + size - 1}. */
        public Address last() {
            BigInteger last = unsigned(first).add(size).subtract(BigInteger.ONE);
            if (first instanceof Address.V4) {
                return new Address.V4(Ipv4.ofUnsigned(last.longValueExact()));
            }
            return new Address.V6(new Ipv6(last.shiftRight(64).longValue(), last.longValue()));
        }

        /** {@code 10.0.0.0-10.0.0.255}, or just the address for a block of one. */
        public String displayText() {
            return size.equals(BigInteger.ONE) ? first.toString() : first + "-" + last();
        }

        private static BigInteger spaceOf(Address a) {
            return a instanceof Address.V4 ? IPV4_SPACE : IPV6_SPACE;
        }

        private static Address lastOf(Address a) {
            return a instanceof Address.V4 ? new Address.V4(new Ipv4(-1)) : new Address.V6(new Ipv6(-1L, -1L));
        }

        private static BigInteger unsigned(Address a) {
            return a instanceof Address.V4 v4 ? BigInteger.valueOf(v4.ip().unsigned())
                    : ((Address.V6) a).ip().toBigInteger();
        }
    }

    /** Every address range of network {@code networkId}. */
    record OfNetwork(int networkId) implements RuleTarget {
        public OfNetwork {
            if (networkId < 0) {
                throw ValidationException.invalid("NETWORK_ID", networkId, "a network id is 0 or more");
            }
        }
    }
}
