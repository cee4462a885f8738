package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A NETWORK_ID rule becomes one rule per IP block of the network's address ranges. */
class SecurityRuleExpansionTest {

    private static final String TWO_64 = "18446744073709551616";

    private static Ipv4 ip(String t) {
        return Ipv4.parse("IP", t);
    }

    private static Ipv6 ip6(String t) {
        return Ipv6.parse("IP6", t);
    }

    private static AddressRange ar(int id, ArType type, long size) {
        return new AddressRange(id, type, Mac.of(0x0200, 0x0a00_0000 + 0x100 * id), size - 1, Map.of(),
                Optional.empty());
    }

    static final AddressRange IP4 = ar(0, new ArType.Ip4(ip("10.0.0.1")), 10);
    static final AddressRange DUAL = ar(1, new ArType.Ip4And6(ip("10.0.1.1"), Optional.of(ip6("2001:db8:0:1::")),
            Optional.of(ip6("fd00:0:0:1::"))), 5);
    static final AddressRange DUAL_STATIC = ar(2, new ArType.Ip4And6Static(ip("10.0.2.1"), ip6("2001:db8:2::10"), 64),
            16);
    static final AddressRange STATIC6 = ar(3, new ArType.Ip6Static(ip6("2001:db8:3::10"), 64), 16);
    static final AddressRange SLAAC_GLOBAL = ar(4, new ArType.Ip6(Optional.of(ip6("2001:db8:4::")), Optional.empty()),
            100);
    static final AddressRange SLAAC_SAME_PREFIX = ar(5, new ArType.Ip6(Optional.of(ip6("2001:db8:4::")),
            Optional.empty()), 50);
    static final AddressRange ETHER = ar(6, new ArType.Ether(), 20);
    static final AddressRange WHOLE_STATIC64 = ar(7, new ArType.Ip6Static(ip6("2001:db8:7::"), 64), 1)
            .withLastIndex(-1L);

    static VirtualNetwork network(int id, Optional<Integer> parent, AddressRange... ars) {
        NetworkConf conf = new NetworkConf(Driver.FW, "br0", false, Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, false, AllocationPolicy.LOWEST_FREE);
        return new VirtualNetwork(id, "net" + id, "", List.of(0), new Ownership(0, 0, Permissions.DEFAULT),
                Optional.empty(), conf, Qos.NONE, Map.of(), List.of(0), Arrays.asList(ars), parent, ars.length, 1);
    }

    static SecurityRule rule(String text) {
        return SecurityRule.parse(SecurityRuleTest.attrs(text));
    }

    /** Each expanded rule as "IP/SIZE". */
    static List<String> blocks(List<SecurityRule> rules) {
        return rules.stream().map(r -> r.toAttributes().get("IP") + "/" + r.toAttributes().get("SIZE")).toList();
    }

