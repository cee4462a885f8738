package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing every RFC 4291 text form and printing RFC 5952 text. */
class Ipv6Test {

    /** Builds an address from eight hex groups written out in full, without using {@link Ipv6#parse}. */
    static Ipv6 groups(String eightGroups) {
        String[] g = eightGroups.split(":");
        assertEquals(8, g.length, "test table error: " + eightGroups);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = (hi << 16) | Integer.parseInt(g[i], 16);
            lo = (lo << 16) | Integer.parseInt(g[i + 4], 16);
        }
        return new Ipv6(hi, lo);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "::                                          | 0:0:0:0:0:0:0:0",
            "::1                                         | 0:0:0:0:0:0:0:1",
            "1::                                         | 1:0:0:0:0:0:0:0",
            "2001:db8::1                                 | 2001:db8:0:0:0:0:0:1",
            "2001:0db8:0000:0000:0000:0000:0000:0001     | 2001:db8:0:0:0:0:0:1",
            "2001:DB8::A                                 | 2001:db8:0:0:0:0:0:a",
            "2001:db8:0:0:1:0:0:1                        | 2001:db8:0:0:1:0:0:1",
            "1:0:0:2::3                                  | 1:0:0:2:0:0:0:3",
            "fe80::1:2                                   | fe80:0:0:0:0:0:1:2",
            "1:2:3:4:5:6:7:8                             | 1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::                             | 1:2:3:4:5:6:7:0",
            "::2:3:4:5:6:7:8                             | 0:2:3:4:5:6:7:8",
            "1::8                                        | 1:0:0:0:0:0:0:8",
            "0:0:0:0:0:0:0:0                             | 0:0:0:0:0:0:0:0",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff     | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "::ffff:192.0.2.1                            | 0:0:0:0:0:ffff:c000:201",
            "::192.0.2.1                                 | 0:0:0:0:0:0:c000:201",
            "64:ff9b::192.0.2.33                         | 64:ff9b:0:0:0:0:c000:221",
            "1:2:3:4:5:6:1.2.3.4                         | 1:2:3:4:5:6:102:304",
            "1::5:6:255.255.255.255                      | 1:0:0:0:5:6:ffff:ffff",
            "0000:0000:0000:0000:0000:ffff:255.255.255.255 | 0:0:0:0:0:ffff:ffff:ffff",
            "00:0:000:0000:a:0a:00a:000a                 | 0:0:0:0:a:a:a:a",
    })
    void parseReadsEveryRfc4291TextForm(String text, String expected) {
        assertEquals(groups(expected), Ipv6.parse("IP6", text));
        assertTrue(Ipv6.looksLike(text));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {":", ":::", "1:::2", "1::2::3", "12345::", "00001::", "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7", "1:", ":1", ":1::", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1:2:3:4::5:6:7:8",
            "g::1", "2001:db8::/64", "fe80::1%eth0", " ::1", "::1 ", "[::1]", "1.2.3.4", "::1.2.3",
            "::1.2.3.4.5", "::1.2.3.256", "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5:6:7:8:1.2.3.4", "::1.2.3.4:5",
            "::-1", "2001:db8:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:ffff:255.255.255.255:1"})
    void parseRefusesMalformedTextNamingTheField(String text) {
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> Ipv6.parse("GATEWAY6", text));
        assertEquals(Optional.of("GATEWAY6"), e.field());
        assertTrue(e.getMessage().startsWith("GATEWAY6: "), e.getMessage());
        assertFalse(Ipv6.looksLike(text));
    }

    @Test
    void parseNamesTheWholeValueWhenTheAddressIsMalformed() {
        ValidationException e = assertThrowsExactly(ValidationException.class,
                () -> Ipv6.parse("IP6", "2001:db8::1::2"));
        assertTrue(e.getMessage().contains("\"2001:db8::1::2\""), e.getMessage());
    }

    @Test
    void parseTellsToDropThePrefixLength() {
        ValidationException e = assertThrowsExactly(ValidationException.class,
                () -> Ipv6.parse("GLOBAL_PREFIX", "2001:db8::/64"));
        assertTrue(e.getMessage().contains("\"2001:db8::/64\""), e.getMessage());
        assertTrue(e.getMessage().contains("prefix-length"), e.getMessage());
    }

    @Test
    void parseRefusesEmptyAndMissingText() {
        assertEquals(Optional.of("IP6"), assertThrowsExactly(ValidationException.class,
                () -> Ipv6.parse("IP6", "")).field());
        assertEquals(Optional.of("IP6"), assertThrowsExactly(ValidationException.class,
                () -> Ipv6.parse("IP6", null)).field());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0:0:0:0:0:0:0:0                         | ::",
            "0:0:0:0:0:0:0:1                         | ::1",
            "1:0:0:0:0:0:0:0                         | 1::",
            "2001:db8:0:0:0:0:0:1                    | 2001:db8::1",
            "2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1",
            "2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1",
            "2001:0:0:1:0:0:0:1                      | 2001:0:0:1::1",
            "1:0:0:2:0:0:3:4                         | 1::2:0:0:3:4",
            "0:0:1:0:0:0:1:0                         | 0:0:1::1:0",
            "0:0:0:1:0:0:0:0                         | 0:0:0:1::",
            "0:0:0:0:1:0:0:0                         | ::1:0:0:0",
            "0:0:0:1:0:0:0:1                         | ::1:0:0:0:1",
            "2001:db8:0:0:1:0:0:0                    | 2001:db8:0:0:1::",
            "fe80:0:0:0:0:ff:fe00:0                  | fe80::ff:fe00:0",
            "1:2:3:4:5:6:7:0                         | 1:2:3:4:5:6:7:0",
            "0:2:3:4:5:6:7:8                         | 0:2:3:4:5:6:7:8",
            "2001:0db8:000a:0000:0000:0000:0000:00ff | 2001:db8:a::ff",
            "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789 | abcd:ef01:2345:6789:abcd:ef01:2345:6789",
            "fd00:0:0:0:0aff:fe00:0:1                | fd00::aff:fe00:0:1",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    })
    void toStringPrintsRfc5952Text(String address, String expected) {
        Ipv6 ip = groups(address);
        assertEquals(expected, ip.toString());
        assertEquals(ip, Ipv6.parse("IP6", expected));
    }

    /** Independent RFC 5952 printer used as the oracle of the property test below. */
    private static String rfc5952(Ipv6 ip) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            long half = i < 4 ? ip.high() : ip.low();
            g[i] = (int) ((half >>> (16 * (3 - i % 4))) & 0xffff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int start = 0; start < 8; start++) {
            int len = 0;
            while (start + len < 8 && g[start + len] == 0) {
                len++;
            }
            if (len > bestLen) {
                bestStart = start;
                bestLen = len;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            b.append(Integer.toHexString(g[i]));
            if (i < 7) {
                b.append(':');
            }
        }
        return b.toString();
    }

    @Test
    void printAndParseRoundTripForRandomAddressesWithZeroRuns() {
        Random random = new Random(5952);
        for (int n = 0; n < 20_000; n++) {
            long hi = random.nextLong();
            long lo = random.nextLong();
            for (int g = 0; g < 8; g++) {
                if (random.nextInt(3) == 0) {
                    long mask = ~(0xffffL << (16 * (g % 4)));
                    if (g < 4) {
                        hi &= mask;
                    } else {
                        lo &= mask;
                    }
                }
            }
            Ipv6 ip = new Ipv6(hi, lo);
            String text = ip.toString();
            assertEquals(rfc5952(ip), text, () -> "groups " + Long.toHexString(ip.high()) + "/" + Long.toHexString(ip.low()));
            assertEquals(ip, Ipv6.parse("IP6", text), text);
            String full = String.format(Locale.ROOT, "%016X%016X", hi, lo).replaceAll("(.{4})(?!$)", "$1:");
            assertEquals(ip, Ipv6.parse("IP6", full), full);
        }
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "2001:db8::10                          | 4                    | 2001:db8::14",
            "2001:db8:0:1:ffff:ffff:ffff:ffff      | 1                    | 2001:db8:0:2::",
            "2001:db8:0:1:ffff:ffff:ffff:fffe      | 3                    | 2001:db8:0:2::1",
            "::1                                   | 18446744073709551615 | 0:0:0:1::",
            "::                                    | 18446744073709551615 | ::ffff:ffff:ffff:ffff",
            "0:0:0:ffff:ffff:ffff:ffff:ffff        | 1                    | 0:0:1::",
    })
    void plusCarriesIntoTheUpperHalf(String start, String unsignedOffset, String expected) {
        long offset = Long.parseUnsignedLong(unsignedOffset);
        assertEquals(expected, Ipv6.parse("IP6", start).plus(offset).toString());
    }

    @Test
    void prefix64KeepsOnlyTheUpper64Bits() {
        assertEquals("2001:db8:1:2::", Ipv6.parse("P", "2001:db8:1:2:3:4:5:6").prefix64().toString());
        assertEquals("fd00::", Ipv6.parse("P", "fd00::1").prefix64().toString());
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "2001:db8:1:2:3:4:5:6 | 128 | 2001:db8:1:2:3:4:5:6",
            "2001:db8:1:2:3:4:5:6 | 120 | 2001:db8:1:2:3:4:5:0",
            "2001:db8:1:2:3:4:5:6 | 96  | 2001:db8:1:2:3:4::",
            "2001:db8:1:2:3:4:5:6 | 65  | 2001:db8:1:2::",
            "2001:db8:1:2:ffff:4:5:6 | 65 | 2001:db8:1:2:8000::",
            "2001:db8:1:2:3:4:5:6 | 64  | 2001:db8:1:2::",
            "2001:db8:1:2:3:4:5:6 | 48  | 2001:db8:1::",
            "2001:db8:1:2:3:4:5:6 | 1   | ::",
            "ffff:db8:1:2:3:4:5:6 | 1   | 8000::",
            "2001:db8:1:2:3:4:5:6 | 0   | ::",
    })
    void networkOfClearsTheHostBits(String address, int length, String expected) {
        assertEquals(expected, Ipv6.parse("IP6", address).networkOf(length).toString());
    }

    @Test
    void toBigIntegerIsTheUnsigned128BitValue() {
        assertEquals(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
                Ipv6.parse("IP6", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").toBigInteger());
        assertEquals(BigInteger.ONE.shiftLeft(64).add(BigInteger.TWO), Ipv6.parse("IP6", "0:0:0:1::2").toBigInteger());
    }

    @Test
    void compareToOrdersAsUnsigned128BitValues() {
        Ipv6 a = Ipv6.parse("IP6", "7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        Ipv6 b = Ipv6.parse("IP6", "8000::");
        Ipv6 c = Ipv6.parse("IP6", "8000::ffff:ffff:ffff:ffff");
        Ipv6 d = Ipv6.parse("IP6", "8000:0:0:1::");
        assertTrue(a.compareTo(b) < 0);
        assertTrue(b.compareTo(c) < 0);
        assertTrue(c.compareTo(d) < 0);
        assertTrue(d.compareTo(a) > 0);
        assertEquals(0, c.compareTo(Ipv6.parse("IP6", "8000:0:0:0:ffff:ffff:ffff:ffff")));
    }

    @Test
    void groupReadsSixteenBitGroupsFromTheLeft() {
        Ipv6 ip = Ipv6.parse("IP6", "1:2:3:4:5:6:7:ffff");
        for (int i = 0; i < 7; i++) {
            assertEquals(i + 1, ip.group(i));
        }
        assertEquals(0xffff, ip.group(7));
    }

    @Test
    void linkLocalPrefixIsFe80Slash64() {
        assertEquals("fe80::", Ipv6.LINK_LOCAL_PREFIX.toString());
    }

    @Test
    void ipv4MappedAddressesPrintTheirDottedQuadAsRfc5952Recommends() {
        assertEquals("::ffff:10.0.0.1", Ipv6.parse("IP6", "0:0:0:0:0:ffff:a00:1").toString());
        assertEquals("::ffff:0:a00:1", Ipv6.parse("IP6", "::ffff:0:a00:1").toString(), "only ::ffff:0:0/96 is mapped");
    }
}
