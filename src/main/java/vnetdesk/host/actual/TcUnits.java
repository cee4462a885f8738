package vnetdesk.host.actual;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The units {@code tc} prints rates and sizes in, read back into bytes, and
 * the one normalisation of a burst. Facts checked on iproute2 6.1 / Linux
 * 6.18:
 * <ul>
 * <li>a rate is printed in bits/s with a decimal prefix ({@code 800Kbit},
 * {@code 8Mbit}); tc's {@code kbps} is 1000 bytes/s, so {@code rate 100kbps}
 * reads back as {@code 800Kbit} = 100,000 bytes/s. The text is exact for
 * {@code N kbps} below 1 Gbit/s (tc keeps dividing by 1000 only while
 * nothing is lost or the number is under a million);</li>
 * <li>a size is printed as {@code Nb}, {@code NKb} (×1024) or {@code NMb}
 * (×1048576); tc shows {@code Kb}/{@code Mb} when the bytes are within
 * 16 bytes of a whole unit;</li>
 * <li>the kernel keeps a burst as the time to send it at the rate, in
 * whole microseconds and scheduler ticks, so what tc reads back is up to
 * about 2 µs × rate below what was asked ({@code burst 1kb} at 100 Mbit/s
 * reads {@code 1000b}, {@code 50kb} at 1 Gbit/s reads {@code 51000b}).</li>
 * </ul>
 */
final class TcUnits {

    private TcUnits() {
    }

    /** A printed rate ({@code 800Kbit}, {@code 1Gbit}, {@code 56bit}, IEC {@code 1Mibit}) in bytes/s. */
    static Optional<Long> rate(String text) {
        if (!text.endsWith("bit")) {
            return Optional.empty();
        }
        String number = text.substring(0, text.length() - 3);
        long unit = 1;
        boolean iec = number.endsWith("i");
        if (iec) {
            number = number.substring(0, number.length() - 1);
        }
        int prefix = number.isEmpty() ? -1 : "KMGT".indexOf(number.charAt(number.length() - 1));
        if (prefix >= 0) {
            number = number.substring(0, number.length() - 1);
            for (int i = 0; i <= prefix; i++) {
                unit *= iec ? 1024 : 1000;
            }
        } else if (iec) {
            return Optional.empty();
        }
        return times(number, unit).map(bits -> bits / 8);
    }

    /** A printed size ({@code 1600b}, {@code 50Kb}, {@code 4Mb}) in bytes. */
    static Optional<Long> size(String text) {
        long unit;
        String number;
        if (text.endsWith("Mb")) {
            unit = 1024L * 1024;
            number = text.substring(0, text.length() - 2);
        } else if (text.endsWith("Kb")) {
            unit = 1024;
            number = text.substring(0, text.length() - 2);
        } else if (text.endsWith("b")) {
            unit = 1;
            number = text.substring(0, text.length() - 1);
        } else {
            return Optional.empty();
        }
        return times(number, unit);
    }

    /**
     * The burst that was asked for, from the one read back: the largest whole
     * number of KiB (what the console asks for: {@code burst <KB>kb}) from
     * 16 bytes below the value read up to 16 bytes + 2 µs × rate above it;
     * the value itself when no KiB multiple is that near. At the highest
     * rates two multiples can be in reach and the larger one is the truth
     * (the kernel only rounds down): 50 KiB at 8 Gbit/s reads 50000 bytes.
     */
    static long burst(long bytes, long rateBytesPerSecond) {
        long above = 16 + (rateBytesPerSecond * 2 + 999_999) / 1_000_000;
        long largest = Math.floorDiv(bytes + above, 1024) * 1024;
        return largest >= bytes - 16 ? largest : bytes;
    }

    /** {@code number} (tc prints {@code %g}, so also {@code 1.5e+06}) times {@code unit}, when it fits a long. */
    private static Optional<Long> times(String number, long unit) {
        if (number.isEmpty() || !Character.isDigit(number.charAt(0)) || number.length() > 30) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(number).multiply(BigDecimal.valueOf(unit));
            return value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Optional.empty()
                    : Optional.of(value.longValue());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
