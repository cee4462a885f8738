package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict dotted-quad parsing, printing and the arithmetic leases use. */
class Ipv4Test {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "0.0.0.0, 0",
            "0.0.0.1, 1",
            "10.0.0.1, 167772161",
            "192.168.1.250, 3232236026",
            "127.0.0.1, 2130706433",
            "255.255.255.255, 4294967295",
            "1.2.3.4, 16909060",
    })
    void parseReadsADottedQuadAsItsUnsignedValue(String text, long unsigned) {
        Ipv4 ip = Ipv4.parse("IP", text);
        assertEquals(unsigned, ip.unsigned());
        assertEquals(text, ip.toString());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"10.0.0", "10.0.0.0.1", "10.0.0.256", "256.0.0.1", "10.0.0.01", "010.0.0.1",
            "10..0.1", "10.0.0.", ".10.0.0.1", "10.0.0.-1", "+10.0.0.1", "10.0.0.1 ", " 10.0.0.1", "a.b.c.d",
            "10.0.0.1/24", "1e1.0.0.1", "10,0,0,1", "4294967295", "10.0.0.99999999999"})
    void parseRefusesAnythingButAStrictDottedQuadNamingFieldAndValue(String text) {
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> Ipv4.parse("GATEWAY", text));
        assertEquals(Optional.of("GATEWAY"), e.field());
        assertTrue(e.getMessage().contains("GATEWAY"), e.getMessage());
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
        assertFalse(Ipv4.looksLike(text));
    }

    @Test
    void parseRefusesEmptyAndMissingText() {
        assertEquals(Optional.of("IP"), assertThrowsExactly(ValidationException.class,
                () -> Ipv4.parse("IP", "")).field());
        assertEquals(Optional.of("IP"), assertThrowsExactly(ValidationException.class,
                () -> Ipv4.parse("IP", null)).field());
    }

    @Test
    void looksLikeAcceptsAStrictDottedQuad() {
        assertTrue(Ipv4.looksLike("10.0.0.1"));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "10.0.0.1, 9, 10.0.0.10",
            "192.168.1.250, 5, 192.168.1.255",
            "192.168.1.250, 9, 192.168.2.3",
            "10.0.0.254, 299, 10.0.2.41",
            "10.255.255.255, 1, 11.0.0.0",
            "0.0.0.0, 4294967295, 255.255.255.255",
            "255.255.255.250, 5, 255.255.255.255",
            "10.0.0.5, -5, 10.0.0.0",
    })
    void plusCarriesAcrossOctets(String start, long offset, String expected) {
        assertEquals(expected, Ipv4.parse("IP", start).plus(offset).toString());
    }

    @Test
    void plusRefusesToLeaveTheIpv4Space() {
        Ipv4 last = Ipv4.parse("IP", "255.255.255.255");
        assertThrows(IllegalArgumentException.class, () -> last.plus(1));
        assertThrows(IllegalArgumentException.class, () -> Ipv4.parse("IP", "0.0.0.0").plus(-1));
    }

    @Test
    void ofUnsignedAcceptsExactlyTheIpv4Space() {
        assertEquals("255.255.255.255", Ipv4.ofUnsigned(Ipv4.SPACE - 1).toString());
        assertEquals("0.0.0.0", Ipv4.ofUnsigned(0).toString());
        assertThrows(IllegalArgumentException.class, () -> Ipv4.ofUnsigned(Ipv4.SPACE));
        assertThrows(IllegalArgumentException.class, () -> Ipv4.ofUnsigned(-1));
    }

    @Test
    void octetsAreReadFromTheLeft() {
        Ipv4 ip = Ipv4.parse("IP", "192.168.1.250");
        assertEquals(192, ip.octet(0));
        assertEquals(168, ip.octet(1));
        assertEquals(1, ip.octet(2));
        assertEquals(250, ip.octet(3));
    }

    @Test
    void compareToOrdersAsUnsignedAddresses() {
        Ipv4 low = Ipv4.parse("IP", "127.255.255.255");
        Ipv4 high = Ipv4.parse("IP", "128.0.0.0");
        Ipv4 top = Ipv4.parse("IP", "255.255.255.255");
        assertTrue(low.compareTo(high) < 0);
        assertTrue(high.compareTo(top) < 0);
        assertTrue(top.compareTo(low) > 0);
        assertEquals(0, high.compareTo(Ipv4.parse("IP", "128.0.0.0")));
    }
}
