package vnetdesk.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTest {

    private static Decimal d(String text) {
        return Decimal.parse(text).orElseThrow();
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({"10, 10", "010, 10", "+10, 10", "10.0, 10", "10.50, 10.5", "-0, 0", "-0.000, 0", "0.5, 0.5",
            "-007.070, -7.07", "000, 0"})
    void numbersAreNormalized(String text, String normalized) {
        assertEquals(normalized, d(text).toString());
        assertEquals(d(normalized), d(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".5", "5.", "1e5", "0x10", "1_000", " 1", "1 ", "--1", "1.2.3", "١٢"})
    void onlyPlainDecimalsAreNumbers(String text) {
        assertEquals(Optional.empty(), Decimal.parse(text));
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({"1, 2", "2, 10", "-10, -2", "-1, 0", "0, 0.001", "0.25, 0.5", "0.5, 0.51", "9.99, 10", "-0.5, -0.25",
            "99999999999999999999999, 100000000000000000000000"})
    void comparesByValue(String smaller, String larger) {
        assertTrue(d(smaller).compareTo(d(larger)) < 0);
        assertTrue(d(larger).compareTo(d(smaller)) > 0);
    }

    @Test
    void aNumberTooLargeForADoubleIsInfiniteAndComparesExactly() {
        Decimal huge = d("9".repeat(400));
        assertEquals(Double.POSITIVE_INFINITY, huge.doubleValue());
        assertTrue(huge.compareTo(d("9".repeat(399) + "8")) > 0);
    }

    @Test
    void aDoubleIsWrittenWithoutExponent() {
        assertEquals("250", Decimal.of(250.0).toString());
        assertEquals("100000000000000000000", Decimal.of(1e20).toString());
        assertEquals("-0.1", Decimal.of(-0.1).toString());
        assertEquals("0", Decimal.of(-0.0).toString());
    }

    @Test
    void onlyNormalizedDigitsMakeADecimal() {
        assertThrows(IllegalArgumentException.class, () -> new Decimal(false, "01", ""));
        assertThrows(IllegalArgumentException.class, () -> new Decimal(false, "1", "50"));
        assertThrows(IllegalArgumentException.class, () -> new Decimal(true, "0", ""));
        assertThrows(IllegalArgumentException.class, () -> new Decimal(false, "", "5"));
    }
}
