package vnetdesk.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vnetdesk.model.Address;
import vnetdesk.model.AddressRange;
import vnetdesk.model.AllocationPolicy;
import vnetdesk.model.Driver;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Mac;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.Permissions;
import vnetdesk.model.ValidationException;

/**
 * Every validation rule of spec 10 with a bad value: the error is a
 * {@link ValidationException} whose {@code field()} is the attribute and whose
 * message names the attribute and the value (for a missing attribute: says it is
 * required). Values with control characters or longer than 80 characters appear
 * in their printable form.
 */
class ValidationRulesTest {

    private static Arguments row(String field, String shown, Executable action) {
        return Arguments.of(field, shown, action);
    }

    /** A bridge network NAME=net plus the given attribute pairs (later pairs replace earlier ones). */
    private static Executable net(String... pairs) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("NAME", "net");
        a.put("VN_MAD", "bridge");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                a.remove(pairs[i]);
            } else {
                a.put(pairs[i], pairs[i + 1]);
            }
        }
        return () -> NetworkAttributes.parse(a);
    }

    private static Executable vlan(String... pairs) {
        String[] all = new String[pairs.length + 4];
        all[0] = "VN_MAD";
        all[1] = "802.1Q";
        all[2] = "PHYDEV";
        all[3] = "eth0";
        System.arraycopy(pairs, 0, all, 4, pairs.length);
        return net(all);
    }

    private static Executable ar(String definition) {
        return () -> ArTestSupport.create(definition);
    }

    private static Executable update(String definition, String change) {
        return () -> {
            AddressRange current = ArTestSupport.create(definition);
            ArTestSupport.factory().update(current, ArTestSupport.attrs(change));
        };
    }

    private static Executable overlap(String existing, String candidate) {
        return () -> ArOverlap.check(List.of(ArTestSupport.factory().create(0, ArTestSupport.attrs(existing),
                Optional.empty())), ArTestSupport.factory().create(1, ArTestSupport.attrs(candidate), Optional.empty()));
    }

    private static final String LONG_NAME = "n".repeat(129);

    static Stream<Arguments> rules() {
        return Stream.of(
                // IP: dotted quad, 4 octets 0-255
                row("IP", "10.0.0", () -> Ipv4.parse("IP", "10.0.0")),
                row("IP", "10.0.0.256", () -> Ipv4.parse("IP", "10.0.0.256")),
                row("IP", "10.0.0.1.5", () -> Ipv4.parse("IP", "10.0.0.1.5")),
                row("IP", "10.0.0.01", () -> Ipv4.parse("IP", "10.0.0.01")),
                row("IP", "a.b.c.d", () -> Ipv4.parse("IP", "a.b.c.d")),
                row("IP", "10.0.0.0/24", () -> Ipv4.parse("IP", "10.0.0.0/24")),
                // IP6: valid IPv6
                row("IP6", "2001:db8::1::2", () -> Ipv6.parse("IP6", "2001:db8::1::2")),
                row("IP6", "2001:db8::12345", () -> Ipv6.parse("IP6", "2001:db8::12345")),
                row("IP6", "2001:db8:1:2:3:4:5:6:7", () -> Ipv6.parse("IP6", "2001:db8:1:2:3:4:5:6:7")),
                row("IP6", "2001:db8:1:2:3:4:5", () -> Ipv6.parse("IP6", "2001:db8:1:2:3:4:5")),
                row("IP6", "2001:db8::g", () -> Ipv6.parse("IP6", "2001:db8::g")),
                row("IP6", "fe80::1%eth0", () -> Ipv6.parse("IP6", "fe80::1%eth0")),
                // MAC: xx:xx:xx:xx:xx:xx hex, not broadcast, not multicast
                row("MAC", "ff:ff:ff:ff:ff:ff", () -> Mac.parse("MAC", "ff:ff:ff:ff:ff:ff")),
                row("MAC", "01:00:5e:00:00:01", () -> Mac.parse("MAC", "01:00:5e:00:00:01")),
                row("MAC", "33:33:00:00:00:01", () -> Mac.parse("MAC", "33:33:00:00:00:01")),
                row("MAC", "02-00-00-00-00-01", () -> Mac.parse("MAC", "02-00-00-00-00-01")),
                row("MAC", "02:00:00:00:00", () -> Mac.parse("MAC", "02:00:00:00:00")),
                row("MAC", "02:00:00:00:00:0g", () -> Mac.parse("MAC", "02:00:00:00:00:0g")),
                // an address a user types
                row("ADDRESS", "hello", () -> Address.parse("ADDRESS", "hello")),
                row("ADDRESS", "10.0.0.300", () -> Address.parse("ADDRESS", "10.0.0.300")),
                // AR: TYPE and the required attributes per type
                row("TYPE", "required", ar("IP=10.0.0.1 SIZE=1")),
                row("TYPE", "IP5", ar("TYPE=IP5 IP=10.0.0.1 SIZE=1")),
                row("TYPE", "VLAN", ar("TYPE=VLAN SIZE=1")),
                row("IP", "required", ar("TYPE=IP4 SIZE=1")),
                row("IP", "required", ar("TYPE=IP4_6 SIZE=1")),
                row("IP", "required", ar("TYPE=IP4_6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64")),
                row("SIZE", "required", ar("TYPE=IP4 IP=10.0.0.1")),
                row("SIZE", "required", ar("TYPE=IP6")),
                row("SIZE", "required", ar("TYPE=IP4_6 IP=10.0.0.1")),
                row("SIZE", "required", ar("TYPE=ETHER")),
                row("IP6", "required", ar("TYPE=IP6_STATIC PREFIX_LENGTH=64 SIZE=1")),
                row("IP6", "required", ar("TYPE=IP4_6_STATIC IP=10.0.0.1 PREFIX_LENGTH=64")),
                row("PREFIX_LENGTH", "required", ar("TYPE=IP6_STATIC IP6=2001:db8::1 SIZE=1")),
                row("PREFIX_LENGTH", "required", ar("TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::1")),
                // AR: address values
                row("IP", "10.0.0.999", ar("TYPE=IP4 IP=10.0.0.999 SIZE=1")),
                row("IP", "10.0.0", ar("TYPE=IP4_6 IP=10.0.0 SIZE=1")),
                row("IP6", "2001:db8::1::", ar("TYPE=IP6_STATIC IP6=2001:db8::1:: PREFIX_LENGTH=64")),
                row("IP6", "2001:db8::1/64", ar("TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::1/64 PREFIX_LENGTH=64")),
                row("GLOBAL_PREFIX", "2001:db8::/64", ar("TYPE=IP6 SIZE=1 GLOBAL_PREFIX=2001:db8::/64")),
                row("ULA_PREFIX", "fd00::zz", ar("TYPE=IP4_6 IP=10.0.0.1 SIZE=1 ULA_PREFIX=fd00::zz")),
                row("MAC", "ff:ff:ff:ff:ff:ff", ar("TYPE=ETHER SIZE=1 MAC=ff:ff:ff:ff:ff:ff")),
                row("MAC", "01:00:00:00:00:01", ar("TYPE=IP4 IP=10.0.0.1 SIZE=1 MAC=01:00:00:00:00:01")),
                row("MAC", "02:00:00:00:01", ar("TYPE=IP6 SIZE=1 MAC=02:00:00:00:01")),
                // AR: PREFIX_LENGTH 1-128
                row("PREFIX_LENGTH", "0", ar("TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=0 SIZE=1")),
                row("PREFIX_LENGTH", "129", ar("TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=129 SIZE=1")),
                row("PREFIX_LENGTH", "-64", ar("TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=-64 SIZE=1")),
                row("PREFIX_LENGTH", "/64", ar("TYPE=IP4_6_STATIC IP=10.0.0.1 IP6=2001:db8::1 PREFIX_LENGTH=/64")),
                // AR: SIZE integer >= 1, not past the end of the address space
                row("SIZE", "0", ar("TYPE=IP4 IP=10.0.0.1 SIZE=0")),
                row("SIZE", "-1", ar("TYPE=ETHER SIZE=-1")),
                row("SIZE", "ten", ar("TYPE=IP6 SIZE=ten")),
                row("SIZE", "2.5", ar("TYPE=IP4 IP=10.0.0.1 SIZE=2.5")),
                row("SIZE", "1e3", ar("TYPE=IP4 IP=10.0.0.1 SIZE=1e3")),
                row("SIZE", "7", ar("TYPE=IP4 IP=255.255.255.250 SIZE=7")),
                row("SIZE", "7", ar("TYPE=IP4_6 IP=255.255.255.250 SIZE=7")),
                row("SIZE", "7", ar("TYPE=IP4_6_STATIC IP=255.255.255.250 IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=7")),
                row("SIZE", "4294967297", ar("TYPE=IP4 IP=0.0.0.0 SIZE=4294967297")),
                row("SIZE", "3", ar("TYPE=IP6_STATIC IP6=ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe PREFIX_LENGTH=64 SIZE=3")),
                row("SIZE", "18446744073709551617", ar("TYPE=IP6_STATIC IP6=2001:db8:: PREFIX_LENGTH=64 SIZE=18446744073709551617")),
                row("SIZE", "123456789012345678901234", ar("TYPE=ETHER SIZE=123456789012345678901234")),
                // AR: attribute names
                row("attribute name", "1BAD", ar("TYPE=ETHER SIZE=1 1BAD=x")),
                // AR update: TYPE and start addresses never change
                row("TYPE", "IP4_6", update("TYPE=IP4 IP=10.0.0.1 SIZE=4", "TYPE=IP4_6")),
                row("IP", "10.0.0.2", update("TYPE=IP4 IP=10.0.0.1 SIZE=4", "IP=10.0.0.2")),
                row("IP6", "2001:db8::2", update("TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4", "IP6=2001:db8::2")),
                row("MAC", "02:00:0a:00:00:09", update("TYPE=IP4 IP=10.0.0.1 SIZE=4", "MAC=02:00:0a:00:00:09")),
                row("SIZE", "7", update("TYPE=IP4 IP=255.255.255.250 SIZE=4", "SIZE=7")),
                row("PREFIX_LENGTH", "200", update("TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=4", "PREFIX_LENGTH=200")),
                // AR overlap within a network
                row("IP", "10.0.0.5", overlap("TYPE=IP4 IP=10.0.0.1 SIZE=10", "TYPE=IP4 IP=10.0.0.5 SIZE=10")),
                row("IP6", "2001:db8::5", overlap("TYPE=IP6_STATIC IP6=2001:db8::1 PREFIX_LENGTH=64 SIZE=10 MAC=02:00:00:00:00:00",
                        "TYPE=IP6_STATIC IP6=2001:db8::5 PREFIX_LENGTH=64 SIZE=1 MAC=02:00:00:01:00:00")),
                row("MAC", "02:00:00:00:00:03", overlap("TYPE=ETHER SIZE=10 MAC=02:00:00:00:00:00",
                        "TYPE=ETHER SIZE=1 MAC=02:00:00:00:00:03")),
                // NAME: required, 1-128 chars, no control chars
                row("NAME", "required", net("NAME", null)),
                row("NAME", "required", net("NAME", "   ")),
                row("NAME", LONG_NAME.substring(0, 80), net("NAME", LONG_NAME)),
                row("NAME", "a\\u0001b", net("NAME", "a\u0001b")),
                row("NAME", "line\\nbreak", net("NAME", "line\nbreak")),
                row("NAME", "tab\\tbed", net("NAME", "tab\tbed")),
                row("NAME", " padded", net("NAME", " padded")),
                // VN_MAD
                row("VN_MAD", "required", net("VN_MAD", null)),
                row("VN_MAD", "ovswitch2", net("VN_MAD", "ovswitch2")),
                // BRIDGE_TYPE: one of the driver's VN_MAD_CONF values
                row("BRIDGE_TYPE", "openvswitch", net("BRIDGE_TYPE", "openvswitch")),
                row("BRIDGE_TYPE", "linux", net("VN_MAD", "ovswitch", "BRIDGE_TYPE", "linux")),
                row("BRIDGE", "required", net("VN_MAD", "dummy")),
                row("OUTER_VLAN_ID", "required", net("VN_MAD", "ovswitch_vxlan")),
                row("VN_MAD", "bridged", net("VN_MAD", "bridged")),
                // BRIDGE / PHYDEV: max 15 chars of [A-Za-z0-9_.-]
                row("BRIDGE", "br0123456789abcd", net("BRIDGE", "br0123456789abcd")),
                row("BRIDGE", "br 0", net("BRIDGE", "br 0")),
                row("BRIDGE", "br;reboot", net("BRIDGE", "br;reboot")),
                row("BRIDGE", "br$(id)", net("BRIDGE", "br$(id)")),
                row("BRIDGE", "..", net("BRIDGE", "..")),
                row("PHYDEV", "eth0;reboot", vlan("PHYDEV", "eth0;reboot", "VLAN_ID", "5")),
                row("PHYDEV", "eth0123456789abc", vlan("PHYDEV", "eth0123456789abc", "VLAN_ID", "5")),
                row("PHYDEV", "required", vlan("PHYDEV", null, "VLAN_ID", "5")),
                row("PHYDEV", "required", net("VN_MAD", "vxlan", "VLAN_ID", "5")),
                // VLAN_ID: 802.1Q 1-4094, vxlan 1-16777215, only for tagged drivers
                row("VLAN_ID", "0", vlan("VLAN_ID", "0")),
                row("VLAN_ID", "4095", vlan("VLAN_ID", "4095")),
                row("VLAN_ID", "-1", vlan("VLAN_ID", "-1")),
                row("VLAN_ID", "abc", vlan("VLAN_ID", "abc")),
                row("VLAN_ID", "99999999999999999999", vlan("VLAN_ID", "99999999999999999999")),
                row("VLAN_ID", "16777216", vlan("VN_MAD", "vxlan", "VLAN_ID", "16777216")),
                row("VLAN_ID", "0", vlan("VN_MAD", "vxlan", "VLAN_ID", "0")),
                row("VLAN_ID", "100", net("VLAN_ID", "100")),
                row("VLAN_ID", "100", vlan("VLAN_ID", "100", "AUTOMATIC_VLAN_ID", "YES")),
                row("VLAN_ID", "required", vlan()),
                row("AUTOMATIC_VLAN_ID", "maybe", vlan("AUTOMATIC_VLAN_ID", "maybe")),
                // MTU 68-65535
                row("MTU", "67", net("MTU", "67")),
                row("MTU", "65536", net("MTU", "65536")),
                row("MTU", "1500b", net("MTU", "1500b")),
                // YES/NO filters
                row("FILTER_MAC_SPOOFING", "maybe", net("FILTER_MAC_SPOOFING", "maybe")),
                row("FILTER_IP_SPOOFING", "2", net("FILTER_IP_SPOOFING", "2")),
                // QoS: positive numbers, peak >= average
                row("INBOUND_AVG_BW", "fast", net("INBOUND_AVG_BW", "fast")),
                row("INBOUND_AVG_BW", "0", net("INBOUND_AVG_BW", "0")),
                row("INBOUND_PEAK_KB", "1.5", net("INBOUND_PEAK_KB", "1.5")),
                row("OUTBOUND_AVG_BW", "-10", net("OUTBOUND_AVG_BW", "-10")),
                row("OUTBOUND_PEAK_KB", "10000000001", net("OUTBOUND_PEAK_KB", "10000000001")),
                row("INBOUND_PEAK_BW", "50", net("INBOUND_AVG_BW", "100", "INBOUND_PEAK_BW", "50")),
                row("OUTBOUND_PEAK_BW", "99", net("OUTBOUND_AVG_BW", "100", "OUTBOUND_PEAK_BW", "99")),
                // SECURITY_GROUPS / CLUSTER_IDS: comma lists of ids
                row("SECURITY_GROUPS", "0,,100", net("SECURITY_GROUPS", "0,,100")),
                row("SECURITY_GROUPS", "default", net("SECURITY_GROUPS", "default")),
                row("SECURITY_GROUPS", "-1", net("SECURITY_GROUPS", "-1")),
                row("CLUSTER_IDS", "x", net("CLUSTER_IDS", "x")),
                // context attributes
                row("NETWORK_ADDRESS", "10.0.0", net("NETWORK_ADDRESS", "10.0.0")),
                row("NETWORK_MASK", "255.0.255.0", net("NETWORK_MASK", "255.0.255.0")),
                row("NETWORK_MASK", "33", net("NETWORK_MASK", "33")),
                row("NETWORK_MASK", "255.255.255.256", net("NETWORK_MASK", "255.255.255.256")),
                row("GATEWAY", "10.0.0.256", net("GATEWAY", "10.0.0.256")),
                row("GATEWAY6", "2001:db8::1/64", net("GATEWAY6", "2001:db8::1/64")),
                row("DNS", "1.1.1", net("DNS", "8.8.8.8 1.1.1")),
                row("DNS", "2001:db8:::1", net("DNS", "2001:db8:::1")),
                row("GUEST_MTU", "67", net("GUEST_MTU", "67")),
                row("GUEST_MTU", "9001x", net("GUEST_MTU", "9001x")),
                row("SEARCH_DOMAIN", "example.com;ls", net("SEARCH_DOMAIN", "example.com;ls")),
                // free text and custom attributes: no control characters, valid names
                row("DESCRIPTION", "bell\\u0007", net("DESCRIPTION", "bell\u0007")),
                row("MY_TAG", "esc\\u001b[31m", net("MY_TAG", "esc\u001b[31m")),
                row("attribute name", "9LIVES", net("9LIVES", "x")),
                row("attribute name", "MY TAG", net("MY TAG", "x")),
                row("ALLOCATION", "RANDOM", net("ALLOCATION", "RANDOM")),
                // physical conf checked again where it is built, and permissions
                row("VLAN_ID", "5000", () -> new NetworkConf(Driver.VLAN, "br0", false, Optional.of("eth0"),
                        Optional.of(5000), false, Optional.empty(), false, false, AllocationPolicy.LOWEST_FREE)),
                row("BRIDGE", "br/0", () -> NetworkConf.checkDevice("BRIDGE", "br/0")),
                row("PERMISSIONS", "800", () -> Permissions.parseOctal("PERMISSIONS", "800")),
                row("PERMISSIONS", "64", () -> Permissions.parseOctal("PERMISSIONS", "64")),
                row("PERMISSIONS", "um-u-----", () -> Permissions.parseOctal("PERMISSIONS", "um-u-----")));
    }

    @ParameterizedTest(name = "[{index}] {0} = \"{1}\"")
    @MethodSource("rules")
    void aBadValueIsRefusedNamingTheAttributeAndTheValue(String field, String shown, Executable action) {
        ValidationException e = assertThrowsExactly(ValidationException.class, action);
        assertEquals(Optional.of(field), e.field());
        assertTrue(e.getMessage().contains(field), () -> "attribute name missing: " + e.getMessage());
        assertTrue(e.getMessage().contains(shown), () -> "value missing: " + e.getMessage());
    }

    @Test
    void theTableCoversAtLeastSixtyRules() {
        assertTrue(rules().count() >= 60);
    }

    @Test
    void aBadEmbeddedDottedQuadIsReportedWithTheWholeIpv6Value() {
        ValidationException e = assertThrowsExactly(ValidationException.class,
                () -> Ipv6.parse("IP6", "2001:db8::1.2.3"));
        assertEquals(Optional.of("IP6"), e.field());
        assertTrue(e.getMessage().contains("\"2001:db8::1.2.3\""), e.getMessage());
    }
}
