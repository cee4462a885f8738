package vnetdesk.model;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The type of an address range and the type-specific part of it: the six
 * types of OpenNebula (IP4, IP6, IP6_STATIC, IP4_6, IP4_6_STATIC, ETHER).
 * Each knows which addresses lease {@code i} gets and which index an address
 * has; everything that differs between types lives here.
 */
public sealed interface ArType {

    /** The TYPE attribute value, e.g. {@code IP4_6_STATIC}. */
    String typeName();

    /** Addresses of the lease with the given index (the MAC is computed by the caller). */
    LeaseAddresses addressesAt(Mac mac, long index);

    /** The same type whose first address is this type's address at {@code index} (for reservations). */
    ArType startingAt(long index);

    /** Largest possible size for this type from its start address: IPv4 to 255.255.255.255. */
    default OptionalLong maxSize() {
        return OptionalLong.empty();
    }

    default Optional<Ipv4> firstIp() {
        return Optional.empty();
    }

    default Optional<Ipv6> firstIp6() {
        return Optional.empty();
    }

    default Optional<Ipv6> globalPrefix() {
        return Optional.empty();
    }

    default Optional<Ipv6> ulaPrefix() {
        return Optional.empty();
    }

    default Optional<Integer> prefixLength() {
        return Optional.empty();
    }

    default boolean hasIpv4() {
        return firstIp().isPresent();
    }

    default boolean isSlaac() {
        return false;
    }

    /** IPv4 addresses only. */
    record Ip4(Ipv4 first) implements ArType {
        public ArType startingAt(long index) {
            return new Ip4(first.plus(index));
        }

        public String typeName() {
            return "IP4";
        }

        public LeaseAddresses addressesAt(Mac mac, long index) {
            return new LeaseAddresses(mac, Optional.of(first.plus(index)), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }

        public OptionalLong maxSize() {
            return OptionalLong.of(Ipv4.SPACE - first.unsigned());
        }

        public Optional<Ipv4> firstIp() {
            return Optional.of(first);
        }
    }

    /** IPv6 with SLAAC addresses derived from each lease's MAC. */
    record Ip6(Optional<Ipv6> global, Optional<Ipv6> ula) implements ArType {
        public ArType startingAt(long index) {
            return this;
        }

        public String typeName() {
            return "IP6";
        }

        public LeaseAddresses addressesAt(Mac mac, long index) {
            return Slaac.addresses(mac, Optional.empty(), global, ula);
        }

        public Optional<Ipv6> globalPrefix() {
            return global;
        }

        public Optional<Ipv6> ulaPrefix() {
            return ula;
        }

        public boolean isSlaac() {
            return true;
        }
    }

    /** Fixed 128-bit IPv6 addresses ("IPv6 no-SLAAC"). */
    record Ip6Static(Ipv6 first, int length) implements ArType {
        public ArType startingAt(long index) {
            return new Ip6Static(first.plus(index), length);
        }

        public String typeName() {
            return "IP6_STATIC";
        }

        public LeaseAddresses addressesAt(Mac mac, long index) {
            return new LeaseAddresses(mac, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(first.plus(index)));
        }

        public Optional<Ipv6> firstIp6() {
            return Optional.of(first);
        }

        public Optional<Integer> prefixLength() {
            return Optional.of(length);
        }
    }

    /** Dual stack: IPv4 plus SLAAC IPv6. */
    record Ip4And6(Ipv4 first, Optional<Ipv6> global, Optional<Ipv6> ula) implements ArType {
        public ArType startingAt(long index) {
            return new Ip4And6(first.plus(index), global, ula);
        }

        public String typeName() {
            return "IP4_6";
        }

        public LeaseAddresses addressesAt(Mac mac, long index) {
            return Slaac.addresses(mac, Optional.of(first.plus(index)), global, ula);
        }

        public OptionalLong maxSize() {
            return OptionalLong.of(Ipv4.SPACE - first.unsigned());
        }

        public Optional<Ipv4> firstIp() {
            return Optional.of(first);
        }

        public Optional<Ipv6> globalPrefix() {
            return global;
        }

        public Optional<Ipv6> ulaPrefix() {
            return ula;
        }

        public boolean isSlaac() {
            return true;
        }
    }

    /** Dual stack: IPv4 plus fixed IPv6. */
    record Ip4And6Static(Ipv4 first, Ipv6 first6, int length) implements ArType {
        public ArType startingAt(long index) {
            return new Ip4And6Static(first.plus(index), first6.plus(index), length);
        }

        public String typeName() {
            return "IP4_6_STATIC";
        }

        public LeaseAddresses addressesAt(Mac mac, long index) {
            return new LeaseAddresses(mac, Optional.of(first.plus(index)), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(first6.plus(index)));
        }

        public OptionalLong maxSize() {
            return OptionalLong.of(Ipv4.SPACE - first.unsigned());
        }

        public Optional<Ipv4> firstIp() {
            return Optional.of(first);
        }

        public Optional<Ipv6> firstIp6() {
            return Optional.of(first6);
        }

        public Optional<Integer> prefixLength() {
            return Optional.of(length);
        }
    }

    /** MAC addresses only (an external service hands out IPs). */
    record Ether() implements ArType {
        public ArType startingAt(long index) {
            return this;
        }

        public String typeName() {
            return "ETHER";
        }

        public LeaseAddresses addressesAt(Mac mac, long index) {
            return LeaseAddresses.macOnly(mac);
        }
    }
}
