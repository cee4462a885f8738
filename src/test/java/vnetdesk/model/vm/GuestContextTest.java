package vnetdesk.model.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.model.vm.ContextFixtures.ar;
import static vnetdesk.model.vm.ContextFixtures.attrs;
import static vnetdesk.model.vm.ContextFixtures.automatic;
import static vnetdesk.model.vm.ContextFixtures.leased;
import static vnetdesk.model.vm.ContextFixtures.lookup;
import static vnetdesk.model.vm.ContextFixtures.network;
import static vnetdesk.model.vm.ContextFixtures.vm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vnetdesk.model.NotFoundException;
import vnetdesk.model.VirtualNetwork;

/** The ETHi_* attributes of one NIC: where each value comes from, per AR type. */
class GuestContextTest {

    /** One NIC (index 0, lease {@code lease} of AR 0) on a network: the whole context, in order. */
    static Stream<Arguments> oneNic() {
        return Stream.of(
                Arguments.of("IPv4 only", network(1, attrs("NETWORK_ADDRESS", "10.0.0.0",
                                "NETWORK_MASK", "255.255.255.0", "GATEWAY", "10.0.0.254", "DNS", "10.0.0.53 1.1.1.1",
                                "GUEST_MTU", "1400", "SEARCH_DOMAIN", "example.org lab.example.org"),
                                ar(0, "TYPE", "IP4", "IP", "10.0.0.10", "SIZE", "10")), 2L,
                        List.of("ETH0_MAC=02:00:0a:00:00:0c", "ETH0_IP=10.0.0.12", "ETH0_MASK=255.255.255.0",
                                "ETH0_NETWORK=10.0.0.0", "ETH0_GATEWAY=10.0.0.254", "ETH0_DNS=10.0.0.53 1.1.1.1",
                                "ETH0_MTU=1400", "ETH0_SEARCH_DOMAIN=example.org lab.example.org",
                                "GATEWAY_IFACE=ETH0")),
                Arguments.of("dual stack IP4_6 (SLAAC)", network(1, attrs("NETWORK_MASK", "255.255.255.0",
                                "GATEWAY", "10.0.0.254", "GATEWAY6", "2001:db8::1", "DNS", "10.0.0.53"),
                                ar(0, "TYPE", "IP4_6", "IP", "10.0.0.1", "SIZE", "10", "GLOBAL_PREFIX", "2001:db8::",
                                        "ULA_PREFIX", "fd00::")), 0L,
                        List.of("ETH0_MAC=02:00:0a:00:00:01", "ETH0_IP=10.0.0.1", "ETH0_MASK=255.255.255.0",
                                "ETH0_GATEWAY=10.0.0.254", "ETH0_DNS=10.0.0.53", "ETH0_IP6=2001:db8::aff:fe00:1",
                                "ETH0_IP6_ULA=fd00::aff:fe00:1", "ETH0_IP6_GATEWAY=2001:db8::1",
                                "ETH0_IP6_PREFIX_LENGTH=64", "GATEWAY_IFACE=ETH0")),
                Arguments.of("dual stack IP4_6_STATIC, mask as a prefix length, IP6_GATEWAY spelling",
                        network(1, attrs("NETWORK_MASK", "24", "IP6_GATEWAY", "2001:db8:1::1"),
                                ar(0, "TYPE", "IP4_6_STATIC", "IP", "10.0.1.1", "IP6", "2001:db8:1::10",
                                        "PREFIX_LENGTH", "112", "SIZE", "5")), 1L,
                        List.of("ETH0_MAC=02:00:0a:00:01:02", "ETH0_IP=10.0.1.2", "ETH0_MASK=255.255.255.0",
                                "ETH0_IP6=2001:db8:1::11", "ETH0_IP6_GATEWAY=2001:db8:1::1",
                                "ETH0_IP6_PREFIX_LENGTH=112", "GATEWAY_IFACE=ETH0")),
                Arguments.of("IP6_STATIC: no IPv4 settings, the IPv6 gateway routes",
                        network(1, attrs("NETWORK_MASK", "255.255.255.0", "GATEWAY", "10.0.0.254",
                                        "GATEWAY6", "2001:db8:2::1", "DNS", "2001:db8:2::53"),
                                ar(0, "TYPE", "IP6_STATIC", "IP6", "2001:db8:2::100", "PREFIX_LENGTH", "64",
                                        "SIZE", "16")), 0L,
                        List.of("ETH0_MAC=02:00:12:34:56:78", "ETH0_DNS=2001:db8:2::53",
                                "ETH0_IP6=2001:db8:2::100", "ETH0_IP6_GATEWAY=2001:db8:2::1",
                                "ETH0_IP6_PREFIX_LENGTH=64", "GATEWAY_IFACE=ETH0")),
                Arguments.of("IP6 with a ULA prefix only", network(1, attrs(),
                                ar(0, "TYPE", "IP6", "ULA_PREFIX", "fd00:1::", "SIZE", "4")), 0L,
                        List.of("ETH0_MAC=02:00:12:34:56:78", "ETH0_IP6_ULA=fd00:1::12ff:fe34:5678",
                                "ETH0_IP6_PREFIX_LENGTH=64")),
                Arguments.of("ETHER: the MAC and family-free settings, no route", network(1, attrs(
                                "GATEWAY", "10.0.0.254", "DNS", "10.0.0.53", "GUEST_MTU", "9000"),
                                ar(0, "TYPE", "ETHER", "MAC", "02:00:aa:bb:cc:00", "SIZE", "4")), 3L,
                        List.of("ETH0_MAC=02:00:aa:bb:cc:03", "ETH0_DNS=10.0.0.53", "ETH0_MTU=9000")),
                Arguments.of("AR overrides beat the network; a blank override does not", network(1, attrs(
                                "NETWORK_MASK", "255.255.0.0", "GATEWAY", "10.0.0.254", "DNS", "10.0.0.53",
                                "GUEST_MTU", "1500", "SEARCH_DOMAIN", "example.org"),
                                ar(0, "TYPE", "IP4", "IP", "10.0.5.1", "SIZE", "10", "GATEWAY", "10.0.5.254",
                                        "DNS", "10.0.5.53", "NETWORK_MASK", "255.255.255.0", "GUEST_MTU", " ")), 0L,
                        List.of("ETH0_MAC=02:00:0a:00:05:01", "ETH0_IP=10.0.5.1", "ETH0_MASK=255.255.255.0",
                                "ETH0_GATEWAY=10.0.5.254", "ETH0_DNS=10.0.5.53", "ETH0_MTU=1500",
                                "ETH0_SEARCH_DOMAIN=example.org", "GATEWAY_IFACE=ETH0")),
                Arguments.of("custom attributes after the standard ones, the AR's replacing the network's in place",
                        network(1, attrs("GATEWAY", "10.0.0.254", "METRIC", "100", "TRAFFIC_TYPE", "public",
                                        "MOTD", " Hello \"world\" ", "MASK", "1.2.3.4", "PREFIX_LENGTH", "99",
                                        "EMPTY", ""),
                                ar(0, "TYPE", "IP4", "IP", "10.0.0.1", "SIZE", "10", "METRIC", "50",
                                        "ROUTES", "10.1.0.0/16 via 10.0.0.1", "SECURITY_GROUPS", "100")), 0L,
                        List.of("ETH0_MAC=02:00:0a:00:00:01", "ETH0_IP=10.0.0.1", "ETH0_GATEWAY=10.0.0.254",
                                "ETH0_METRIC=50", "ETH0_TRAFFIC_TYPE=public", "ETH0_MOTD= Hello \"world\" ",
                                "ETH0_ROUTES=10.1.0.0/16 via 10.0.0.1", "GATEWAY_IFACE=ETH0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneNic")
    void theContextOfOneNicListsEachValueFromItsSource(String name, VirtualNetwork net, long lease,
                                                       List<String> expected) {
        GuestContext context = GuestContext.of(vm(Map.of(), leased(0, net, 0, lease)), lookup(net));
        assertEquals(expected, lines(context.attributes()));
        assertEquals(List.of(), context.warnings());
    }

    @Test
    void anAttributeWhoseNameIsNoShellVariableIsLeftOutWithAWarning() {
        VirtualNetwork net = network(3, attrs("FOO-BAR", "x", "FOO_BAR", "y"),
                ar(0, "TYPE", "ETHER", "MAC", "02:00:aa:bb:cc:00", "SIZE", "4"));
        GuestContext context = GuestContext.of(vm(Map.of(), leased(1, net, 0, 0)), lookup(net));
        assertEquals(List.of("ETH1_MAC=02:00:aa:bb:cc:00", "ETH1_FOO_BAR=y"), lines(context.attributes()));
        assertEquals(List.of("attribute FOO-BAR of network 3:net3 is not passed to NIC 1: a shell variable name"
                + " cannot contain '-'"), context.warnings());
    }

    @Test
    void aNicWaitingForAutomaticSelectionHasNoContext() {
        VirtualNetwork net = network(1, attrs("GATEWAY", "10.0.0.254"), ar(0, "TYPE", "IP4", "IP", "10.0.0.1",
                "SIZE", "10"));
        GuestContext context = GuestContext.of(vm(Map.of(), automatic(0), leased(1, net, 0, 0)), lookup(net));
        assertEquals(Map.of(), context.nic(0));
        assertEquals(List.of("ETH1_MAC=02:00:0a:00:00:01", "ETH1_IP=10.0.0.1", "ETH1_GATEWAY=10.0.0.254",
                "GATEWAY_IFACE=ETH1"), lines(context.attributes()));
        assertEquals(Optional.of(1), context.defaultRouteNic());
    }

    @Test
    void aVmWithoutLeasedNicsHasAnEmptyContext() {
        GuestContext context = GuestContext.of(vm(Map.of(), automatic(0)), lookup());
        assertEquals(Map.of(), context.attributes());
        assertEquals(Optional.empty(), context.defaultRouteNic());
        assertEquals("", context.contextSh());
    }

    @Test
    void nicGivesTheAttributesOfThatNicOnlyNotThoseOfNicTen() {
        VirtualNetwork net = network(1, attrs(), ar(0, "TYPE", "IP4", "IP", "10.0.0.1", "SIZE", "20"));
        GuestContext context = GuestContext.of(vm(Map.of(), leased(1, net, 0, 1), leased(10, net, 0, 10)),
                lookup(net));
        assertEquals(List.of("ETH1_MAC=02:00:0a:00:00:02", "ETH1_IP=10.0.0.2"), lines(context.nic(1)));
        assertEquals(List.of("ETH10_MAC=02:00:0a:00:00:0b", "ETH10_IP=10.0.0.11"), lines(context.nic(10)));
    }

    @Test
    void aLeaseOfAMissingNetworkOrArIsReportedNotSkipped() {
        VirtualNetwork net = network(1, attrs(), ar(0, "TYPE", "IP4", "IP", "10.0.0.1", "SIZE", "10"));
        Vm vm = vm(Map.of(), leased(2, net, 0, 0));
        assertEquals("NIC 2 of VM 7:web is leased from network 1, which does not exist",
                assertThrowsExactly(NotFoundException.class, () -> GuestContext.of(vm, lookup())).getMessage());
        VirtualNetwork withoutAr = net.toBuilder().addressRanges(List.of()).build();
        assertEquals("NIC 2 of VM 7:web is leased from AR 0 of network 1:net1, which has no such AR",
                assertThrowsExactly(NotFoundException.class, () -> GuestContext.of(vm, lookup(withoutAr)))
                        .getMessage());
    }

    @Test
    void theContextIsImmutable() {
        VirtualNetwork net = network(1, attrs(), ar(0, "TYPE", "IP4", "IP", "10.0.0.1", "SIZE", "10"));
        GuestContext context = GuestContext.of(vm(Map.of(), leased(0, net, 0, 0)), lookup(net));
        assertThrowsExactly(UnsupportedOperationException.class, () -> context.attributes().put("X", "y"));
        assertThrowsExactly(UnsupportedOperationException.class, () -> context.nic(0).clear());
        assertTrue(context.contextSh().startsWith("ETH0_MAC=\"02:00:0a:00:00:01\"\n"), context.contextSh());
    }

    /** {@code KEY=value} per attribute, in order, so a failure shows the whole context. */
    static List<String> lines(Map<String, String> attributes) {
        return attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
