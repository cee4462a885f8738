package vnetdesk.model.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.model.vm.ContextFixtures.ar;
import static vnetdesk.model.vm.ContextFixtures.attrs;
import static vnetdesk.model.vm.ContextFixtures.automatic;
import static vnetdesk.model.vm.ContextFixtures.leased;
import static vnetdesk.model.vm.ContextFixtures.lookup;
import static vnetdesk.model.vm.ContextFixtures.network;
import static vnetdesk.model.vm.ContextFixtures.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vnetdesk.model.VirtualNetwork;

/** The GATEWAY_IFACE rule: one NIC owns the default route, and moving it is announced. */
class DefaultRouteTest {

    /** No gateway: the NIC a VM usually has first. */
    private static final VirtualNetwork PRIVATE = network(1, attrs("NETWORK_MASK", "255.255.255.0"),
            ar(0, "TYPE", "IP4", "IP", "172.16.0.10", "SIZE", "10"));
    private static final VirtualNetwork PUBLIC = network(2, attrs("NETWORK_MASK", "255.255.255.0",
            "GATEWAY", "192.168.1.1"), ar(0, "TYPE", "IP4", "IP", "192.168.1.10", "SIZE", "10"));
    private static final VirtualNetwork DMZ = network(3, attrs("GATEWAY", "10.9.0.1", "GATEWAY6", "2001:db8:9::1"),
            ar(0, "TYPE", "IP4_6", "IP", "10.9.0.10", "SIZE", "10", "GLOBAL_PREFIX", "2001:db8:9::"));
    private static final IntFunction<Optional<VirtualNetwork>> NETWORKS = lookup(PRIVATE, PUBLIC, DMZ);

    /** NIC 0 private, NIC 1 public, NIC 2 DMZ (IPv4 and IPv6 gateways), NIC 3 waiting for a network. */
    private static Vm threeNics(String gatewayIface) {
        Map<String, String> a = gatewayIface.isEmpty() ? Map.of() : Map.of("GATEWAY_IFACE", gatewayIface);
        return vm(a, leased(0, PRIVATE, 0, 0), leased(1, PUBLIC, 0, 0), leased(2, DMZ, 0, 0), automatic(3));
    }

