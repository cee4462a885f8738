package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Telling IPv4, IPv6 and MAC apart in what a user types. */
class AddressTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "10.0.0.1, V4, 10.0.0.1",
            "' 10.0.0.1 ', V4, 10.0.0.1",
            "255.255.255.255, V4, 255.255.255.255",
            "2001:db8::1, V6, 2001:db8::1",
            "2001:DB8:0:0:0:0:0:1, V6, 2001:db8::1",
            "::, V6, ::",
            "::ffff:10.0.0.1, V6, ::ffff:10.0.0.1",
            "fe80::aff:fe00:1, V6, fe80::aff:fe00:1",
            "02:00:0a:00:00:01, Ether, 02:00:0a:00:00:01",
            "02:00:0A:00:00:0F, Ether, 02:00:0a:00:00:0f",
            "' 02:00:0a:00:00:01', Ether, 02:00:0a:00:00:01",
            "2001:db8:0:1:1:1:1:1, V6, 2001:db8:0:1:1:1:1:1",
            "12:34::5:6:7:8, V6, 12:34::5:6:7:8",
    })
    void parseTellsTheKindByShape(String text, String kind, String printed) {
        Address a = Address.parse("ADDRESS", text);
        assertEquals(kind, a.getClass().getSimpleName());
        assertEquals(printed, a.toString());
    }

    @Test
    void parseReadsAnIpv6WhoseFirstGroupsHaveTwoDigitsAsIpv6() {
        Address a = Address.parse("ADDRESS", "ab:cd:1:2:3:4:5:6");
        assertInstanceOf(Address.V6.class, a);
        assertEquals("ab:cd:1:2:3:4:5:6", a.toString());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "hello", "42", "10.0.0.300", "10.0.0", "2001:db8::g", "ff:ff:ff:ff:ff:ff",
            "01:00:5e:00:00:01", "02:00:0a:00:00:0g", "10.0.0.1-10.0.0.5"})
    void parseRefusesTextThatIsNoAddressNamingTheField(String text) {
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> Address.parse("ADDRESS", text));
        assertEquals(Optional.of("ADDRESS"), e.field());
        assertTrue(e.getMessage().startsWith("ADDRESS: "), e.getMessage());
    }

    @Test
    void parseRefusesMissingText() {
        assertEquals(Optional.of("ADDRESS"),
                assertThrowsExactly(ValidationException.class, () -> Address.parse("ADDRESS", null)).field());
    }

    @Test
    void plusMovesEachKindByItsOwnArithmetic() {
        assertEquals("10.0.1.4", Address.parse("A", "10.0.0.250").plus(10).toString());
        assertEquals("2001:db8:0:2::", Address.parse("A", "2001:db8:0:1:ffff:ffff:ffff:ffff").plus(1).toString());
        assertEquals("02:00:00:00:00:01", Address.parse("A", "02:00:ff:ff:ff:ff").plus(2).toString());
    }
}
