package vnetdesk.model;

/** An address a user types to name a lease: IPv4, IPv6 or MAC. */
public sealed interface Address {

    /** Parses any of the three kinds, telling them apart by shape. */
    static Address parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.invalid(field, text == null ? "" : text, "expected an IPv4, IPv6 or MAC address");
        }
        String t = text.trim();
        // six two-digit groups is a MAC; a valid IPv6 text never has exactly five colons
        if (t.length() == 17 && t.chars().filter(ch -> ch == ':').count() == 5 && t.indexOf("::") < 0) {
            return new Ether(Mac.parse(field, t));
        }
        if (t.indexOf(':') >= 0) {
            return new V6(Ipv6.parse(field, t));
        }
        if (t.indexOf('.') >= 0) {
            return new V4(Ipv4.parse(field, t));
        }
        throw ValidationException.invalid(field, text, "expected an IPv4, IPv6 or MAC address");
    }

    /** The address plus an offset, for inclusive ranges FIRST-LAST. */
    Address plus(long offset);

    record V4(Ipv4 ip) implements Address {
        public Address plus(long offset) {
            return new V4(ip.plus(offset));
        }

        @Override
        public String toString() {
            return ip.toString();
        }
    }

    record V6(Ipv6 ip) implements Address {
        public Address plus(long offset) {
            return new V6(ip.plus(offset));
        }

        @Override
        public String toString() {
            return ip.toString();
        }
    }

    record Ether(Mac mac) implements Address {
        public Address plus(long offset) {
            return new Ether(mac.plus(offset));
        }

        @Override
        public String toString() {
            return mac.toString();
        }
    }
}
