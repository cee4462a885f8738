package vnetdesk.ipam;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vnetdesk.model.AddressRange;
import vnetdesk.model.ArType;
import vnetdesk.model.ContextAttributes;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Mac;
import vnetdesk.model.Numbers;
import vnetdesk.model.ValidationException;

/**
 * Turns the attributes of an {@code AR = [ ... ]} definition into a validated
 * {@link AddressRange}: type-specific required attributes, defaults (first MAC
 * from the IPv4 address or random), size limits, and the attributes that are
 * dropped because they do not belong to the type or are computed.
 */
public final class ArFactory {

    /** Attributes that carry addresses; those the type does not use are dropped. */
    private static final Set<String> ADDRESS_ATTRIBUTES =
            Set.of("TYPE", "IP", "MAC", "SIZE", "GLOBAL_PREFIX", "ULA_PREFIX", "IP6", "PREFIX_LENGTH");

    /** Attributes vnetdesk computes or manages; never taken from input. */
    private static final Set<String> COMPUTED = Set.of("AR_ID", "MAC_END", "IP_END", "IP6_GLOBAL", "IP6_GLOBAL_END",
            "IP6_ULA", "IP6_ULA_END", "IP6_END", "IP6_LINK", "USED_LEASES", "LEASES", "PARENT_NETWORK_AR_ID",
            "ALLOCATED");

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MAC_SPACE = BigInteger.ONE.shiftLeft(32);

    /** Source of random low 32 MAC bits that are unique in the inventory. */
    @FunctionalInterface
    public interface MacSource {
        Mac randomUnique(int prefix16);
    }

    private final int macPrefix;
    private final MacSource macSource;

    public ArFactory(int macPrefix, MacSource macSource) {
        this.macPrefix = macPrefix;
        this.macSource = macSource;
    }

    /** Builds a new AR with the given id from user attributes (names in any case). */
    public AddressRange create(int arId, Map<String, String> rawAttributes, Optional<Integer> parentArId) {
        Map<String, String> a = upper(rawAttributes);
        String typeText = a.get("TYPE");
        if (typeText == null || typeText.isBlank()) {
            throw ValidationException.missing("TYPE");
        }
        String type = typeText.trim().toUpperCase(Locale.ROOT);
        ArType arType;
        Optional<BigInteger> givenSize = optionalSize(a);
        BigInteger size;
        switch (type) {
            case "IP4" -> {
                Ipv4 ip = Ipv4.parse("IP", required(a, "IP"));
                arType = new ArType.Ip4(ip);
                size = requiredSize(givenSize);
            }
            case "IP6" -> {
                arType = new ArType.Ip6(prefix(a, "GLOBAL_PREFIX"), prefix(a, "ULA_PREFIX"));
                size = requiredSize(givenSize);
            }
            case "IP6_STATIC" -> {
                Ipv6 ip6 = Ipv6.parse("IP6", required(a, "IP6"));
                int len = prefixLength(a);
                arType = new ArType.Ip6Static(ip6, len);
                size = givenSize.orElseGet(() -> toEndOfPrefix(ip6, len));
            }
            case "IP4_6" -> {
                Ipv4 ip = Ipv4.parse("IP", required(a, "IP"));
                arType = new ArType.Ip4And6(ip, prefix(a, "GLOBAL_PREFIX"), prefix(a, "ULA_PREFIX"));
                size = requiredSize(givenSize);
            }
            case "IP4_6_STATIC" -> {
                Ipv4 ip = Ipv4.parse("IP", required(a, "IP"));
                Ipv6 ip6 = Ipv6.parse("IP6", required(a, "IP6"));
                int len = prefixLength(a);
                arType = new ArType.Ip4And6Static(ip, ip6, len);
                size = givenSize.orElseGet(() ->
                        toEndOfPrefix(ip6, len).min(BigInteger.valueOf(Ipv4.SPACE - ip.unsigned())));
            }
            case "ETHER" -> {
                arType = new ArType.Ether();
                size = requiredSize(givenSize);
            }
            default -> throw ValidationException.invalid("TYPE", typeText,
                    "expected IP4, IP6, IP6_STATIC, IP4_6, IP4_6_STATIC or ETHER");
        }
        checkSizeFits(arType, size);
        Map<String, String> overrides = overrides(a);
        ContextAttributes.validate(overrides);
        Mac mac = a.containsKey("MAC") ? Mac.parse("MAC", a.get("MAC").trim()) : defaultMac(arType);
        return new AddressRange(arId, arType, mac, size.subtract(BigInteger.ONE).longValue(), overrides,
                parentArId);
    }

