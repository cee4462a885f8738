package vnetdesk.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vnetdesk.ipam.ArTestSupport.create;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.model.AddressRange;
import vnetdesk.model.LeaseAddresses;

/** The public examples of spec 10 ("Address arithmetic"), verbatim. */
class SpecExamplesTest {

    @Test
    void ip4Size10From10_0_0_1EndsAt10_0_0_10WithMacsMadeOfTheOctets() {
        AddressRange ar = create("TYPE=IP4 IP=10.0.0.1 SIZE=10");
        assertEquals("02:00:0a:00:00:01", ar.firstMac().toString());
        assertEquals("02:00:0a:00:00:01", ar.firstAddresses().mac().toString());
        assertEquals("10.0.0.10", ar.lastAddresses().ip().orElseThrow().toString());
        assertEquals("02:00:0a:00:00:0a", ar.lastAddresses().mac().toString());
    }

    @Test
    void ip4From192_168_1_250Size10CrossesIntoTheNextOctet() {
        AddressRange ar = create("TYPE=IP4 IP=192.168.1.250 SIZE=10");
        assertEquals("192.168.2.3", ar.lastAddresses().ip().orElseThrow().toString());
        LeaseAddresses lease5 = ar.addressesAt(5);
        assertEquals("192.168.1.255", lease5.ip().orElseThrow().toString());
        assertEquals("02:00:c0:a8:01:ff", lease5.mac().toString());
    }

    @Test
    void ip6SlaacLeaseZeroHasGlobalUlaAndLinkAddresses() {
        AddressRange ar = create("TYPE=IP6 MAC=02:00:0a:00:00:01 SIZE=2 GLOBAL_PREFIX=2001:db8:: ULA_PREFIX=fd00::");
        LeaseAddresses lease0 = ar.addressesAt(0);
        assertEquals("2001:db8::aff:fe00:1", lease0.ip6Global().orElseThrow().toString());
        assertEquals("fd00::aff:fe00:1", lease0.ip6Ula().orElseThrow().toString());
        assertEquals("fe80::aff:fe00:1", lease0.ip6Link().orElseThrow().toString());
        assertEquals(Optional.empty(), lease0.ip());
        assertEquals(Optional.empty(), lease0.ip6());
    }

    @Test
    void ip6StaticSize5From2001Db8__10EndsAt2001Db8__14() {
        AddressRange ar = create("TYPE=IP6_STATIC IP6=2001:db8::10 PREFIX_LENGTH=64 SIZE=5");
        assertEquals("2001:db8::14", ar.lastAddresses().ip6().orElseThrow().toString());
    }
}
