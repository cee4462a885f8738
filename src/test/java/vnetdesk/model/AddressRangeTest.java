package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** Lease addresses, reverse lookup and attribute form of an AR built directly from its type. */
class AddressRangeTest {

    private static Ipv4 ip(String t) {
        return Ipv4.parse("IP", t);
    }

    private static Ipv6 ip6(String t) {
        return Ipv6.parse("IP6", t);
    }

    private static Mac mac(String t) {
        return Mac.parse("MAC", t);
    }

    private static AddressRange ar(ArType type, String firstMac, long size) {
        return new AddressRange(0, type, mac(firstMac), size - 1, Map.of(), Optional.empty());
    }

    private static final AddressRange IP4 = ar(new ArType.Ip4(ip("10.0.0.1")), "02:00:0a:00:00:01", 10);
    private static final AddressRange SLAAC = ar(new ArType.Ip6(Optional.of(ip6("2001:db8::")),
            Optional.of(ip6("fd00::"))), "02:00:0a:00:00:01", 2);
    private static final AddressRange STATIC = ar(new ArType.Ip6Static(ip6("2001:db8:0:1:ffff:ffff:ffff:fffe"), 64),
            "02:00:00:00:00:10", 4);

    @Test
    void sizeAndContainsIndexTreatTheLastIndexAsUnsigned() {
        AddressRange whole64 = ar(new ArType.Ip6Static(ip6("2001:db8::"), 64), "02:00:00:00:00:01", 0)
                .withLastIndex(-1L);
        assertEquals(BigInteger.ONE.shiftLeft(64), whole64.size());
        assertTrue(whole64.containsIndex(-1L));
        assertTrue(whole64.containsIndex(Long.MIN_VALUE));
        assertEquals(BigInteger.TEN, IP4.size());
        assertTrue(IP4.containsIndex(9));
        assertFalse(IP4.containsIndex(10));
        assertFalse(IP4.containsIndex(-1L));
    }

