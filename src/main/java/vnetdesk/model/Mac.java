package vnetdesk.model;

import java.util.Locale;

/**
 * A unicast Ethernet MAC address (48 bits). Text form: six lowercase two-digit
 * hex bytes separated by colons.
 */
public record Mac(long value) implements Comparable<Mac> {

    private static final long MASK48 = 0xFFFF_FFFF_FFFFL;

    public Mac {
        if ((value & ~MASK48) != 0) {
            throw new IllegalArgumentException("MAC value wider than 48 bits");
        }
    }

    /** Parses {@code xx:xx:xx:xx:xx:xx}; refuses broadcast and multicast addresses. */
    public static Mac parse(String field, String text) {
        if (text == null || text.length() != 17) {
            throw ValidationException.invalid(field, text, "expected a MAC address like 02:00:0a:00:00:01");
        }
        long v = 0;
        for (int b = 0; b < 6; b++) {
            int p = b * 3;
            if (b > 0 && text.charAt(p - 1) != ':') {
                throw ValidationException.invalid(field, text, "expected a MAC address like 02:00:0a:00:00:01");
            }
            int hi = Character.digit(text.charAt(p), 16);
            int lo = Character.digit(text.charAt(p + 1), 16);
            if (hi < 0 || lo < 0 || text.charAt(p) > 'f' || text.charAt(p + 1) > 'f') {
                throw ValidationException.invalid(field, text, "expected a MAC address like 02:00:0a:00:00:01");
            }
            v = (v << 8) | (hi << 4) | lo;
        }
        Mac mac = new Mac(v);
        if (v == MASK48) {
            throw ValidationException.invalid(field, text, "the broadcast address cannot be assigned");
        }
        if (mac.isMulticast()) {
            throw ValidationException.invalid(field, text, "a multicast address cannot be assigned");
        }
        return mac;
    }

    /** True when the text has the MAC shape (used to tell address kinds apart). */
    public static boolean looksLike(String text) {
        return text != null && text.length() == 17 && text.charAt(2) == ':' && text.chars().allMatch(
                c -> c == ':' || Character.digit(c, 16) >= 0);
    }

    public static Mac of(int prefix16, int low32) {
        return new Mac(((long) (prefix16 & 0xffff) << 32) | Integer.toUnsignedLong(low32));
    }

    public boolean isMulticast() {
        return ((value >>> 40) & 0x01) != 0;
    }

    /** Upper two bytes (the vnetdesk MAC prefix, 02:00 by default). */
    public int prefix16() {
        return (int) (value >>> 32) & 0xffff;
    }

    /** Lower four bytes. */
    public int low32() {
        return (int) value;
    }

    /** Lease arithmetic: prefix unchanged, low 32 bits plus {@code offset} modulo 2^32. */
    public Mac plus(long offset) {
        return of(prefix16(), (int) (Integer.toUnsignedLong(low32()) + offset));
    }

    public int octet(int i) {
        return (int) (value >>> (40 - 8 * i)) & 0xff;
    }

    @Override
    public int compareTo(Mac o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                b.append(':');
            }
            b.append(String.format(Locale.ROOT, "%02x", octet(i)));
        }
        return b.toString();
    }
}
