package vnetdesk.model;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One contiguous address range of a network. Lease {@code i} (0 ≤ i ≤ lastIndex)
 * gets MAC {@code firstMac + i} (low 32 bits, no carry into the prefix) and the
 * type's addresses at offset {@code i}. Indexes are unsigned 64-bit values so a
 * static IPv6 /64 fits; {@code lastIndex} is used instead of a size because a
 * size of 2^64 does not fit a long.
 *
 * @param attributes the AR's other attributes (GATEWAY, DNS, SECURITY_GROUPS, …)
 *                   that override the network's for its leases; upper-case keys
 * @param parentArId for a reservation: the AR of the parent network it was taken from
 */
public record AddressRange(int id, ArType type, Mac firstMac, long lastIndex, Map<String, String> attributes,
                           Optional<Integer> parentArId) {

    public AddressRange {
        attributes = Attributes.copyOf(attributes);
    }

    public static BigInteger sizeOf(long lastIndex) {
        return new BigInteger(Long.toUnsignedString(lastIndex)).add(BigInteger.ONE);
    }

    public BigInteger size() {
        return sizeOf(lastIndex);
    }

    /**
     * Whether this range has more leases than MACs (only static IPv6 ranges can):
     * its MACs repeat every 2^32 leases, so a MAC alone does not identify a lease.
     */
    public boolean macsRepeat() {
        return Long.compareUnsigned(lastIndex, 0xFFFF_FFFFL) > 0;
    }

    public boolean containsIndex(long index) {
        return Long.compareUnsigned(index, lastIndex) <= 0;
    }

    public LeaseAddresses addressesAt(long index) {
        if (!containsIndex(index)) {
            throw new IllegalArgumentException("index " + Long.toUnsignedString(index) + " outside AR " + id);
        }
        return type.addressesAt(firstMac.plus(index), index);
    }

    public LeaseAddresses firstAddresses() {
        return addressesAt(0);
    }

    public LeaseAddresses lastAddresses() {
        return addressesAt(lastIndex);
    }

    public OptionalLong indexOf(Ipv4 ip) {
        Optional<Ipv4> first = type.firstIp();
        if (first.isEmpty()) {
            return OptionalLong.empty();
        }
        long d = ip.unsigned() - first.get().unsigned();
        return d >= 0 && containsIndex(d) ? OptionalLong.of(d) : OptionalLong.empty();
    }

    public OptionalLong indexOf(Mac mac) {
        if (mac.prefix16() != firstMac.prefix16()) {
            return OptionalLong.empty();
        }
        long d = Integer.toUnsignedLong(mac.low32() - firstMac.low32());
        return containsIndex(d) ? OptionalLong.of(d) : OptionalLong.empty();
    }

    public OptionalLong indexOf(Ipv6 ip) {
        Optional<Ipv6> first = type.firstIp6();
        if (first.isPresent()) {
            Ipv6 f = first.get();
            long lowDiff = ip.low() - f.low();
            long borrow = Long.compareUnsigned(ip.low(), f.low()) < 0 ? 1 : 0;
            long highDiff = ip.high() - f.high() - borrow;
            return highDiff == 0 && containsIndex(lowDiff) ? OptionalLong.of(lowDiff) : OptionalLong.empty();
        }
        if (!type.isSlaac()) {
            return OptionalLong.empty();
        }
        boolean prefixMatches = ip.high() == Ipv6.LINK_LOCAL_PREFIX.high()
                || type.globalPrefix().map(p -> p.high() == ip.high()).orElse(false)
                || type.ulaPrefix().map(p -> p.high() == ip.high()).orElse(false);
        if (!prefixMatches) {
            return OptionalLong.empty();
        }
        return Slaac.macOf(ip.low()).map(this::indexOf).orElse(OptionalLong.empty());
    }

    /** Index of any address kind (IPv4, IPv6, MAC). */
    public OptionalLong indexOf(Address address) {
        if (address instanceof Address.V4 v4) {
            return indexOf(v4.ip());
        }
        if (address instanceof Address.V6 v6) {
            return indexOf(v6.ip());
        }
        return indexOf(((Address.Ether) address).mac());
    }

    /**
     * The AR as OpenNebula attributes: TYPE, the type's start addresses and
     * prefixes, MAC, SIZE, PARENT_NETWORK_AR_ID for reservations, then the
     * override attributes.
     */
    public Map<String, String> toAttributes() {
        Map<String, String> a = new java.util.LinkedHashMap<>();
        a.put("TYPE", type.typeName());
        type.firstIp().ifPresent(ip -> a.put("IP", ip.toString()));
        type.firstIp6().ifPresent(ip -> a.put("IP6", ip.toString()));
        type.prefixLength().ifPresent(len -> a.put("PREFIX_LENGTH", len.toString()));
        type.globalPrefix().ifPresent(p -> a.put("GLOBAL_PREFIX", p.toString()));
        type.ulaPrefix().ifPresent(p -> a.put("ULA_PREFIX", p.toString()));
        a.put("MAC", firstMac.toString());
        a.put("SIZE", size().toString());
        parentArId.ifPresent(p -> a.put("PARENT_NETWORK_AR_ID", p.toString()));
        a.putAll(attributes);
        return a;
    }

    public boolean isReservation() {
        return parentArId.isPresent();
    }

    public AddressRange withLastIndex(long newLastIndex) {
        return new AddressRange(id, type, firstMac, newLastIndex, attributes, parentArId);
    }

    public AddressRange withType(ArType newType) {
        return new AddressRange(id, newType, firstMac, lastIndex, attributes, parentArId);
    }

    public AddressRange withAttributes(Map<String, String> newAttributes) {
        return new AddressRange(id, type, firstMac, lastIndex, newAttributes, parentArId);
    }
}