    static Stream<Arguments> expansions() {
        String all = "PROTOCOL=ALL; RULE_TYPE=INBOUND; NETWORK_ID=5";
        String icmp = "PROTOCOL=ICMP; RULE_TYPE=INBOUND; NETWORK_ID=5; ICMP_TYPE=8";
        String icmp6 = "PROTOCOL=ICMPV6; RULE_TYPE=INBOUND; NETWORK_ID=5";
        return Stream.of(
                Arguments.of("IPv4 AR", List.of(IP4), all, List.of("10.0.0.1/10")),
                Arguments.of("IP4_6 with global and ULA prefix", List.of(DUAL), all,
                        List.of("10.0.1.1/5", "2001:db8:0:1::/" + TWO_64, "fd00:0:0:1::/" + TWO_64)),
                Arguments.of("IP4_6_STATIC", List.of(DUAL_STATIC), all, List.of("10.0.2.1/16", "2001:db8:2::10/16")),
                Arguments.of("IP6_STATIC", List.of(STATIC6), all, List.of("2001:db8:3::10/16")),
                Arguments.of("IP6_STATIC of a whole /64", List.of(WHOLE_STATIC64), all, List.of("2001:db8:7::/" + TWO_64)),
                Arguments.of("IP6 with a global prefix only", List.of(SLAAC_GLOBAL), all,
                        List.of("2001:db8:4::/" + TWO_64)),
                Arguments.of("ETHER", List.of(ETHER), all, List.of()),
                Arguments.of("several ARs in AR order", List.of(IP4, ETHER, STATIC6, DUAL), all, List.of("10.0.0.1/10",
                        "2001:db8:3::10/16", "10.0.1.1/5", "2001:db8:0:1::/" + TWO_64, "fd00:0:0:1::/" + TWO_64)),
                Arguments.of("two SLAAC ARs sharing a prefix give one block", List.of(SLAAC_GLOBAL, SLAAC_SAME_PREFIX),
                        all, List.of("2001:db8:4::/" + TWO_64)),
                Arguments.of("ICMP keeps only IPv4 blocks", List.of(IP4, DUAL, DUAL_STATIC, STATIC6, SLAAC_GLOBAL), icmp,
                        List.of("10.0.0.1/10", "10.0.1.1/5", "10.0.2.1/16")),
                Arguments.of("ICMPV6 keeps only IPv6 blocks", List.of(IP4, DUAL, DUAL_STATIC, STATIC6), icmp6,
                        List.of("2001:db8:0:1::/" + TWO_64, "fd00:0:0:1::/" + TWO_64, "2001:db8:2::10/16",
                                "2001:db8:3::10/16")),
                Arguments.of("ICMP on an IPv6-only network", List.of(STATIC6, SLAAC_GLOBAL), icmp, List.of()),
                Arguments.of("ICMPV6 on an IPv4-only network", List.of(IP4), icmp6, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expansions")
    void aNetworkRuleBecomesOneRulePerIpBlockOfEachAddressRange(String what, List<AddressRange> ars, String rule,
                                                               List<String> expected) {
        VirtualNetwork network = network(5, Optional.empty(), ars.toArray(AddressRange[]::new));
        assertEquals(expected, blocks(SecurityRuleExpansion.expand(rule(rule), network)));
    }

    @Test
    void expandedRulesKeepProtocolDirectionPortsAndIcmpType() {
        VirtualNetwork network = network(5, Optional.empty(), IP4, STATIC6);
        SecurityRule tcp = rule("PROTOCOL=TCP; RULE_TYPE=OUTBOUND; NETWORK_ID=5; RANGE=80:90,22");
        assertEquals(List.of(
                        rule("PROTOCOL=TCP; RULE_TYPE=OUTBOUND; IP=10.0.0.1; SIZE=10; RANGE=22,80:90"),
                        rule("PROTOCOL=TCP; RULE_TYPE=OUTBOUND; IP=2001:db8:3::10; SIZE=16; RANGE=22,80:90")),
                SecurityRuleExpansion.expand(tcp, network));
        SecurityRule ping = rule("PROTOCOL=ICMP; RULE_TYPE=INBOUND; NETWORK_ID=5; ICMP_TYPE=8");
        assertEquals(List.of(rule("PROTOCOL=ICMP; RULE_TYPE=INBOUND; IP=10.0.0.1; SIZE=10; ICMP_TYPE=8")),
                SecurityRuleExpansion.expand(ping, network));
    }

    @Test
    void aSlaacBlockCoversTheWholeSlash64OfItsPrefix() {
        SecurityRule expanded = SecurityRuleExpansion.expand(rule("PROTOCOL=UDP; RULE_TYPE=INBOUND; NETWORK_ID=5"),
                network(5, Optional.empty(), SLAAC_GLOBAL)).get(0);
        assertEquals("inbound UDP all ports from 2001:db8:4::-2001:db8:4:0:ffff:ffff:ffff:ffff", expanded.summary());
    }

    @Test
    void aReservationExpandsToItsOwnAddressRanges() {
        AddressRange reserved = new AddressRange(0, new ArType.Ip4(ip("10.0.0.5")), Mac.of(0x0200, 0x0a00_0005), 1,
                Map.of(), Optional.of(0));
        VirtualNetwork reservation = network(9, Optional.of(5), reserved);
        assertEquals(List.of("10.0.0.5/2"), blocks(SecurityRuleExpansion.expand(
                rule("PROTOCOL=ALL; RULE_TYPE=INBOUND; NETWORK_ID=9"), reservation)));
    }

    @Test
    void aRuleNotTargetingANetworkComesBackAlone() {
        VirtualNetwork network = network(5, Optional.empty(), IP4, DUAL);
        for (String text : List.of("PROTOCOL=TCP; RULE_TYPE=INBOUND; RANGE=22",
                "PROTOCOL=ICMPV6; RULE_TYPE=INBOUND; IP=fd00::; SIZE=256")) {
            SecurityRule r = rule(text);
            assertEquals(List.of(r), SecurityRuleExpansion.expand(r, network));
        }
    }

    @Test
    void expandRefusesTheWrongNetwork() {
        VirtualNetwork other = network(6, Optional.empty(), IP4);
        assertThrows(IllegalArgumentException.class, () -> SecurityRuleExpansion.expand(
                rule("PROTOCOL=ALL; RULE_TYPE=INBOUND; NETWORK_ID=5"), other));
    }
}