    @ParameterizedTest(name = "GATEWAY_IFACE \"{0}\" → NIC {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "''    | 1 | ''",
            "1     | 1 | ''",
            "2     | 2 | ''",
            "ETH2  | 2 | ''",
            "eth2  | 2 | ''",
            "' 2 ' | 2 | ''",
            "0     | 1 | names NIC 0, which has no gateway",
            "3     | 1 | names NIC 3, which waits for automatic network selection",
            "5     | 1 | names no NIC of this VM",
            "eth   | 1 | is not a NIC index (0, 1, … or ETH0, ETH1, …)",
            "-1    | 1 | is not a NIC index (0, 1, … or ETH0, ETH1, …)",
    })
    void onlyTheDefaultRouteNicKeepsItsGateways(String gatewayIface, int owner, String problem) {
        GuestContext context = GuestContext.of(threeNics(gatewayIface), NETWORKS);
        assertEquals(Optional.of(owner), context.defaultRouteNic());
        assertEquals(problem.isEmpty() ? List.of() : List.of("GATEWAY_IFACE \"" + gatewayIface + "\" " + problem
                + "; NIC 1 (192.168.1.1) gets the default route instead"), context.warnings());
        assertEquals("ETH" + owner, context.attributes().get("GATEWAY_IFACE"));
        List<String> gateways = new ArrayList<>();
        context.attributes().forEach((k, v) -> {
            if (k.endsWith("_GATEWAY")) {
                gateways.add(k + "=" + v);
            }
        });
        assertEquals(owner == 1 ? List.of("ETH1_GATEWAY=192.168.1.1")
                : List.of("ETH2_GATEWAY=10.9.0.1", "ETH2_IP6_GATEWAY=2001:db8:9::1"), gateways);
        // everything but the gateways stays: NIC 2's IPv6 address and prefix, every NIC's address
        assertEquals("2001:db8:9::aff:fe09:a", context.attributes().get("ETH2_IP6"));
        assertEquals("172.16.0.10", context.attributes().get("ETH0_IP"));
    }

    @Test
    void aVmWithoutGatewaysHasNoDefaultRouteAndSaysWhyGatewayIfaceIsIgnored() {
        GuestContext context = GuestContext.of(vm(Map.of("GATEWAY_IFACE", "0"), leased(0, PRIVATE, 0, 1)), NETWORKS);
        assertEquals(Optional.empty(), context.defaultRouteNic());
        assertEquals(List.of("GATEWAY_IFACE \"0\" names NIC 0, which has no gateway; the VM gets no default route:"
                + " none of its NICs has a gateway"), context.warnings());
        assertEquals(List.of("ETH0_MAC=02:00:ac:10:00:0b", "ETH0_IP=172.16.0.11", "ETH0_MASK=255.255.255.0"),
                GuestContextTest.lines(context.attributes()));
    }

    @Test
    void attachingTheFirstNicWithAGatewayGivesTheVmADefaultRoute() {
        Vm before = vm(Map.of(), leased(0, PRIVATE, 0, 0));
        Vm after = before.withNics(List.of(leased(0, PRIVATE, 0, 0), leased(1, PUBLIC, 0, 0)));
        String warning = GuestContext.routeChangeWarning(before, after, NETWORKS).orElseThrow();
        assertTrue(warning.startsWith("NIC 1 (192.168.1.1) becomes the VM's default route; it had none."), warning);
        assertTrue(warning.contains("Windows"), warning);
        assertFalse(warning.contains("GATEWAY_IFACE="), "nothing to keep: " + warning);
    }

    @Test
    void attachingTheNicThatGatewayIfaceNamesMovesTheRouteAndSaysHowToKeepIt() {
        Vm before = vm(Map.of("GATEWAY_IFACE", "2"), leased(0, PUBLIC, 0, 0), leased(1, PRIVATE, 0, 0));
        Vm after = before.withNics(List.of(leased(0, PUBLIC, 0, 0), leased(1, PRIVATE, 0, 0), leased(2, DMZ, 0, 1)));
        String warning = GuestContext.routeChangeWarning(before, after, NETWORKS).orElseThrow();
        assertTrue(warning.startsWith("The default route moves from NIC 0 (192.168.1.1) to NIC 2 (10.9.0.1,"
                + " 2001:db8:9::1): only NIC 2 will have a gateway in the context."), warning);
        assertTrue(warning.contains("CentOS takes the last interface's"), warning);
        assertTrue(warning.contains("Windows guests keep their old default route until it is changed by hand"),
                warning);
        assertTrue(warning.endsWith("To keep the route on NIC 0, set GATEWAY_IFACE=0 on the VM."), warning);
    }

    @Test
    void attachingANicWithAnotherGatewayKeepsTheRouteWhereItIs() {
        Vm before = vm(Map.of(), leased(0, PUBLIC, 0, 0));
        Vm after = before.withNics(List.of(leased(0, PUBLIC, 0, 0), leased(1, DMZ, 0, 0)));
        assertEquals(Optional.empty(), GuestContext.routeChangeWarning(before, after, NETWORKS));
        assertEquals(Optional.of(0), GuestContext.of(after, NETWORKS).defaultRouteNic());
    }

    @Test
    void detachingTheDefaultRouteNicSaysTheRouteMovesOrIsLost() {
        Vm both = vm(Map.of(), leased(0, PUBLIC, 0, 0), leased(1, DMZ, 0, 0));
        Vm onlyDmz = both.withNics(List.of(leased(1, DMZ, 0, 0)));
        assertTrue(GuestContext.routeChangeWarning(both, onlyDmz, NETWORKS).orElseThrow()
                .startsWith("The default route moves from NIC 0 (192.168.1.1) to NIC 1 (10.9.0.1, 2001:db8:9::1)"));
        String moved = GuestContext.routeChangeWarning(both, onlyDmz, NETWORKS).orElseThrow();
        assertFalse(moved.contains("To keep the route on NIC 0"), "NIC 0 is gone: " + moved);
        Vm none = both.withNics(List.of(leased(2, PRIVATE, 0, 0)));
        assertTrue(GuestContext.routeChangeWarning(both, none, NETWORKS).orElseThrow()
                .startsWith("The VM loses its default route through NIC 0 (192.168.1.1)."));
    }
}
