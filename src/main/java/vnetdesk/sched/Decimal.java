package vnetdesk.sched;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An exact decimal number, written {@code [+-]digits[.digits]}, compared by value:
 * {@code 10}, {@code 010}, {@code +10} and {@code 10.0} are the same number. Kept
 * as its digits, normalized (no leading zeros in the whole part, no trailing zeros
 * in the fraction, zero never negative), so that comparing is linear in the length
 * of the text however long an attribute value is.
 *
 * @param negative       whether the number is below zero
 * @param wholeDigits    the digits before the point, {@code "0"} when there are none
 * @param fractionDigits the digits after the point, empty when there are none
 */
public record Decimal(boolean negative, String wholeDigits, String fractionDigits) implements Comparable<Decimal> {

    public Decimal {
        if (wholeDigits.isEmpty() || !allDigits(wholeDigits) || !allDigits(fractionDigits)
                || (wholeDigits.length() > 1 && wholeDigits.charAt(0) == '0')
                || fractionDigits.endsWith("0")
                || (negative && wholeDigits.equals("0") && fractionDigits.isEmpty())) {
            throw new IllegalArgumentException("not a normalized decimal: " + wholeDigits + "." + fractionDigits);
        }
    }

    /** The number {@code text} is, when all of it is {@code [+-]digits[.digits]}. */
    public static Optional<Decimal> parse(String text) {
        int i = 0;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int point = text.indexOf('.', i);
        String whole = point < 0 ? text.substring(i) : text.substring(i, point);
        String fraction = point < 0 ? "" : text.substring(point + 1);
        if (whole.isEmpty() || !allDigits(whole) || (point >= 0 && (fraction.isEmpty() || !allDigits(fraction)))) {
            return Optional.empty();
        }
        whole = stripLeadingZeros(whole);
        fraction = stripTrailingZeros(fraction);
        boolean zero = whole.equals("0") && fraction.isEmpty();
        return Optional.of(new Decimal(negative && !zero, whole, fraction));
    }

    /** The plain decimal text of a finite double, e.g. {@code 250} for 250.0 (never an exponent). */
    static Decimal of(double value) {
        return parse(BigDecimal.valueOf(value).toPlainString()).orElseThrow();
    }

    /** The nearest double; infinite when the number is beyond a double's range. */
    public double doubleValue() {
        return Double.parseDouble(toString());
    }

    @Override
    public int compareTo(Decimal other) {
        if (negative != other.negative) {
            return negative ? -1 : 1;
        }
        int magnitude = compareMagnitude(other);
        return negative ? -magnitude : magnitude;
    }

    private int compareMagnitude(Decimal other) {
        if (wholeDigits.length() != other.wholeDigits.length()) {
            return Integer.compare(wholeDigits.length(), other.wholeDigits.length());
        }
        int whole = wholeDigits.compareTo(other.wholeDigits);
        // Without trailing zeros, fractions compare as text: "5" (0.5) > "25" (0.25), "5" < "51".
        return whole != 0 ? Integer.signum(whole) : Integer.signum(fractionDigits.compareTo(other.fractionDigits));
    }

    /** The normalized text, e.g. {@code -2.5}; it reads back as the same number. */
    @Override
    public String toString() {
        return (negative ? "-" : "") + wholeDigits + (fractionDigits.isEmpty() ? "" : "." + fractionDigits);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }
}
