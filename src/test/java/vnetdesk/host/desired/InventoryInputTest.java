package vnetdesk.host.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.host.desired.DesiredFixtures.fw;
import static vnetdesk.host.desired.DesiredFixtures.host;
import static vnetdesk.host.desired.DesiredFixtures.nic;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.model.Address;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.Mac;
import vnetdesk.model.RuleTarget;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;

/** The compiler's input refuses what it could only compile wrongly. */
class InventoryInputTest {

    private static final VirtualNetwork NET = fw(5);

    @Test
    void twoNicsWithOneTapAreRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> host(List.of(NET),
                nic(3, 0, NET, "02:00:0a:00:00:01", List.of()), nic(3, 0, NET, "02:00:0a:00:00:02", List.of())));
        assertTrue(e.getMessage().contains("one-3-0"), e.getMessage());
    }

    @Test
    void aNicOnANetworkMissingFromTheInventoryIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> host(List.of(),
                nic(3, 0, NET, "02:00:0a:00:00:01", List.of())));
        assertEquals(Optional.of("NETWORK_ID"), e.field());
    }

    @Test
    void aTapThatIsNoInterfaceNameIsRefused() {
        assertThrows(ValidationException.class, () -> new NicOnHost(3, 0, "one-3-0;reboot", 5,
                Mac.parse("MAC", "02:00:0a:00:00:01"), List.of(), List.of(), Optional.empty()));
    }

    @Test
    void aGroupStillNamingANetworkIsRefused() {
        SecurityRule ofNetwork = SecurityRule.of(SecurityRule.Protocol.TCP, SecurityRule.Direction.INBOUND)
                .withTarget(new RuleTarget.OfNetwork(7));
        ValidationException e = assertThrows(ValidationException.class, () -> new GroupRules(100, List.of(ofNetwork)));
        assertTrue(e.getMessage().contains("expand"), e.getMessage());
        assertThrows(ValidationException.class, () -> new GroupRules(-1, List.of()));
    }

    @Test
    void aLeaseGivesEveryIpAddressIncludingTheLinkLocalOne() {
        LeaseAddresses lease = new LeaseAddresses(Mac.parse("MAC", "02:00:0a:00:00:01"),
                Optional.of(Ipv4.parse("IP", "10.0.0.1")), Optional.of(Ipv6.parse("IP6", "2001:db8::200:aff:fe00:1")),
                Optional.empty(), Optional.of(Ipv6.parse("IP6", "fe80::200:aff:fe00:1")), Optional.empty());
        assertEquals(List.of("10.0.0.1", "2001:db8::200:aff:fe00:1", "fe80::200:aff:fe00:1"),
                NicOnHost.addressesOf(lease).stream().map(Address::toString).toList());
    }
}
