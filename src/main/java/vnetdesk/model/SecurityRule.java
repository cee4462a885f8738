package vnetdesk.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One allow rule of a security group. The constructor enforces every rule of
 * the spec, so an invalid rule cannot exist; ports are kept sorted without
 * exact duplicates, so two rules allowing the same thing are equal.
 *
 * @param ports    TCP/UDP ports (attribute RANGE); empty = all ports
 * @param icmpType ICMP_TYPE for ICMP, ICMPV6_TYPE for ICMPV6; empty = all types
 */
public record SecurityRule(Protocol protocol, Direction direction, RuleTarget target, List<PortRange> ports,
                           Optional<Integer> icmpType) {

    /** iptables multiport matches at most 15 ports; a range takes two of them. */
    public static final int MAX_MULTIPORT_COST = 15;

    /** The PROTOCOL attribute. */
    public enum Protocol {
        ALL, TCP, UDP, ICMP, ICMPV6, IPSEC;

        private static final Map<Integer, String> ICMP_TYPES = sorted(Map.ofEntries(Map.entry(0, "echo-reply"),
                Map.entry(3, "destination-unreachable"), Map.entry(4, "source-quench"), Map.entry(5, "redirect"),
                Map.entry(8, "echo-request"), Map.entry(9, "router-advertisement"),
                Map.entry(10, "router-solicitation"), Map.entry(11, "time-exceeded"),
                Map.entry(12, "parameter-problem"), Map.entry(13, "timestamp-request"),
                Map.entry(14, "timestamp-reply"), Map.entry(17, "address-mask-request"),
                Map.entry(18, "address-mask-reply")));
        private static final Map<Integer, String> ICMPV6_TYPES = sorted(Map.of(1, "destination-unreachable",
                2, "packet-too-big", 3, "time-exceeded", 4, "parameter-problem", 128, "echo-request",
                129, "echo-reply"));

        public boolean hasPorts() {
            return this == TCP || this == UDP;
        }

        /** The types this protocol can match, by number, with their names; empty if it has none. */
        public Map<Integer, String> icmpTypeNames() {
            return this == ICMP ? ICMP_TYPES : this == ICMPV6 ? ICMPV6_TYPES : Map.of();
        }

        /** ICMP_TYPE or ICMPV6_TYPE, for the two protocols that have types. */
        public Optional<String> icmpTypeAttribute() {
            return this == ICMP ? Optional.of("ICMP_TYPE")
                    : this == ICMPV6 ? Optional.of("ICMPV6_TYPE") : Optional.empty();
        }

        /** ICMP matches IPv4 only, ICMPV6 IPv6 only; the others both. */
        public boolean reaches(Address address) {
            return this == ICMP ? address instanceof Address.V4 : this != ICMPV6 || address instanceof Address.V6;
        }

        String displayName() {
            return switch (this) {
                case ALL -> "all protocols";
                case ICMPV6 -> "ICMPv6";
                case IPSEC -> "IPsec";
                default -> name();
            };
        }

        private static Map<Integer, String> sorted(Map<Integer, String> names) {
            return Collections.unmodifiableMap(new TreeMap<>(names));
        }
    }

    /** The RULE_TYPE attribute: INBOUND is traffic towards the VM. */
    public enum Direction {
        INBOUND, OUTBOUND
    }

    public SecurityRule {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(icmpType, "icmpType");
        ports = normalisePorts(protocol, ports, rangeText(ports));
        icmpType.ifPresent(type -> checkIcmpType(protocol, protocol.icmpTypeAttribute().orElse("ICMP_TYPE"),
                Integer.toString(type)));
        checkFamily(protocol, target);
    }

    /**
     * Validates a rule given as OpenNebula attributes (names in any case,
     * values trimmed); errors name the attribute and its value.
     */
    public static SecurityRule parse(Map<String, String> attributes) {
        return SecurityRuleParser.parse(attributes);
    }

    /** A rule for any port, type and address. */
    public static SecurityRule of(Protocol protocol, Direction direction) {
        return new SecurityRule(protocol, direction, new RuleTarget.AnyAddress(), List.of(), Optional.empty());
    }

    public SecurityRule withTarget(RuleTarget newTarget) {
        return new SecurityRule(protocol, direction, newTarget, ports, icmpType);
    }

    /** Canonical attributes, in a fixed order; {@code parse(toAttributes())} gives this rule back. */
    public Map<String, String> toAttributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("PROTOCOL", protocol.name());
        a.put("RULE_TYPE", direction.name());
        if (target instanceof RuleTarget.Block b) {
            a.put("IP", b.first().toString());
            a.put("SIZE", b.size().toString());
        } else if (target instanceof RuleTarget.OfNetwork n) {
            a.put("NETWORK_ID", Integer.toString(n.networkId()));
        }
        if (!ports.isEmpty()) {
            a.put("RANGE", rangeText(ports));
        }
        icmpType.ifPresent(t -> a.put(protocol.icmpTypeAttribute().orElseThrow(), t.toString()));
        return Collections.unmodifiableMap(a);
    }

    /** One line for the UI and CLI, e.g. {@code inbound TCP ports 22, 80-90 from any address}. */
    public String summary() {
        StringBuilder s = new StringBuilder(direction == Direction.INBOUND ? "inbound " : "outbound ");
        s.append(protocol.displayName());
        if (protocol.hasPorts()) {
            if (ports.isEmpty()) {
                s.append(" all ports");
            } else {
                s.append(ports.size() == 1 && ports.get(0).isSinglePort() ? " port " : " ports ");
                s.append(ports.stream().map(PortRange::displayText).collect(Collectors.joining(", ")));
            }
        }
        if (!protocol.icmpTypeNames().isEmpty()) {
            s.append(icmpType.map(t -> " " + protocol.icmpTypeNames().get(t) + " (" + t + ")").orElse(" all types"));
        }
        s.append(direction == Direction.INBOUND ? " from " : " to ");
        if (target instanceof RuleTarget.Block b) {
            s.append(b.displayText());
        } else if (target instanceof RuleTarget.OfNetwork n) {
            s.append("network ").append(n.networkId()).append(" (each of its address ranges)");
        } else {
            s.append("any address");
        }
        return s.toString();
    }

    /** The rules with later copies of an equal rule left out, otherwise in the same order. */
    public static List<SecurityRule> withoutDuplicates(List<SecurityRule> rules) {
        return List.copyOf(new LinkedHashSet<>(rules));
    }

    /**
     * Sorts and de-duplicates ports and checks they belong to the protocol and
     * fit one multiport match; {@code shown} is the RANGE value errors quote.
     */
    static List<PortRange> normalisePorts(Protocol protocol, List<PortRange> ports, String shown) {
        List<PortRange> sorted = new ArrayList<>(new TreeSet<>(ports));
        if (!sorted.isEmpty() && !protocol.hasPorts()) {
            throw portsWithout(protocol, shown);
        }
        int cost = sorted.stream().mapToInt(PortRange::multiportCost).sum();
        if (cost > MAX_MULTIPORT_COST) {
            throw ValidationException.invalid("RANGE", shown, "counts as " + cost
                    + " ports, iptables multiport takes at most " + MAX_MULTIPORT_COST + " (a range counts 2)");
        }
        return List.copyOf(sorted);
    }

    private static String rangeText(List<PortRange> ports) {
        return ports.stream().map(PortRange::toString).collect(Collectors.joining(","));
    }

    static ValidationException portsWithout(Protocol protocol, String shown) {
        return ValidationException.invalid("RANGE", shown,
                "only TCP and UDP rules have ports (PROTOCOL is " + protocol.name() + ")");
    }

    /** Checks an ICMP/ICMPV6 type given in {@code attribute} as {@code shown} and returns it. */
    static int checkIcmpType(Protocol protocol, String attribute, String shown) {
        Protocol owner = attribute.equals("ICMPV6_TYPE") ? Protocol.ICMPV6 : Protocol.ICMP;
        if (protocol != owner) {
            throw ValidationException.invalid(attribute, shown, "only " + owner.name() + " rules have " + attribute
                    + " (PROTOCOL is " + protocol.name() + ")");
        }
        Map<Integer, String> known = owner.icmpTypeNames();
        String digits = shown.trim();
        if (digits.matches("[0-9]{1,3}") && known.containsKey(Integer.parseInt(digits))) {
            return Integer.parseInt(digits);
        }
        throw ValidationException.invalid(attribute, shown, "expected one of "
                + known.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    /** Refuses an address block ICMP or ICMPV6 can never match. */
    static void checkFamily(Protocol protocol, RuleTarget target) {
        if (target instanceof RuleTarget.Block b && !protocol.reaches(b.first())) {
            String fits = b.isIpv4() ? "ICMP" : "ICMPV6";
            throw ValidationException.invalid("IP", b.first(), "an " + (b.isIpv4() ? "IPv4" : "IPv6")
                    + " address cannot match " + protocol.name() + "; use PROTOCOL " + fits);
        }
    }
}
