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

/** MAC parsing (unicast only), lowercase printing and the low-32-bit lease arithmetic. */
class MacTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "02:00:0a:00:00:01, 02:00:0a:00:00:01, 0x02000a000001",
            "02:00:0A:00:00:0A, 02:00:0a:00:00:0a, 0x02000a00000a",
            "00:16:3e:12:34:56, 00:16:3e:12:34:56, 0x00163e123456",
            "fe:ff:ff:ff:ff:ff, fe:ff:ff:ff:ff:ff, 0xfeffffffffff",
            "00:00:00:00:00:00, 00:00:00:00:00:00, 0x0",
            "AA:BB:CC:DD:EE:F0, aa:bb:cc:dd:ee:f0, 0xaabbccddeef0",
    })
    void parseAcceptsUnicastMacsAndPrintsThemLowercase(String text, String printed, String hex) {
        Mac mac = Mac.parse("MAC", text);
        assertEquals(Long.decode(hex), mac.value());
        assertEquals(printed, mac.toString());
        assertTrue(Mac.looksLike(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ff:ff:ff:ff:ff:ff", "FF:FF:FF:FF:FF:FF"})
    void parseRefusesTheBroadcastAddress(String text) {
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> Mac.parse("MAC", text));
        assertEquals(Optional.of("MAC"), e.field());
        assertTrue(e.getMessage().contains("broadcast"), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"01:00:5e:00:00:01", "33:33:00:00:00:01", "03:00:00:00:00:00", "ff:00:00:00:00:00",
            "0f:12:34:56:78:9a"})
    void parseRefusesMulticastAddresses(String text) {
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> Mac.parse("MAC", text));
        assertEquals(Optional.of("MAC"), e.field());
        assertTrue(e.getMessage().contains("multicast"), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "02:00:0a:00:00", "02:00:0a:00:00:01:02", "02-00-0a-00-00-01", "02.00.0a.00.00.01",
            "02:00:0a:00:00:0g", "2:00:0a:00:00:001", "0200:0a00:0001:", "02:00:0a:00:00:1 ", " 2:00:0a:00:00:01",
            "02:00:0a::00:001", "０２:00:0a:00:00:01", "02:00:0a:00:00:١١", "+2:00:0a:00:00:01"})
    void parseRefusesTextThatIsNotSixColonSeparatedHexBytes(String text) {
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> Mac.parse("MAC", text));
        assertEquals(Optional.of("MAC"), e.field());
        assertTrue(e.getMessage().startsWith("MAC: invalid value \"" + text + "\""), e.getMessage());
    }

    @Test
    void parseRefusesMissingText() {
        assertEquals(Optional.of("MAC"), assertThrowsExactly(ValidationException.class,
                () -> Mac.parse("MAC", null)).field());
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "02:00:0a:00:00:01, 9, 02:00:0a:00:00:0a",
            "02:00:c0:a8:01:fa, 5, 02:00:c0:a8:01:ff",
            "02:00:c0:a8:01:fa, 6, 02:00:c0:a8:02:00",
            "02:00:ff:ff:ff:fe, 1, 02:00:ff:ff:ff:ff",
            "02:00:ff:ff:ff:fe, 2, 02:00:00:00:00:00",
            "02:00:ff:ff:ff:fe, 3, 02:00:00:00:00:01",
            "0a:bc:ff:ff:ff:ff, 1, 0a:bc:00:00:00:00",
            "02:00:00:00:00:05, 4294967296, 02:00:00:00:00:05",
            "02:00:00:00:00:05, 4294967295, 02:00:00:00:00:04",
            "02:00:12:34:56:78, -1, 02:00:12:34:56:77",
            "02:00:00:00:00:00, -1, 02:00:ff:ff:ff:ff",
    })
    void plusWrapsTheLow32BitsWithoutCarryIntoThePrefix(String start, long offset, String expected) {
        Mac mac = Mac.parse("MAC", start);
        Mac result = mac.plus(offset);
        assertEquals(expected, result.toString());
        assertEquals(mac.prefix16(), result.prefix16());
    }

    @Test
    void prefixAndLow32SplitTheAddress() {
        Mac mac = Mac.parse("MAC", "0a:bc:12:34:56:78");
        assertEquals(0x0abc, mac.prefix16());
        assertEquals(0x12345678, mac.low32());
        assertEquals(mac, Mac.of(0x0abc, 0x12345678));
        assertEquals("02:00:ff:ff:ff:ff", Mac.of(0x0200, -1).toString());
        assertEquals("ff:ff:00:00:00:01", Mac.of(0x1ffff, 1).toString());
    }

    @Test
    void octetsAreReadFromTheLeft() {
        Mac mac = Mac.parse("MAC", "02:00:c0:a8:01:ff");
        int[] expected = {0x02, 0x00, 0xc0, 0xa8, 0x01, 0xff};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], mac.octet(i));
        }
    }

    @Test
    void isMulticastReadsTheLowBitOfTheFirstByte() {
        assertTrue(new Mac(0x01_00_5e_00_00_01L).isMulticast());
        assertFalse(new Mac(0x02_00_00_00_00_01L).isMulticast());
    }

    @Test
    void constructorRefusesValuesWiderThan48Bits() {
        assertThrows(IllegalArgumentException.class, () -> new Mac(1L << 48));
        assertThrows(IllegalArgumentException.class, () -> new Mac(-1L));
    }

    @Test
    void compareToOrdersByValue() {
        assertTrue(Mac.parse("M", "02:00:00:00:00:01").compareTo(Mac.parse("M", "02:00:00:00:01:00")) < 0);
        assertTrue(Mac.parse("M", "fe:00:00:00:00:00").compareTo(Mac.parse("M", "02:ff:ff:ff:ff:ff")) > 0);
    }

    @Test
    void looksLikeRefusesOtherShapes() {
        assertFalse(Mac.looksLike("10.0.0.1"));
        assertFalse(Mac.looksLike("2001:db8::1"));
        assertFalse(Mac.looksLike(null));
    }
}
