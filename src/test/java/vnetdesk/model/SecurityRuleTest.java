package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule of the spec for a security group rule's attributes: what parse
 * accepts (and prints back canonically) and what it refuses, with the field
 * and the exact message.
 */
class SecurityRuleTest {

    static final String TCP_IN = "PROTOCOL=TCP; RULE_TYPE=INBOUND; ";
    static final String TWO_128 = "340282366920938463463374607431768211456";
    private static final String KNOWN = "PROTOCOL, RULE_TYPE, IP, SIZE, RANGE, ICMP_TYPE, ICMPV6_TYPE, NETWORK_ID";
    private static final String LAST_V6 = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";

    /** {@code "PROTOCOL=TCP; RANGE= 22 , 80"} as an ordered map (values keep inner blanks). */
    static Map<String, String> attrs(String text) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            String p = pair.trim();
            int eq = p.indexOf('=');
            a.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return a;
    }

    static SecurityRule rule(String text) {
        return SecurityRule.parse(attrs(text));
    }

    /** "1,2,…,n" */
    static String ports(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** "100:101,102:103,…" with n ranges. */
    static String ranges(int n) {
        return IntStream.range(0, n).mapToObj(i -> (100 + 2 * i) + ":" + (101 + 2 * i)).collect(Collectors.joining(","));
    }

    // ---- accepted -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            protocol=tcp; rule_type=inbound           => PROTOCOL=TCP;RULE_TYPE=INBOUND
            PROTOCOL= Udp ; RULE_TYPE= Outbound       => PROTOCOL=UDP;RULE_TYPE=OUTBOUND
            PROTOCOL=all; RULE_TYPE=INBOUND           => PROTOCOL=ALL;RULE_TYPE=INBOUND
            PROTOCOL=IPsec; RULE_TYPE=OUTBOUND        => PROTOCOL=IPSEC;RULE_TYPE=OUTBOUND
            PROTOCOL=icmp; RULE_TYPE=INBOUND          => PROTOCOL=ICMP;RULE_TYPE=INBOUND
            PROTOCOL=icmpv6; RULE_TYPE=INBOUND        => PROTOCOL=ICMPV6;RULE_TYPE=INBOUND
            PROTOCOL=ALL; RULE_TYPE=INBOUND; NETWORK_ID=0 => PROTOCOL=ALL;RULE_TYPE=INBOUND;NETWORK_ID=0
            PROTOCOL=TCP; RULE_TYPE=INBOUND; NETWORK_ID= 3 => PROTOCOL=TCP;RULE_TYPE=INBOUND;NETWORK_ID=3
            icmpv6_type=1; network_id=2147483647; Rule_Type=inbound; Protocol=icmpv6 => PROTOCOL=ICMPV6;RULE_TYPE=INBOUND;NETWORK_ID=2147483647;ICMPV6_TYPE=1
            PROTOCOL=ICMP; RULE_TYPE=INBOUND; IP=10.0.0.1; SIZE=1; ICMP_TYPE=8 => PROTOCOL=ICMP;RULE_TYPE=INBOUND;IP=10.0.0.1;SIZE=1;ICMP_TYPE=8
            PROTOCOL=ICMPV6; RULE_TYPE=INBOUND; IP=fd00::; SIZE=1; ICMPV6_TYPE=128 => PROTOCOL=ICMPV6;RULE_TYPE=INBOUND;IP=fd00::;SIZE=1;ICMPV6_TYPE=128
            PROTOCOL=TCP; RULE_TYPE=INBOUND; RANGE=; IP= ; SIZE= => PROTOCOL=TCP;RULE_TYPE=INBOUND
            """)
    void parseReadsNamesAndValuesInAnyCaseAndPrintsThemCanonically(String given, String canonical) {
        assertCanonical(given, canonical);
    }

    @ParameterizedTest(name = "IP={0} SIZE={1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0              | 256        | IP=10.0.0.0;SIZE=256
            255.255.255.255       | 1          | IP=255.255.255.255;SIZE=1
            255.255.255.0         | 256        | IP=255.255.255.0;SIZE=256
            0.0.0.0               | 4294967296 | IP=0.0.0.0;SIZE=4294967296
            2001:DB8:0::          | 0256       | IP=2001:db8::;SIZE=256
            ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 1 | IP=ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff;SIZE=1
            ::                    | 340282366920938463463374607431768211456 | IP=::;SIZE=340282366920938463463374607431768211456
            """)
    void parseAcceptsABlockThatFitsItsAddressSpace(String ip, String size, String canonical) {
        assertCanonical(TCP_IN + "IP=" + ip + "; SIZE=" + size, "PROTOCOL=TCP;RULE_TYPE=INBOUND;" + canonical);
    }

    @ParameterizedTest(name = "RANGE={0}")
    @CsvSource(delimiter = '|', textBlock = """
            22                        | 22
            ' 22 , 80:90 ,1024:65535 ' | 22,80:90,1024:65535
            80:90,22,22,80:90         | 22,80:90
            22:22                     | 22
            0,65535                   | 0,65535
            0:65535                   | 0:65535
            080                       | 80
            80:90,85                  | 80:90,85
            """)
    void parseAcceptsPortsSortedWithoutDuplicates(String range, String canonical) {
        assertCanonical(TCP_IN + "RANGE=" + range, "PROTOCOL=TCP;RULE_TYPE=INBOUND;RANGE=" + canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            15 single ports          => 15
            7 ranges and one port    => 15
            16 items, one duplicated => 15
            8 ranges, one duplicated => 14
            """)
    void fifteenMultiportSlotsAreAcceptedCountingARangeAsTwoAfterDuplicatesGo(String what, int cost) {
        String range = switch (what) {
            case "15 single ports" -> ports(15);
            case "7 ranges and one port" -> ranges(7) + ",9";
            case "16 items, one duplicated" -> ports(15) + ",15";
            default -> ranges(7) + ",100:101";
        };
        SecurityRule r = rule(TCP_IN + "RANGE=" + range);
        assertEquals(cost, r.ports().stream().mapToInt(PortRange::multiportCost).sum());
        assertEquals(r, SecurityRule.parse(r.toAttributes()));
    }

    @ParameterizedTest(name = "ICMP_TYPE {0}")
    @ValueSource(ints = {0, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 17, 18})
    void everyListedIcmpTypeIsAccepted(int type) {
        assertEquals(Optional.of(type), rule("PROTOCOL=ICMP; RULE_TYPE=INBOUND; ICMP_TYPE=" + type).icmpType());
    }

    @ParameterizedTest(name = "ICMPV6_TYPE {0}")
    @ValueSource(ints = {1, 2, 3, 4, 128, 129})
    void everyListedIcmpv6TypeIsAccepted(int type) {
        assertEquals(Optional.of(type), rule("PROTOCOL=ICMPV6; RULE_TYPE=INBOUND; ICMPV6_TYPE=" + type).icmpType());
    }

    // ---- refused --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            RULE_TYPE=INBOUND                => PROTOCOL  => PROTOCOL: required attribute is missing
            PROTOCOL= ; RULE_TYPE=INBOUND    => PROTOCOL  => PROTOCOL: required attribute is missing
            PROTOCOL=SCTP; RULE_TYPE=INBOUND => PROTOCOL  => PROTOCOL: invalid value "SCTP": expected one of ALL, TCP, UDP, ICMP, ICMPV6, IPSEC
            PROTOCOL=TCP                     => RULE_TYPE => RULE_TYPE: required attribute is missing
            PROTOCOL=TCP; RULE_TYPE=IN       => RULE_TYPE => RULE_TYPE: invalid value "IN": expected one of INBOUND, OUTBOUND
            protocol=tcp; PROTOCOL=udp       => PROTOCOL  => PROTOCOL: invalid value "udp": given twice (attribute names ignore case)
            """)
    void parseRefusesAMissingOrUnknownProtocolOrDirection(String given, String field, String message) {
        assertRefused(given, field, message);
    }

    @ParameterizedTest(name = "IP={0} SIZE={1}")
    @CsvSource(delimiter = '|', textBlock = """
            02:00:0a:00:00:01 | 1   | IP   | a MAC address; IP takes an IPv4 or IPv6 address
            10.0.0            | 1   | IP   | an IPv4 address has 4 octets
            10.0.0.0/24       | 1   | IP   | not a dotted-quad IPv4 address
            2001:db8::g       | 1   | IP   | not an IPv6 address
            gateway           | 1   | IP   | expected an IPv4 or IPv6 address
            10.0.0.0          | 0   | SIZE | must be at least 1
            10.0.0.0          | -1  | SIZE | expected a whole number of addresses, at least 1
            10.0.0.0          | 1e3 | SIZE | expected a whole number of addresses, at least 1
            ::                | 1000000000000000000000000000000000000000 | SIZE | more addresses than the IPv6 space (2^128) has
            """)
    void parseRefusesABadAddressOrSize(String ip, String size, String field, String reason) {
        String value = field.equals("IP") ? ip : size;
        assertRefused(TCP_IN + "IP=" + ip + "; SIZE=" + size, field,
                field + ": invalid value \"" + value + "\": " + reason);
    }

    static Stream<Arguments> blocksPastTheEndOfTheirSpace() {
        return Stream.of(
                Arguments.of("255.255.255.0", "257", "255.255.255.0 + 256, past 255.255.255.255 (the end of the IPv4"
                        + " space); at most 256 addresses fit"),
                Arguments.of("255.255.255.255", "2", "255.255.255.255 + 1, past 255.255.255.255 (the end of the IPv4"
                        + " space); only 1 address fits"),
                Arguments.of("0.0.0.0", "4294967297", "0.0.0.0 + 4294967296, past 255.255.255.255 (the end of the IPv4"
                        + " space); at most 4294967296 addresses fit"),
                Arguments.of(LAST_V6, "2", LAST_V6 + " + 1, past " + LAST_V6 + " (the end of the IPv6 space); only 1"
                        + " address fits"),
                Arguments.of("::1", TWO_128, "::1 + 340282366920938463463374607431768211455, past " + LAST_V6
                        + " (the end of the IPv6 space); at most 340282366920938463463374607431768211455 addresses fit"));
    }

    @ParameterizedTest(name = "IP={0} SIZE={1}")
    @MethodSource("blocksPastTheEndOfTheirSpace")
    void parseRefusesABlockPastTheEndOfItsSpaceNamingItsLastAddress(String ip, String size, String lastNeeded) {
        assertRefused(TCP_IN + "IP=" + ip + "; SIZE=" + size, "SIZE", "SIZE: invalid value \"" + size + "\": from "
                + ip + " the block would need addresses up to " + lastNeeded);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            IP=10.0.0.0                  => SIZE       => SIZE: required with IP "10.0.0.0" (how many addresses from IP the rule covers)
            SIZE=10                      => IP         => IP: required with SIZE "10" (the first address of the block)
            NETWORK_ID=-1                => NETWORK_ID => NETWORK_ID: invalid value "-1": must be between 0 and 2147483647
            NETWORK_ID=net3              => NETWORK_ID => NETWORK_ID: invalid value "net3": expected an integer between 0 and 2147483647
            NETWORK_ID=2147483648        => NETWORK_ID => NETWORK_ID: invalid value "2147483648": must be between 0 and 2147483647
            NETWORK_ID=3; IP=10.0.0.0; SIZE=4 => NETWORK_ID => NETWORK_ID: invalid value "3": give either NETWORK_ID or IP and SIZE, not both
            NETWORK_ID=3; SIZE=4         => NETWORK_ID => NETWORK_ID: invalid value "3": give either NETWORK_ID or IP and SIZE, not both
            """)
    void parseRefusesAnIncompleteOrDoubleTarget(String given, String field, String message) {
        assertRefused(TCP_IN + given, field, message);
    }

    @ParameterizedTest(name = "RANGE={0}")
    @CsvSource(delimiter = '|', textBlock = """
            22,,80      | an empty item (two commas in a row, or a comma at the start or end)
            ,22         | an empty item (two commas in a row, or a comma at the start or end)
            22,         | an empty item (two commas in a row, or a comma at the start or end)
            10:5        | port range 10:5 begins after it ends
            22, 10:5    | port range 10:5 begins after it ends
            65536       | port 65536 is outside 0-65535
            1024:65536  | port 65536 is outside 0-65535
            99999999999 | port 99999999999 is outside 0-65535
            -1          | "-1" is not a port like 22 or a range like 80:90
            80-90       | "80-90" is not a port like 22 or a range like 80:90
            80 : 90     | "80 : 90" is not a port like 22 or a range like 80:90
            22 80       | "22 80" is not a port like 22 or a range like 80:90
            ssh         | "ssh" is not a port like 22 or a range like 80:90
            """)
    void parseRefusesABadPortList(String range, String reason) {
        assertRefused(TCP_IN + "RANGE=" + range, "RANGE", "RANGE: invalid value \"" + range + "\": " + reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            16 single ports      => 16
            8 ranges             => 16
            7 ranges and 2 ports => 16
            15 ranges            => 30
            """)
    void moreThanFifteenMultiportSlotsAreRefused(String what, int cost) {
        String range = switch (what) {
            case "16 single ports" -> ports(16);
            case "8 ranges" -> ranges(8);
            case "7 ranges and 2 ports" -> ranges(7) + ",1,2";
            default -> ranges(15);
        };
        assertRefused("PROTOCOL=UDP; RULE_TYPE=INBOUND; RANGE=" + range, "RANGE",
                "RANGE: invalid value \"" + ValidationException.printable(range) + "\": counts as " + cost
                        + " ports, iptables multiport takes at most 15 (a range counts 2)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ALL", "ICMP", "ICMPV6", "IPSEC"})
    void onlyTcpAndUdpRulesHavePorts(String protocol) {
        assertRefused("PROTOCOL=" + protocol + "; RULE_TYPE=INBOUND; RANGE=22", "RANGE",
                "RANGE: invalid value \"22\": only TCP and UDP rules have ports (PROTOCOL is " + protocol + ")");
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', textBlock = """
            TCP    | ICMP_TYPE   | 8            | only ICMP rules have ICMP_TYPE (PROTOCOL is TCP)
            ICMPV6 | ICMP_TYPE   | 8            | only ICMP rules have ICMP_TYPE (PROTOCOL is ICMPV6)
            ICMP   | ICMPV6_TYPE | 128          | only ICMPV6 rules have ICMPV6_TYPE (PROTOCOL is ICMP)
            ALL    | ICMPV6_TYPE | 128          | only ICMPV6 rules have ICMPV6_TYPE (PROTOCOL is ALL)
            ICMP   | ICMP_TYPE   | echo-request | expected one of 0, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 17, 18
            ICMP   | ICMP_TYPE   | -1           | expected one of 0, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 17, 18
            ICMPV6 | ICMPV6_TYPE | ping         | expected one of 1, 2, 3, 4, 128, 129
            """)
    void parseRefusesAnIcmpTypeOnTheWrongProtocolOrNotInTheList(String protocol, String attribute, String value,
                                                                 String reason) {
        assertRefused("PROTOCOL=" + protocol + "; RULE_TYPE=INBOUND; " + attribute + "=" + value, attribute,
                attribute + ": invalid value \"" + value + "\": " + reason);
    }

    @Test
    void bothTypeAttributesOnOneRuleAreRefused() {
        assertRefused("PROTOCOL=ICMP; RULE_TYPE=INBOUND; ICMP_TYPE=8; ICMPV6_TYPE=128", "ICMPV6_TYPE",
                "ICMPV6_TYPE: invalid value \"128\": only ICMPV6 rules have ICMPV6_TYPE (PROTOCOL is ICMP)");
    }

    @ParameterizedTest(name = "ICMP_TYPE {0}")
    @ValueSource(ints = {1, 2, 6, 7, 15, 16, 19, 128, 255, 256, 1000})
    void anUnlistedIcmpTypeIsRefused(int type) {
        assertRefused("PROTOCOL=ICMP; RULE_TYPE=INBOUND; ICMP_TYPE=" + type, "ICMP_TYPE", "ICMP_TYPE: invalid value \""
                + type + "\": expected one of 0, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 17, 18");
    }

    @ParameterizedTest(name = "ICMPV6_TYPE {0}")
    @ValueSource(ints = {0, 5, 8, 127, 130, 133, 135, 255})
    void anUnlistedIcmpv6TypeIsRefused(int type) {
        assertRefused("PROTOCOL=ICMPV6; RULE_TYPE=INBOUND; ICMPV6_TYPE=" + type, "ICMPV6_TYPE",
                "ICMPV6_TYPE: invalid value \"" + type + "\": expected one of 1, 2, 3, 4, 128, 129");
    }

    @ParameterizedTest(name = "{0} IP={1}")
    @CsvSource(delimiter = '|', textBlock = """
            ICMP   | 2001:db8:: | an IPv6 address cannot match ICMP; use PROTOCOL ICMPV6
            ICMPV6 | 10.0.0.0   | an IPv4 address cannot match ICMPV6; use PROTOCOL ICMP
            """)
    void parseRefusesAnIcmpRuleForTheOtherAddressFamily(String protocol, String ip, String reason) {
        assertRefused("PROTOCOL=" + protocol + "; RULE_TYPE=INBOUND; IP=" + ip + "; SIZE=16", "IP",
                "IP: invalid value \"" + ip + "\": " + reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            PROTOCOL=TCP; RULE_TYPE=INBOUND; PORT=22 => PORT     => PORT: unknown rule attribute (value "22"); a rule has {known} (ports go in RANGE)
            PROTOCOL=TCP; RULE_TYPE=INBOUND; Foo=1; NET=2 => FOO => FOO, NET: unknown rule attributes; a rule has {known}
            PROTOKOL=TCP; RULE_TYPE=INBOUND         => PROTOKOL => PROTOKOL: unknown rule attribute (value "TCP"); a rule has {known}
            PROTOCOL=TCP; TYPE=INBOUND              => TYPE     => TYPE: unknown rule attribute (value "INBOUND"); a rule has {known}
            """)
    void parseRefusesUnknownAttributesBeforeLookingForMissingOnes(String given, String field, String message) {
        assertRefused(given, field, message.replace("{known}", KNOWN));
    }

    @Test
    void parseRefusesAnAttributeNameThatIsNotAnAttributeName() {
        Map<String, String> a = attrs(TCP_IN + "1RANGE=22");
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> SecurityRule.parse(a));
        assertEquals(Optional.of("attribute name"), e.field());
    }

    static void assertCanonical(String given, String canonical) {
        SecurityRule r = rule(given);
        assertEquals(canonical, r.toAttributes().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";")));
        assertEquals(r, SecurityRule.parse(r.toAttributes()));
    }

    static void assertRefused(String given, String field, String message) {
        Map<String, String> a = attrs(given);
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> SecurityRule.parse(a));
        assertEquals(Optional.of(field), e.field());
        assertEquals(message, e.getMessage());
    }
}