    @Test
    void addressesAtRefusesAnIndexOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> IP4.addressesAt(10));
        assertThrows(IllegalArgumentException.class, () -> IP4.addressesAt(-1));
    }

    @Test
    void firstAndLastAddressesAreIndexZeroAndLastIndex() {
        assertEquals(IP4.addressesAt(0), IP4.firstAddresses());
        assertEquals(IP4.addressesAt(9), IP4.lastAddresses());
        assertEquals(Optional.of(ip("10.0.0.10")), IP4.lastAddresses().ip());
        assertEquals(mac("02:00:0a:00:00:0a"), IP4.lastAddresses().mac());
    }

    @Test
    void indexOfIpv4IsEmptyOutsideTheRangeOrForTypesWithoutIpv4() {
        assertEquals(OptionalLong.of(0), IP4.indexOf(ip("10.0.0.1")));
        assertEquals(OptionalLong.of(9), IP4.indexOf(ip("10.0.0.10")));
        assertEquals(OptionalLong.empty(), IP4.indexOf(ip("10.0.0.0")));
        assertEquals(OptionalLong.empty(), IP4.indexOf(ip("10.0.0.11")));
        assertEquals(OptionalLong.empty(), IP4.indexOf(ip("0.0.0.0")));
        assertEquals(OptionalLong.empty(), IP4.indexOf(ip("255.255.255.255")));
        assertEquals(OptionalLong.empty(), SLAAC.indexOf(ip("10.0.0.1")));
        assertEquals(OptionalLong.empty(), STATIC.indexOf(ip("10.0.0.1")));
    }

    @Test
    void indexOfMacFollowsTheLow32BitWrapAndChecksThePrefix() {
        AddressRange wrap = ar(new ArType.Ether(), "02:00:ff:ff:ff:fe", 4);
        assertEquals(OptionalLong.of(0), wrap.indexOf(mac("02:00:ff:ff:ff:fe")));
        assertEquals(OptionalLong.of(2), wrap.indexOf(mac("02:00:00:00:00:00")));
        assertEquals(OptionalLong.of(3), wrap.indexOf(mac("02:00:00:00:00:01")));
        assertEquals(OptionalLong.empty(), wrap.indexOf(mac("02:00:00:00:00:02")));
        assertEquals(OptionalLong.empty(), wrap.indexOf(mac("02:00:ff:ff:ff:fd")));
        assertEquals(OptionalLong.empty(), wrap.indexOf(mac("02:01:00:00:00:00")));
        assertEquals(OptionalLong.empty(), wrap.indexOf(mac("00:00:ff:ff:ff:fe")));
    }

    @Test
    void indexOfIpv6FindsSlaacAddressesThroughTheirMac() {
        assertEquals(OptionalLong.of(0), SLAAC.indexOf(ip6("2001:db8::aff:fe00:1")));
        assertEquals(OptionalLong.of(1), SLAAC.indexOf(ip6("2001:db8::aff:fe00:2")));
        assertEquals(OptionalLong.of(1), SLAAC.indexOf(ip6("fd00::aff:fe00:2")));
        assertEquals(OptionalLong.of(0), SLAAC.indexOf(ip6("fe80::aff:fe00:1")));
        assertEquals(OptionalLong.empty(), SLAAC.indexOf(ip6("2001:db8::aff:fe00:3")), "MAC past the range");
        assertEquals(OptionalLong.empty(), SLAAC.indexOf(ip6("2001:db8:0:1::aff:fe00:1")), "other /64");
        assertEquals(OptionalLong.empty(), SLAAC.indexOf(ip6("2001:db8::1")), "not an EUI-64 interface id");
        assertEquals(OptionalLong.empty(), SLAAC.indexOf(ip6("2001:db8::20a:ff:fe00:1")), "other MAC prefix");
    }

    @Test
    void indexOfIpv6IgnoresAPrefixTheArDoesNotHave() {
        AddressRange globalOnly = ar(new ArType.Ip6(Optional.of(ip6("2001:db8::")), Optional.empty()),
                "02:00:0a:00:00:01", 2);
        assertEquals(OptionalLong.empty(), globalOnly.indexOf(ip6("fd00::aff:fe00:1")));
        AddressRange linkOnly = ar(new ArType.Ip6(Optional.empty(), Optional.empty()), "02:00:0a:00:00:01", 2);
        assertEquals(OptionalLong.empty(), linkOnly.indexOf(ip6("2001:db8::aff:fe00:1")));
        assertEquals(OptionalLong.of(1), linkOnly.indexOf(ip6("fe80::aff:fe00:2")));
    }

    @Test
    void indexOfIpv6OfStaticRangesCarriesAcrossThe64BitBoundary() {
        assertEquals(OptionalLong.of(0), STATIC.indexOf(ip6("2001:db8:0:1:ffff:ffff:ffff:fffe")));
        assertEquals(OptionalLong.of(1), STATIC.indexOf(ip6("2001:db8:0:1:ffff:ffff:ffff:ffff")));
        assertEquals(OptionalLong.of(2), STATIC.indexOf(ip6("2001:db8:0:2::")));
        assertEquals(OptionalLong.of(3), STATIC.indexOf(ip6("2001:db8:0:2::1")));
        assertEquals(OptionalLong.empty(), STATIC.indexOf(ip6("2001:db8:0:2::2")));
        assertEquals(OptionalLong.empty(), STATIC.indexOf(ip6("2001:db8:0:1:ffff:ffff:ffff:fffd")));
        assertEquals(OptionalLong.empty(), STATIC.indexOf(ip6("2001:db8:0:3::1")));
        assertEquals(OptionalLong.empty(), STATIC.indexOf(ip6("fe80::ff:fe00:10")), "no SLAAC on static ARs");
    }

    @Test
    void indexOfAddressDispatchesOnTheKind() {
        AddressRange dual = ar(new ArType.Ip4And6(ip("10.0.0.1"), Optional.of(ip6("2001:db8::")), Optional.empty()),
                "02:00:0a:00:00:01", 10);
        assertEquals(OptionalLong.of(4), dual.indexOf(Address.parse("A", "10.0.0.5")));
        assertEquals(OptionalLong.of(4), dual.indexOf(Address.parse("A", "2001:db8::aff:fe00:5")));
        assertEquals(OptionalLong.of(4), dual.indexOf(Address.parse("A", "02:00:0a:00:00:05")));
        assertEquals(OptionalLong.empty(), dual.indexOf(Address.parse("A", "10.0.0.11")));
    }

    @Test
    void toAttributesListsTypeAddressesMacSizeParentThenOverrides() {
        AddressRange r = new AddressRange(3, new ArType.Ip4(ip("10.0.0.1")), mac("02:00:0a:00:00:01"), 9,
                Map.of("GATEWAY", "10.0.0.254"), Optional.of(7));
        assertEquals(List.of(Map.entry("TYPE", "IP4"), Map.entry("IP", "10.0.0.1"),
                Map.entry("MAC", "02:00:0a:00:00:01"), Map.entry("SIZE", "10"), Map.entry("PARENT_NETWORK_AR_ID", "7"),
                Map.entry("GATEWAY", "10.0.0.254")), List.copyOf(r.toAttributes().entrySet()));
    }

    @Test
    void toAttributesOfEveryTypeCarriesItsOwnAddressesOnly() {
        assertEquals(Map.of("TYPE", "IP6", "GLOBAL_PREFIX", "2001:db8::", "ULA_PREFIX", "fd00::",
                "MAC", "02:00:0a:00:00:01", "SIZE", "2"), SLAAC.toAttributes());
        assertEquals(Map.of("TYPE", "IP6_STATIC", "IP6", "2001:db8:0:1:ffff:ffff:ffff:fffe", "PREFIX_LENGTH", "64",
                "MAC", "02:00:00:00:00:10", "SIZE", "4"), STATIC.toAttributes());
        assertEquals(Map.of("TYPE", "IP4_6", "IP", "10.0.0.1", "ULA_PREFIX", "fd00::", "MAC", "02:00:0a:00:00:01",
                "SIZE", "1"), ar(new ArType.Ip4And6(ip("10.0.0.1"), Optional.empty(), Optional.of(ip6("fd00::"))),
                "02:00:0a:00:00:01", 1).toAttributes());
        assertEquals(Map.of("TYPE", "IP4_6_STATIC", "IP", "10.0.0.1", "IP6", "2001:db8::1", "PREFIX_LENGTH", "120",
                "MAC", "02:00:0a:00:00:01", "SIZE", "5"), ar(new ArType.Ip4And6Static(ip("10.0.0.1"),
                ip6("2001:db8::1"), 120), "02:00:0a:00:00:01", 5).toAttributes());
        assertEquals(Map.of("TYPE", "ETHER", "MAC", "02:00:12:34:56:78", "SIZE", "3"),
                ar(new ArType.Ether(), "02:00:12:34:56:78", 3).toAttributes());
        assertEquals("18446744073709551616", STATIC.withLastIndex(-1L).toAttributes().get("SIZE"));
    }

    @Test
    void overrideAttributesAreUpperCasedAndImmutable() {
        AddressRange r = IP4.withAttributes(Map.of("gateway", "10.0.0.254"));
        assertEquals(Map.of("GATEWAY", "10.0.0.254"), r.attributes());
        assertThrows(UnsupportedOperationException.class, () -> r.attributes().put("DNS", "1.1.1.1"));
    }

    @Test
    void withMethodsChangeOnlyTheirPart() {
        AddressRange r = new AddressRange(4, new ArType.Ip4(ip("10.0.0.1")), mac("02:00:0a:00:00:01"), 9,
                Map.of("A", "1"), Optional.of(2));
        AddressRange grown = r.withLastIndex(99);
        assertEquals(99, grown.lastIndex());
        assertEquals(r.withLastIndex(9), r);
        AddressRange retyped = r.withType(new ArType.Ip4(ip("10.0.0.5")));
        assertEquals(Optional.of(ip("10.0.0.5")), retyped.type().firstIp());
        assertEquals(4, retyped.id());
        assertEquals(Optional.of(2), retyped.parentArId());
        assertTrue(retyped.isReservation());
        assertFalse(IP4.isReservation());
    }
}
