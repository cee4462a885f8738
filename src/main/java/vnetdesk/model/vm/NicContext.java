package vnetdesk.model.vm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import vnetdesk.model.AddressRange;
import vnetdesk.model.ContextAttributes;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.VirtualNetwork;

/**
 * The context one leased NIC gives its guest, before the default-route rule:
 * the standard attributes (names without the {@code ETHi_} prefix) from the
 * lease, the AR's override attributes and the network's attributes, then the
 * custom attributes. A value is taken from the AR when the AR has a non-blank
 * one, else from the network; a value blank in both is left out.
 *
 * @param attributes standard names first ({@link #STANDARD} order), then custom names
 */
record NicContext(int index, Map<String, String> attributes) {

    /** The standard attributes in the order they are written, after the {@code ETHi_} prefix. */
    private static final List<String> STANDARD = List.of("MAC", "IP", "MASK", "NETWORK", "GATEWAY", "DNS", "MTU",
            "SEARCH_DOMAIN", "IP6", "IP6_ULA", "IP6_GATEWAY", "IP6_PREFIX_LENGTH");

    static final String GATEWAY = "GATEWAY";
    static final String IP6_GATEWAY = "IP6_GATEWAY";

    /** Network/AR attributes that feed a standard attribute, so they are not passed again as custom ones. */
    private static final Set<String> SOURCES = Set.of("NETWORK_MASK", "NETWORK_ADDRESS", "GATEWAY", "DNS",
            "GUEST_MTU", "SEARCH_DOMAIN", "GATEWAY6", "IP6_GATEWAY");

    /**
     * What describes the range itself, not the guest. ArFactory never keeps
     * these as overrides; an AR built another way must not leak them either.
     */
    private static final Set<String> RANGE_DEFINITION = Set.of("TYPE", "SIZE", "GLOBAL_PREFIX", "ULA_PREFIX",
            "PREFIX_LENGTH", "PARENT_NETWORK_AR_ID");

    /** The prefix length of SLAAC addresses: the interface id takes the low 64 bits. */
    private static final String SLAAC_PREFIX_LENGTH = "64";

    NicContext {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * Resolves the context of NIC {@code index} leased from {@code ar} of {@code network}.
     * {@code warn} receives a sentence for each attribute that cannot be passed.
     */
    static NicContext resolve(int index, LeaseAddresses lease, AddressRange ar, VirtualNetwork network,
                              Consumer<String> warn) {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> arAttributes = ar.attributes();
        Map<String, String> netAttributes = network.attributes();
        a.put("MAC", lease.mac().toString());
        // IPv4 settings mean nothing to an interface without an IPv4 address (a route through it would be dead)
        lease.ip().map(Ipv4::toString).ifPresent(ip -> {
            a.put("IP", ip);
            standard(arAttributes, netAttributes, "NETWORK_MASK").ifPresent(v -> a.put("MASK", dottedMask(v)));
            standard(arAttributes, netAttributes, "NETWORK_ADDRESS").ifPresent(v -> a.put("NETWORK", v));
            standard(arAttributes, netAttributes, "GATEWAY").ifPresent(v -> a.put(GATEWAY, v));
        });
        standard(arAttributes, netAttributes, "DNS").ifPresent(v -> a.put("DNS", v));
        standard(arAttributes, netAttributes, "GUEST_MTU").ifPresent(v -> a.put("MTU", v));
        standard(arAttributes, netAttributes, "SEARCH_DOMAIN").ifPresent(v -> a.put("SEARCH_DOMAIN", v));
        Optional<Ipv6> ip6 = lease.ip6().or(lease::ip6Global);
        ip6.ifPresent(v -> a.put("IP6", v.toString()));
        lease.ip6Ula().ifPresent(v -> a.put("IP6_ULA", v.toString()));
        if (ip6.isPresent() || lease.ip6Ula().isPresent()) {
            standard(arAttributes, netAttributes, "GATEWAY6", "IP6_GATEWAY").ifPresent(v -> a.put(IP6_GATEWAY, v));
            // static types carry their PREFIX_LENGTH; SLAAC ones have none
            a.put("IP6_PREFIX_LENGTH", ar.type().prefixLength().map(String::valueOf).orElse(SLAAC_PREFIX_LENGTH));
        }
        custom(netAttributes, a, index, "network " + network.label(), warn);
        custom(arAttributes, a, index, "AR " + ar.id() + " of network " + network.label(), warn);
        return new NicContext(index, a);
    }

    Optional<String> gateway() {
        return Optional.ofNullable(attributes.get(GATEWAY));
    }

    Optional<String> ip6Gateway() {
        return Optional.ofNullable(attributes.get(IP6_GATEWAY));
    }

    /** Whether {@code name} is one of the attributes only the default-route NIC keeps. */
    static boolean isGateway(String name) {
        return name.equals(GATEWAY) || name.equals(IP6_GATEWAY);
    }

    /** Whether this NIC could carry a default route (an IPv4 or IPv6 gateway). */
    boolean hasGateway() {
        return attributes.containsKey(GATEWAY) || attributes.containsKey(IP6_GATEWAY);
    }

    /**
     * NETWORK_MASK may be given as a prefix length ({@code 24}); the guests'
     * context scripts read only the dotted form ({@code 255.255.255.0}).
     */
    private static String dottedMask(String mask) {
        if (mask.indexOf('.') >= 0) {
            return mask;
        }
        int length = ContextAttributes.checkMask("NETWORK_MASK", mask);
        return new Ipv4(length == 0 ? 0 : -1 << (32 - length)).toString();
    }

    /** The value of the first of {@code names} the AR gives, else the first the network gives; trimmed. */
    private static Optional<String> standard(Map<String, String> ar, Map<String, String> network, String... names) {
        return firstNonBlank(ar, names).or(() -> firstNonBlank(network, names));
    }

    private static Optional<String> firstNonBlank(Map<String, String> attributes, String... names) {
        for (String name : names) {
            String v = attributes.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.trim());
            }
        }
        return Optional.empty();
    }

    /**
     * Adds the custom attributes of {@code from} to {@code into}: a name already
     * there (from the network, when {@code from} is the AR) keeps its place and
     * takes the new value. Values are passed untrimmed; a blank one is left out.
     */
    private static void custom(Map<String, String> from, Map<String, String> into, int index, String source,
                               Consumer<String> warn) {
        from.forEach((name, value) -> {
            if (!isCustom(name) || value.isBlank()) {
                return;
            }
            if (!ContextScript.isValidKey(name)) {
                warn.accept("attribute " + name + " of " + source + " is not passed to NIC " + index
                        + ": a shell variable name cannot contain '-'");
                return;
            }
            into.put(name, value);
        });
    }

    /** Whether a network or AR attribute reaches the guest as {@code ETHi_<NAME>}. */
    private static boolean isCustom(String name) {
        return !NetworkAttributes.TYPED.contains(name) && !SOURCES.contains(name) && !STANDARD.contains(name)
                && !RANGE_DEFINITION.contains(name);
    }
}
