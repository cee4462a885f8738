package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each of the six AR types is: its name, its addresses, its limits. */
class ArTypeTest {

    private static final Ipv4 V4 = Ipv4.parse("IP", "10.0.0.1");
    private static final Ipv6 GLOBAL = Ipv6.parse("P", "2001:db8::");
    private static final Ipv6 ULA = Ipv6.parse("P", "fd00::");
    private static final Ipv6 STATIC = Ipv6.parse("IP6", "2001:db8::10");
    private static final Mac MAC = Mac.parse("MAC", "02:00:0a:00:00:06");

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of(new ArType.Ip4(V4), "IP4", true, false, "ip mac"),
                Arguments.of(new ArType.Ip6(Optional.of(GLOBAL), Optional.of(ULA)), "IP6", false, true,
                        "mac global ula link"),
                Arguments.of(new ArType.Ip6Static(STATIC, 64), "IP6_STATIC", false, false, "mac ip6"),
                Arguments.of(new ArType.Ip4And6(V4, Optional.of(GLOBAL), Optional.of(ULA)), "IP4_6", true, true,
                        "ip mac global ula link"),
                Arguments.of(new ArType.Ip4And6Static(V4, STATIC, 64), "IP4_6_STATIC", true, false, "ip mac ip6"),
                Arguments.of(new ArType.Ether(), "ETHER", false, false, "mac"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("types")
    void eachTypeNamesItselfAndHandsOutTheSpecifiedAddressKinds(ArType type, String name, boolean ipv4,
                                                                 boolean slaac, String kinds) {
        assertEquals(name, type.typeName());
        assertEquals(ipv4, type.hasIpv4());
        assertEquals(slaac, type.isSlaac());
        LeaseAddresses a = type.addressesAt(MAC, 5);
        StringBuilder present = new StringBuilder();
        a.ip().ifPresent(x -> present.append("ip "));
        present.append("mac ");
        a.ip6Global().ifPresent(x -> present.append("global "));
        a.ip6Ula().ifPresent(x -> present.append("ula "));
        a.ip6Link().ifPresent(x -> present.append("link "));
        a.ip6().ifPresent(x -> present.append("ip6 "));
        assertEquals(kinds, present.toString().trim());
        assertEquals(MAC, a.mac());
    }

    @Test
    void addressesAtOffsetsTheStartAddressesByTheIndexAndDerivesSlaacFromTheMac() {
        LeaseAddresses dual = new ArType.Ip4And6(V4, Optional.of(GLOBAL), Optional.of(ULA)).addressesAt(MAC, 5);
        assertEquals("10.0.0.6", dual.ip().orElseThrow().toString());
        assertEquals("2001:db8::aff:fe00:6", dual.ip6Global().orElseThrow().toString());
        assertEquals("fd00::aff:fe00:6", dual.ip6Ula().orElseThrow().toString());
        assertEquals("fe80::aff:fe00:6", dual.ip6Link().orElseThrow().toString());
        LeaseAddresses fixed = new ArType.Ip4And6Static(V4, STATIC, 64).addressesAt(MAC, 5);
        assertEquals("10.0.0.6", fixed.ip().orElseThrow().toString());
        assertEquals("2001:db8::15", fixed.ip6().orElseThrow().toString());
    }

    @Test
    void maxSizeIsTheRoomLeftInTheIpv4SpaceForIpv4TypesOnly() {
        Ipv4 edge = Ipv4.parse("IP", "255.255.255.250");
        assertEquals(OptionalLong.of(6), new ArType.Ip4(edge).maxSize());
        assertEquals(OptionalLong.of(6), new ArType.Ip4And6(edge, Optional.empty(), Optional.empty()).maxSize());
        assertEquals(OptionalLong.of(6), new ArType.Ip4And6Static(edge, STATIC, 64).maxSize());
        assertEquals(OptionalLong.of(1L << 32), new ArType.Ip4(Ipv4.parse("IP", "0.0.0.0")).maxSize());
        assertEquals(OptionalLong.empty(), new ArType.Ip6Static(STATIC, 64).maxSize());
        assertEquals(OptionalLong.empty(), new ArType.Ip6(Optional.empty(), Optional.empty()).maxSize());
        assertEquals(OptionalLong.empty(), new ArType.Ether().maxSize());
    }

    @Test
    void startingAtMovesTheStartAddressesOfTypesThatHaveThem() {
        assertEquals(new ArType.Ip4(Ipv4.parse("IP", "10.0.0.6")), new ArType.Ip4(V4).startingAt(5));
        assertEquals(new ArType.Ip6Static(Ipv6.parse("IP6", "2001:db8::15"), 64),
                new ArType.Ip6Static(STATIC, 64).startingAt(5));
        assertEquals(new ArType.Ip4And6(Ipv4.parse("IP", "10.0.0.6"), Optional.of(GLOBAL), Optional.empty()),
                new ArType.Ip4And6(V4, Optional.of(GLOBAL), Optional.empty()).startingAt(5));
        assertEquals(new ArType.Ip4And6Static(Ipv4.parse("IP", "10.0.0.6"), Ipv6.parse("IP6", "2001:db8::15"), 80),
                new ArType.Ip4And6Static(V4, STATIC, 80).startingAt(5));
        ArType slaac = new ArType.Ip6(Optional.of(GLOBAL), Optional.empty());
        assertSame(slaac, slaac.startingAt(5));
        ArType ether = new ArType.Ether();
        assertSame(ether, ether.startingAt(5));
    }

    @Test
    void accessorsExposeStartAddressesPrefixesAndPrefixLength() {
        ArType dualStatic = new ArType.Ip4And6Static(V4, STATIC, 96);
        assertEquals(Optional.of(V4), dualStatic.firstIp());
        assertEquals(Optional.of(STATIC), dualStatic.firstIp6());
        assertEquals(Optional.of(96), dualStatic.prefixLength());
        assertEquals(Optional.empty(), dualStatic.globalPrefix());
        ArType slaac = new ArType.Ip6(Optional.of(GLOBAL), Optional.of(ULA));
        assertEquals(List.of(Optional.of(GLOBAL), Optional.of(ULA), Optional.empty(), Optional.empty()),
                List.of(slaac.globalPrefix(), slaac.ulaPrefix(), slaac.firstIp6(), slaac.prefixLength()));
    }

    @Test
    void primaryAddressPrefersIpv4ThenStaticIpv6ThenGlobalThenUlaThenMac() {
        assertEquals("10.0.0.6", new ArType.Ip4And6Static(V4, STATIC, 64).addressesAt(MAC, 5).primary());
        assertEquals("2001:db8::15", new ArType.Ip6Static(STATIC, 64).addressesAt(MAC, 5).primary());
        assertEquals("2001:db8::aff:fe00:6",
                new ArType.Ip6(Optional.of(GLOBAL), Optional.of(ULA)).addressesAt(MAC, 5).primary());
        assertEquals("fd00::aff:fe00:6",
                new ArType.Ip6(Optional.empty(), Optional.of(ULA)).addressesAt(MAC, 5).primary());
        assertEquals("02:00:0a:00:00:06", new ArType.Ether().addressesAt(MAC, 5).primary());
    }
}
