package vnetdesk.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a security group rule from its OpenNebula attributes, checking each
 * attribute in the order a user would fix them and quoting the value as
 * given; {@link SecurityRule}'s constructor keeps the last word.
 */
final class SecurityRuleParser {

    static final List<String> KNOWN = List.of("PROTOCOL", "RULE_TYPE", "IP", "SIZE", "RANGE", "ICMP_TYPE",
            "ICMPV6_TYPE", "NETWORK_ID");

    private static final Pattern PORT_ITEM = Pattern.compile("([0-9]+)(?::([0-9]+))?");
    private static final Pattern MAC_SHAPE = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    /** 2^128 has 39 digits; a longer SIZE cannot fit any address space. */
    private static final int MAX_SIZE_DIGITS = 39;

    private SecurityRuleParser() {
    }

    static SecurityRule parse(Map<String, String> raw) {
        Map<String, String> a = normalise(raw);
        SecurityRule.Protocol protocol = oneOf("PROTOCOL", a, SecurityRule.Protocol.values());
        SecurityRule.Direction direction = oneOf("RULE_TYPE", a, SecurityRule.Direction.values());
        RuleTarget target = target(a);
        List<PortRange> ports = ports(protocol, a.get("RANGE"));
        Optional<Integer> icmpType = Optional.empty();
        for (String attribute : List.of("ICMP_TYPE", "ICMPV6_TYPE")) {
            String value = a.get(attribute);
            if (value != null) {
                icmpType = Optional.of(SecurityRule.checkIcmpType(protocol, attribute, value));
            }
        }
        return new SecurityRule(protocol, direction, target, ports, icmpType);
    }

    /**
     * Upper-case names and trimmed values; a blank value counts as absent,
     * as elsewhere in vnetdesk. Refuses unknown names (typos like PORT would
     * otherwise widen the rule silently) and a name given twice.
     */
    private static Map<String, String> normalise(Map<String, String> raw) {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String name = Attributes.name(e.getKey());
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (!KNOWN.contains(name)) {
                unknown.put(name, value);
            } else if (a.containsKey(name)) {
                throw ValidationException.invalid(name, value, "given twice (attribute names ignore case)");
            } else if (!value.isEmpty()) {
                a.put(name, value);
            }
        }
        if (!unknown.isEmpty()) {
            throw unknownAttributes(unknown);
        }
        return a;
    }

    private static ValidationException unknownAttributes(Map<String, String> unknown) {
        String first = unknown.keySet().iterator().next();
        String what = unknown.size() == 1
                ? first + ": unknown rule attribute (value \"" + ValidationException.printable(unknown.get(first))
                        + "\")"
                : String.join(", ", unknown.keySet()) + ": unknown rule attributes";
        String hint = unknown.keySet().stream().anyMatch(n -> n.contains("PORT")) ? " (ports go in RANGE)" : "";
        return new ValidationException(first, what + "; a rule has " + String.join(", ", KNOWN) + hint);
    }

    private static <E extends Enum<E>> E oneOf(String attribute, Map<String, String> a, E[] values) {
        String value = a.get(attribute);
        if (value == null) {
            throw ValidationException.missing(attribute);
        }
        String upper = value.toUpperCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        for (E e : values) {
            if (e.name().equals(upper)) {
                return e;
            }
            names.add(e.name());
        }
        throw ValidationException.invalid(attribute, value, "expected one of " + String.join(", ", names));
    }

    private static RuleTarget target(Map<String, String> a) {
        String ip = a.get("IP");
        String size = a.get("SIZE");
        String network = a.get("NETWORK_ID");
        if (network != null) {
            if (ip != null || size != null) {
                throw ValidationException.invalid("NETWORK_ID", network,
                        "give either NETWORK_ID or IP and SIZE, not both");
            }
            return new RuleTarget.OfNetwork(Numbers.parseInt("NETWORK_ID", network, 0, Integer.MAX_VALUE));
        }
        if (ip == null && size == null) {
            return new RuleTarget.AnyAddress();
        }
        if (size == null) {
            throw new ValidationException("SIZE", "SIZE: required with IP \"" + ValidationException.printable(ip)
                    + "\" (how many addresses from IP the rule covers)");
        }
        if (ip == null) {
            throw new ValidationException("IP", "IP: required with SIZE \"" + ValidationException.printable(size)
                    + "\" (the first address of the block)");
        }
        return new RuleTarget.Block(address(ip), size(size));
    }

    /** IPv4 or IPv6 only: a rule cannot match a MAC address. */
    private static Address address(String ip) {
        if (MAC_SHAPE.matcher(ip).matches()) {
            throw ValidationException.invalid("IP", ip, "a MAC address; IP takes an IPv4 or IPv6 address");
        }
        if (ip.indexOf(':') >= 0) {
            return new Address.V6(Ipv6.parse("IP", ip));
        }
        if (ip.indexOf('.') >= 0) {
            return new Address.V4(Ipv4.parse("IP", ip));
        }
        throw ValidationException.invalid("IP", ip, "expected an IPv4 or IPv6 address");
    }

    private static BigInteger size(String size) {
        if (!size.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ValidationException.invalid("SIZE", size, "expected a whole number of addresses, at least 1");
        }
        String digits = size.replaceFirst("^0+(?=.)", "");
        if (digits.length() > MAX_SIZE_DIGITS) {
            throw ValidationException.invalid("SIZE", size, "more addresses than the IPv6 space (2^128) has");
        }
        BigInteger n = new BigInteger(digits);
        if (n.signum() == 0) {
            throw ValidationException.invalid("SIZE", size, "must be at least 1");
        }
        return n;
    }

    private static List<PortRange> ports(SecurityRule.Protocol protocol, String range) {
        if (range == null) {
            return List.of();
        }
        if (!protocol.hasPorts()) {
            throw SecurityRule.portsWithout(protocol, range);
        }
        List<PortRange> ports = new ArrayList<>();
        for (String rawItem : range.split(",", -1)) {
            String item = rawItem.trim();
            if (item.isEmpty()) {
                throw ValidationException.invalid("RANGE", range,
                        "an empty item (two commas in a row, or a comma at the start or end)");
            }
            Matcher m = PORT_ITEM.matcher(item);
            if (!m.matches()) {
                throw ValidationException.invalid("RANGE", range,
                        "\"" + ValidationException.printable(item) + "\" is not a port like 22 or a range like 80:90");
            }
            int first = port(m.group(1), range);
            int last = m.group(2) == null ? first : port(m.group(2), range);
            if (first > last) {
                throw ValidationException.invalid("RANGE", range, "port range " + item + " begins after it ends");
            }
            ports.add(new PortRange(first, last));
        }
        return SecurityRule.normalisePorts(protocol, ports, range);
    }

    private static int port(String digits, String range) {
        String shown = digits.replaceFirst("^0+(?=.)", "");
        if (shown.length() > 5 || Integer.parseInt(shown) > PortRange.MAX_PORT) {
            throw ValidationException.invalid("RANGE", range, "port " + shown + " is outside 0-" + PortRange.MAX_PORT);
        }
        return Integer.parseInt(shown);
    }
}
