package vnetdesk.model;

import java.math.BigInteger;

/**
 * An IPv6 address as two 64-bit halves. Parses every RFC 4291 text form
 * (including {@code ::} and a trailing dotted quad); prints RFC 5952 text
 * (lowercase, no leading zeros, {@code ::} for the longest run of two or more
 * zero groups, leftmost on a tie).
 */
public record Ipv6(long high, long low) implements Comparable<Ipv6> {

    public static final Ipv6 LINK_LOCAL_PREFIX = new Ipv6(0xfe80_0000_0000_0000L, 0);

    public static Ipv6 parse(String field, String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            throw ValidationException.invalid(field, text, "not an IPv6 address");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == ':' || c == '.';
            if (!ok) {
                String why = c == '/' ? "give the address without a /prefix-length" : "not an IPv6 address";
                throw ValidationException.invalid(field, text, why);
            }
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        int n = text.length();
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (text.startsWith(":")) {
            throw ValidationException.invalid(field, text, "not an IPv6 address");
        }
        while (i < n) {
            int start = i;
            int value = 0;
            while (i < n && Character.digit(text.charAt(i), 16) >= 0) {
                value = value * 16 + Character.digit(text.charAt(i), 16);
                i++;
                if (i - start > 4) {
                    throw ValidationException.invalid(field, text, "a group has more than 4 hex digits");
                }
            }
            if (i < n && text.charAt(i) == '.') {
                // embedded dotted quad: must be the last 32 bits
                Ipv4 v4;
                try {
                    v4 = Ipv4.parse(field, text.substring(start));
                } catch (ValidationException e) {
                    throw ValidationException.invalid(field, text, "the embedded IPv4 part is not a dotted quad");
                }
                if (count > 6) {
                    throw ValidationException.invalid(field, text, "too many groups");
                }
                groups[count++] = (int) (v4.unsigned() >>> 16);
                groups[count++] = (int) (v4.unsigned() & 0xffff);
                i = n;
                break;
            }
            if (i == start) {
                throw ValidationException.invalid(field, text, "not an IPv6 address");
            }
            if (count == 8) {
                throw ValidationException.invalid(field, text, "too many groups");
            }
            groups[count++] = value;
            if (i == n) {
                break;
            }
            // here text[i] == ':'
            i++;
            if (i < n && text.charAt(i) == ':') {
                if (gap >= 0) {
                    throw ValidationException.invalid(field, text, "'::' may appear only once");
                }
                gap = count;
                i++;
            } else if (i == n) {
                throw ValidationException.invalid(field, text, "ends with a single ':'");
            }
        }
        int[] full = new int[8];
        if (gap >= 0) {
            if (count > 7) {
                throw ValidationException.invalid(field, text, "too many groups");
            }
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        } else {
            if (count != 8) {
                throw ValidationException.invalid(field, text, "an IPv6 address has 8 groups");
            }
            full = groups;
        }
        long hi = 0;
        long lo = 0;
        for (int g = 0; g < 4; g++) {
            hi = (hi << 16) | full[g];
            lo = (lo << 16) | full[g + 4];
        }
        return new Ipv6(hi, lo);
    }

    public static boolean looksLike(String text) {
        try {
            parse("IP6", text);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    /** This address plus an unsigned 64-bit offset, carrying into the upper half. */
    public Ipv6 plus(long offset) {
        long newLow = low + offset;
        long carry = Long.compareUnsigned(newLow, low) < 0 ? 1 : 0;
        return new Ipv6(high + carry, newLow);
    }

    /** The upper 64 bits only (a /64 prefix). */
    public Ipv6 prefix64() {
        return new Ipv6(high, 0);
    }

    /** The first address of the /len prefix containing this address. */
    public Ipv6 networkOf(int prefixLength) {
        if (prefixLength >= 128) {
            return this;
        }
        if (prefixLength <= 0) {
            return new Ipv6(0, 0);
        }
        if (prefixLength <= 64) {
            long mask = prefixLength == 64 ? -1L : ~(-1L >>> prefixLength);
            return new Ipv6(high & mask, 0);
        }
        long mask = ~(-1L >>> (prefixLength - 64));
        return new Ipv6(high, low & mask);
    }

    public BigInteger toBigInteger() {
        BigInteger h = new BigInteger(Long.toUnsignedString(high));
        return h.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }

    public int group(int i) {
        long half = i < 4 ? high : low;
        return (int) (half >>> (48 - 16 * (i % 4))) & 0xffff;
    }

    @Override
    public int compareTo(Ipv6 o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    @Override
    public String toString() {
        if (high == 0 && (low >>> 32) == 0xFFFFL) {
            // RFC 5952 section 5: IPv4-mapped addresses keep the dotted quad
            return "::ffff:" + new Ipv4((int) low);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (group(i) == 0) {
                int j = i;
                while (j < 8 && group(j) == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder b = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(group(i)));
        }
        return b.toString();
    }
}
