package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Modified EUI-64 interface identifiers and their reverse. */
class SlaacTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "02:00:0a:00:00:01, 00000afffe000001",
            "00:16:3e:12:34:56, 02163efffe123456",
            "02:00:c0:a8:01:ff, 0000c0fffea801ff",
            "02:00:ff:ff:ff:ff, 0000fffffeffffff",
            "fe:ff:ff:12:34:56, fcfffffffe123456",
            "00:00:00:00:00:00, 020000fffe000000",
    })
    void interfaceIdFlipsTheUniversalLocalBitAndInsertsFffe(String mac, String hex) {
        assertEquals(Long.parseUnsignedLong(hex, 16), Slaac.interfaceId(Mac.parse("MAC", mac)));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2001:db8::, 02:00:0a:00:00:01, 2001:db8::aff:fe00:1",
            "fd00::, 02:00:0a:00:00:01, fd00::aff:fe00:1",
            "fe80::, 02:00:0a:00:00:01, fe80::aff:fe00:1",
            "2001:db8:1:2::, 00:16:3e:12:34:56, 2001:db8:1:2:216:3eff:fe12:3456",
            "fe80::, 02:00:00:00:00:00, fe80::ff:fe00:0",
    })
    void addressAppendsTheInterfaceIdToTheUpper64BitsOfThePrefix(String prefix, String mac, String expected) {
        assertEquals(expected, Slaac.address(Ipv6.parse("P", prefix), Mac.parse("MAC", mac)).toString());
    }

    @Test
    void addressIgnoresTheLow64BitsOfThePrefix() {
        assertEquals("2001:db8::aff:fe00:1",
                Slaac.address(Ipv6.parse("P", "2001:db8::dead:beef"), Mac.parse("MAC", "02:00:0a:00:00:01")).toString());
    }

    @Test
    void macOfReversesInterfaceIdForEveryMac() {
        Random random = new Random(64);
        for (int i = 0; i < 10_000; i++) {
            Mac mac = new Mac(random.nextLong() & 0xFFFF_FFFF_FFFFL);
            assertEquals(Optional.of(mac), Slaac.macOf(Slaac.interfaceId(mac)), mac.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0000000000000001", "00000afffd000001", "00000aeffe000001", "ffffffffffffffff", "0000000000000000"})
    void macOfRefusesInterfaceIdsWithoutFffeInTheMiddle(String hex) {
        assertTrue(Slaac.macOf(Long.parseUnsignedLong(hex, 16)).isEmpty());
    }

    @Test
    void leaseAddressesOfSlaacTypesCarryLinkLocalAlways() {
        LeaseAddresses a = new ArType.Ip6(Optional.empty(), Optional.empty())
                .addressesAt(Mac.parse("MAC", "02:00:0a:00:00:01"), 0);
        assertEquals(Optional.of(Ipv6.parse("L", "fe80::aff:fe00:1")), a.ip6Link());
        assertTrue(a.ip6Global().isEmpty());
        assertTrue(a.ip6Ula().isEmpty());
    }
}