    /**
     * Applies an AR update: SIZE, prefixes, PREFIX_LENGTH and override attributes
     * may change; TYPE and start addresses never do (given values must match).
     * Whether used leases still fit is the caller's check.
     */
    public AddressRange update(AddressRange current, Map<String, String> rawAttributes) {
        Map<String, String> a = upper(rawAttributes);
        ArType t = current.type();
        if (a.containsKey("TYPE") && !a.get("TYPE").trim().equalsIgnoreCase(t.typeName())) {
            throw ValidationException.invalid("TYPE", a.get("TYPE"), "the type of an address range cannot change");
        }
        unchanged(a, "IP", t.firstIp().map(Ipv4::toString), v -> Ipv4.parse("IP", v).toString());
        unchanged(a, "IP6", t.firstIp6().map(Ipv6::toString), v -> Ipv6.parse("IP6", v).toString());
        unchanged(a, "MAC", Optional.of(current.firstMac().toString()), v -> Mac.parse("MAC", v).toString());
        ArType updated = t;
        if (t instanceof ArType.Ip6 ip6) {
            updated = new ArType.Ip6(prefixOr(a, "GLOBAL_PREFIX", ip6.global()), prefixOr(a, "ULA_PREFIX", ip6.ula()));
        } else if (t instanceof ArType.Ip4And6 d) {
            updated = new ArType.Ip4And6(d.first(), prefixOr(a, "GLOBAL_PREFIX", d.global()),
                    prefixOr(a, "ULA_PREFIX", d.ula()));
        } else if (t instanceof ArType.Ip6Static s && a.containsKey("PREFIX_LENGTH")) {
            updated = new ArType.Ip6Static(s.first(), prefixLength(a));
        } else if (t instanceof ArType.Ip4And6Static s && a.containsKey("PREFIX_LENGTH")) {
            updated = new ArType.Ip4And6Static(s.first(), s.first6(), prefixLength(a));
        }
        long lastIndex = current.lastIndex();
        Optional<BigInteger> size = optionalSize(a);
        if (size.isPresent()) {
            checkSizeFits(updated, size.get());
            lastIndex = size.get().subtract(BigInteger.ONE).longValue();
        }
        Map<String, String> changed = overrides(a);
        ContextAttributes.validate(changed);
        Map<String, String> attrs = new LinkedHashMap<>(current.attributes());
        attrs.putAll(changed);
        return new AddressRange(current.id(), updated, current.firstMac(), lastIndex, attrs, current.parentArId());
    }

    private Mac defaultMac(ArType type) {
        Optional<Ipv4> ip = type.firstIp();
        if (ip.isPresent()) {
            return Mac.of(macPrefix, ip.get().bits());
        }
        return macSource.randomUnique(macPrefix);
    }

    private static Map<String, String> upper(Map<String, String> raw) {
        Map<String, String> a = new LinkedHashMap<>();
        raw.forEach((k, v) -> a.put(k.toUpperCase(Locale.ROOT), v));
        return a;
    }

    private static Map<String, String> overrides(Map<String, String> a) {
        Map<String, String> o = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!ADDRESS_ATTRIBUTES.contains(k) && !COMPUTED.contains(k)) {
                o.put(k, v);
            }
        });
        return o;
    }

    private static String required(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null || v.isBlank()) {
            throw ValidationException.missing(name);
        }
        return v.trim();
    }

    private static Optional<BigInteger> optionalSize(Map<String, String> a) {
        String v = a.get("SIZE");
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        String t = v.trim();
        if (!t.matches("[0-9]{1,20}")) {
            throw ValidationException.invalid("SIZE", v, "expected a whole number of addresses, at least 1");
        }
        BigInteger size = new BigInteger(t);
        if (size.signum() <= 0) {
            throw ValidationException.invalid("SIZE", v, "must be at least 1");
        }
        if (size.compareTo(TWO_64) > 0) {
            throw ValidationException.invalid("SIZE", v, "larger than 2^64 addresses");
        }
        return Optional.of(size);
    }

    private static BigInteger requiredSize(Optional<BigInteger> size) {
        return size.orElseThrow(() -> ValidationException.missing("SIZE"));
    }

    private static void checkSizeFits(ArType type, BigInteger size) {
        if (type.maxSize().isPresent() && size.compareTo(BigInteger.valueOf(type.maxSize().getAsLong())) > 0) {
            throw ValidationException.invalid("SIZE", size, "the range runs past 255.255.255.255 (at most "
                    + type.maxSize().getAsLong() + " addresses from " + type.firstIp().orElseThrow() + ")");
        }
        if (type.firstIp6().isPresent()) {
            BigInteger room = BigInteger.ONE.shiftLeft(128).subtract(type.firstIp6().get().toBigInteger());
            if (size.compareTo(room) > 0) {
                throw ValidationException.invalid("SIZE", size, "the range runs past the end of the IPv6 space");
            }
        }
        if (size.compareTo(TWO_64) > 0) {
            throw ValidationException.invalid("SIZE", size, "larger than 2^64 addresses");
        }
        boolean macDerived = type instanceof ArType.Ether || type instanceof ArType.Ip6;
        if (macDerived && size.compareTo(MAC_SPACE) > 0) {
            throw ValidationException.invalid("SIZE", size, "a " + type.typeName()
                    + " range gets its addresses from the low 32 bits of the MAC: at most " + MAC_SPACE);
        }
    }

    /** From the address to the end of its prefix; prefixes of 64 or shorter end at the end of the /64. */
    static BigInteger toEndOfPrefix(Ipv6 first, int prefixLength) {
        int hostBits = 128 - Math.max(prefixLength, 64);
        BigInteger block = BigInteger.ONE.shiftLeft(hostBits);
        BigInteger offset = first.toBigInteger().mod(block);
        return block.subtract(offset);
    }

    private static Optional<Ipv6> prefix(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Ipv6.parse(name, v.trim()).prefix64());
    }

    private static Optional<Ipv6> prefixOr(Map<String, String> a, String name, Optional<Ipv6> current) {
        return a.containsKey(name) ? prefix(a, name) : current;
    }

    private static int prefixLength(Map<String, String> a) {
        return Numbers.parseInt("PREFIX_LENGTH", required(a, "PREFIX_LENGTH"), 1, 128);
    }

    private static void unchanged(Map<String, String> a, String name, Optional<String> current,
                                  java.util.function.UnaryOperator<String> canonical) {
        String v = a.get(name);
        if (v == null || v.isBlank()) {
            return;
        }
        if (current.isEmpty()) {
            return; // the type has no such address: dropped, as on create
        }
        String given = canonical.apply(v.trim());
        if (!current.get().equals(given)) {
            throw ValidationException.invalid(name, v, "the start address of an address range cannot change");
        }
    }
}
