package vnetdesk.model;

/** An IPv4 address, held as its 32 bits. Text form is the dotted quad. */
public record Ipv4(int bits) implements Comparable<Ipv4> {

    /** Number of addresses in the IPv4 space. */
    public static final long SPACE = 1L << 32;

    /**
     * Parses a strict dotted quad: four decimal octets 0–255, no leading zeros
     * (they would be read as octal by some tools), no blanks.
     */
    public static Ipv4 parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw ValidationException.invalid(field, "", "empty IPv4 address");
        }
        long value = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (i <= n) {
            int start = i;
            int octet = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                octet = octet * 10 + (text.charAt(i) - '0');
                if (octet > 255) {
                    throw ValidationException.invalid(field, text, "octet out of range 0-255");
                }
                i++;
            }
            if (i == start) {
                throw ValidationException.invalid(field, text, "not a dotted-quad IPv4 address");
            }
            if (i - start > 1 && text.charAt(start) == '0') {
                throw ValidationException.invalid(field, text, "octet with a leading zero");
            }
            value = (value << 8) | octet;
            octets++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != '.' || octets == 4) {
                throw ValidationException.invalid(field, text, "not a dotted-quad IPv4 address");
            }
            i++;
            if (i == n) {
                throw ValidationException.invalid(field, text, "not a dotted-quad IPv4 address");
            }
        }
        if (octets != 4) {
            throw ValidationException.invalid(field, text, "an IPv4 address has 4 octets");
        }
        return new Ipv4((int) value);
    }

    /** True when the text is a strict dotted quad. */
    public static boolean looksLike(String text) {
        try {
            parse("IP", text);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    public static Ipv4 ofUnsigned(long value) {
        if (value < 0 || value >= SPACE) {
            throw new IllegalArgumentException("IPv4 value out of range: " + value);
        }
        return new Ipv4((int) value);
    }

    /** The address as an unsigned value 0 .. 2^32-1. */
    public long unsigned() {
        return Integer.toUnsignedLong(bits);
    }

    /** This address plus {@code offset}; the caller checks the range fits the IPv4 space. */
    public Ipv4 plus(long offset) {
        return ofUnsigned(unsigned() + offset);
    }

    public int octet(int i) {
        return (bits >>> (24 - 8 * i)) & 0xff;
    }

    @Override
    public int compareTo(Ipv4 o) {
        return Integer.compareUnsigned(bits, o.bits);
    }

    @Override
    public String toString() {
        return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
    }
}
