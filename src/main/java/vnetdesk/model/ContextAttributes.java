package vnetdesk.model;

import java.util.Map;

/**
 * Validation of the guest-configuration (context) attributes of a network or
 * AR: addresses, masks and MTU must be well formed; anything else is free.
 */
public final class ContextAttributes {

    private ContextAttributes() {
    }

    /** Checks every attribute, recording each problem instead of stopping at the first. */
    public static void validate(Map<String, String> attributes, Problems problems) {
        attributes.forEach((name, value) -> problems.check(() -> validateOne(name, value)));
    }

    public static void validateOne(String name, String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return;
        }
        switch (name) {
            case "NETWORK_ADDRESS", "GATEWAY" -> Ipv4.parse(name, v);
            case "NETWORK_MASK" -> checkMask(name, v);
            case "GATEWAY6", "IP6_GATEWAY" -> Ipv6.parse(name, v);
            case "GUEST_MTU" -> Numbers.parseInt(name, v, 68, 65535);
            case "DNS" -> {
                for (String server : v.split("[\\s,]+")) {
                    if (server.indexOf(':') >= 0) {
                        Ipv6.parse(name, server);
                    } else {
                        Ipv4.parse(name, server);
                    }
                }
            }
            case "SEARCH_DOMAIN" -> {
                if (!v.matches("[A-Za-z0-9.\\- ]{1,253}")) {
                    throw ValidationException.invalid(name, value, "expected domain names separated by blanks");
                }
            }
            default -> {
            }
        }
    }

    /** A dotted mask with contiguous ones (255.255.255.0) or a prefix length 0–32. */
    public static int checkMask(String name, String v) {
        if (v.matches("0|[1-9][0-9]?")) {
            return Numbers.parseInt(name, v, 0, 32);
        }
        long bits = Ipv4.parse(name, v).unsigned();
        long inverted = ~bits & 0xFFFF_FFFFL;
        if ((inverted & (inverted + 1)) != 0) {
            throw ValidationException.invalid(name, v, "the mask's one bits must be contiguous");
        }
        return Long.bitCount(bits);
    }
}
