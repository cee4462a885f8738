package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static vnetdesk.model.SecurityRuleTest.TWO_128;
import static vnetdesk.model.SecurityRuleTest.rule;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import vnetdesk.model.SecurityRule.Direction;
import vnetdesk.model.SecurityRule.Protocol;

/** A rule as a value: its one-line summary, equality, duplicate removal and the invariants its constructor keeps. */
class SecurityRuleValueTest {

    private static final RuleTarget ANY = new RuleTarget.AnyAddress();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " => ", textBlock = """
            PROTOCOL=TCP; RULE_TYPE=INBOUND; RANGE=80:90,22  => inbound TCP ports 22, 80-90 from any address
            PROTOCOL=TCP; RULE_TYPE=INBOUND; RANGE=22        => inbound TCP port 22 from any address
            PROTOCOL=TCP; RULE_TYPE=OUTBOUND; RANGE=80:90    => outbound TCP ports 80-90 to any address
            PROTOCOL=UDP; RULE_TYPE=INBOUND; IP=2001:db8::; SIZE=256 => inbound UDP all ports from 2001:db8::-2001:db8::ff
            PROTOCOL=ICMP; RULE_TYPE=OUTBOUND; ICMP_TYPE=8; IP=10.0.0.0; SIZE=256 => outbound ICMP echo-request (8) to 10.0.0.0-10.0.0.255
            PROTOCOL=ICMP; RULE_TYPE=INBOUND; ICMP_TYPE=0    => inbound ICMP echo-reply (0) from any address
            PROTOCOL=ICMP; RULE_TYPE=INBOUND; ICMP_TYPE=3    => inbound ICMP destination-unreachable (3) from any address
            PROTOCOL=ICMP; RULE_TYPE=INBOUND; ICMP_TYPE=11   => inbound ICMP time-exceeded (11) from any address
            PROTOCOL=ICMP; RULE_TYPE=INBOUND; ICMP_TYPE=18   => inbound ICMP address-mask-reply (18) from any address
            PROTOCOL=ICMP; RULE_TYPE=INBOUND                 => inbound ICMP all types from any address
            PROTOCOL=ICMPV6; RULE_TYPE=INBOUND; ICMPV6_TYPE=2 => inbound ICMPv6 packet-too-big (2) from any address
            PROTOCOL=ICMPV6; RULE_TYPE=INBOUND; ICMPV6_TYPE=128 => inbound ICMPv6 echo-request (128) from any address
            PROTOCOL=ICMPV6; RULE_TYPE=OUTBOUND; ICMPV6_TYPE=129; IP=fd00::1; SIZE=1 => outbound ICMPv6 echo-reply (129) to fd00::1
            PROTOCOL=ALL; RULE_TYPE=INBOUND; NETWORK_ID=3    => inbound all protocols from network 3 (each of its address ranges)
            PROTOCOL=IPSEC; RULE_TYPE=OUTBOUND; IP=10.0.0.5; SIZE=1 => outbound IPsec to 10.0.0.5
            """)
    void summaryIsOneReadableLine(String given, String summary) {
        assertEquals(summary, rule(given).summary());
    }

    @Test
    void everyIcmpTypeHasAName() {
        assertEquals(13, Protocol.ICMP.icmpTypeNames().size());
        assertEquals(List.of(1, 2, 3, 4, 128, 129), List.copyOf(Protocol.ICMPV6.icmpTypeNames().keySet()));
        assertEquals("destination-unreachable", Protocol.ICMPV6.icmpTypeNames().get(1));
        assertEquals(Optional.empty(), Protocol.TCP.icmpTypeAttribute());
    }

    @Test
    void theWholeIpv6SpaceIsOneBlockEndingAtTheLastAddress() {
        RuleTarget.Block b = (RuleTarget.Block) rule("PROTOCOL=TCP; RULE_TYPE=INBOUND; IP=::; SIZE=" + TWO_128).target();
        assertEquals(new Address.V6(new Ipv6(-1L, -1L)), b.last());
        assertEquals("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", b.displayText());
    }

    @Test
    void rulesDifferingOnlyInPortOrderOrDuplicatesAreEqual() {
        SecurityRule a = new SecurityRule(Protocol.TCP, Direction.INBOUND, ANY,
                List.of(new PortRange(80, 90), PortRange.single(22), PortRange.single(22)), Optional.empty());
        SecurityRule b = new SecurityRule(Protocol.TCP, Direction.INBOUND, ANY,
                List.of(PortRange.single(22), new PortRange(80, 90)), Optional.empty());
        assertEquals(b, a);
        assertEquals(b.hashCode(), a.hashCode());
        assertEquals(List.of(PortRange.single(22), new PortRange(80, 90)), a.ports());
        assertNotEquals(b, b.withTarget(new RuleTarget.OfNetwork(1)));
    }

    @Test
    void withoutDuplicatesKeepsTheFirstOfEqualRulesInOrder() {
        SecurityRule web = rule("PROTOCOL=TCP; RULE_TYPE=INBOUND; RANGE=22,80");
        SecurityRule webAgain = rule("PROTOCOL=tcp; RULE_TYPE=inbound; RANGE=80, 22, 80");
        SecurityRule ping = rule("PROTOCOL=ICMP; RULE_TYPE=INBOUND; ICMP_TYPE=8");
        SecurityRule out = SecurityRule.of(Protocol.ALL, Direction.OUTBOUND);
        assertEquals(List.of(web, ping, out), SecurityRule.withoutDuplicates(List.of(web, ping, webAgain, out, ping)));
        assertEquals(List.of(), SecurityRule.withoutDuplicates(List.of()));
    }

    static Stream<Arguments> invalidConstructions() {
        RuleTarget v6 = RuleTarget.Block.of(Ipv6.parse("IP", "2001:db8::"), BigInteger.TEN);
        List<PortRange> sixteen = IntStream.rangeClosed(1, 16).mapToObj(PortRange::single).toList();
        return Stream.of(
                Arguments.of("ports on ICMP", "RANGE", "RANGE: invalid value \"22\": only TCP and UDP rules have ports"
                        + " (PROTOCOL is ICMP)", (Executable) () -> new SecurityRule(Protocol.ICMP, Direction.INBOUND,
                        ANY, List.of(PortRange.single(22)), Optional.empty())),
                Arguments.of("16 ports", "RANGE", "RANGE: invalid value \"" + SecurityRuleTest.ports(16) + "\": counts"
                        + " as 16 ports, iptables multiport takes at most 15 (a range counts 2)", (Executable) () ->
                        new SecurityRule(Protocol.TCP, Direction.INBOUND, ANY, sixteen, Optional.empty())),
                Arguments.of("type on TCP", "ICMP_TYPE", "ICMP_TYPE: invalid value \"8\": only ICMP rules have"
                        + " ICMP_TYPE (PROTOCOL is TCP)", (Executable) () -> new SecurityRule(Protocol.TCP,
                        Direction.INBOUND, ANY, List.of(), Optional.of(8))),
                Arguments.of("unlisted ICMPv6 type", "ICMPV6_TYPE", "ICMPV6_TYPE: invalid value \"8\": expected one"
                        + " of 1, 2, 3, 4, 128, 129", (Executable) () -> new SecurityRule(Protocol.ICMPV6,
                        Direction.INBOUND, ANY, List.of(), Optional.of(8))),
                Arguments.of("ICMP to IPv6", "IP", "IP: invalid value \"2001:db8::\": an IPv6 address cannot match"
                        + " ICMP; use PROTOCOL ICMPV6", (Executable) () -> new SecurityRule(Protocol.ICMP,
                        Direction.INBOUND, v6, List.of(), Optional.empty())),
                Arguments.of("port 65536", "RANGE", "RANGE: invalid value \"65536\": port 65536 is outside 0-65535",
                        (Executable) () -> PortRange.single(65536)),
                Arguments.of("port -1", "RANGE", "RANGE: invalid value \"-1:5\": port -1 is outside 0-65535",
                        (Executable) () -> new PortRange(-1, 5)),
                Arguments.of("range 10:5", "RANGE", "RANGE: invalid value \"10:5\": port range 10:5 begins after it"
                        + " ends", (Executable) () -> new PortRange(10, 5)),
                Arguments.of("MAC block", "IP", "IP: invalid value \"02:00:00:00:00:01\": a MAC address; IP takes an"
                        + " IPv4 or IPv6 address", (Executable) () -> new RuleTarget.Block(new Address.Ether(
                        Mac.parse("MAC", "02:00:00:00:00:01")), BigInteger.ONE)),
                Arguments.of("empty block", "SIZE", "SIZE: invalid value \"0\": must be at least 1",
                        (Executable) () -> RuleTarget.Block.of(Ipv4.parse("IP", "10.0.0.0"), 0)),
                Arguments.of("block past the IPv4 space", "SIZE", "SIZE: invalid value \"2\": from 255.255.255.255 the"
                        + " block would need addresses up to 255.255.255.255 + 1, past 255.255.255.255 (the end of the"
                        + " IPv4 space); only 1 address fits",
                        (Executable) () -> RuleTarget.Block.of(Ipv4.parse("IP", "255.255.255.255"), 2)),
                Arguments.of("network -1", "NETWORK_ID", "NETWORK_ID: invalid value \"-1\": a network id is 0 or more",
                        (Executable) () -> new RuleTarget.OfNetwork(-1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConstructions")
    void theConstructorsRefuseWhatParseRefuses(String what, String field, String message, Executable construct) {
        ValidationException e = assertThrowsExactly(ValidationException.class, construct);
        assertEquals(Optional.of(field), e.field());
        assertEquals(message, e.getMessage());
    }

    @Test
    void aPortCostsOneMultiportSlotAndARangeTwo() {
        assertEquals(1, PortRange.single(65535).multiportCost());
        assertEquals(1, new PortRange(22, 22).multiportCost());
        assertEquals(2, new PortRange(0, 1).multiportCost());
        assertEquals("80:90", new PortRange(80, 90).toString());
        assertEquals("22", PortRange.single(22).toString());
        assertEquals("80-90", new PortRange(80, 90).displayText());
    }
}
