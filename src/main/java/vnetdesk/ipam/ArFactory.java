package vnetdesk.ipam;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
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
import vnetdesk.model.Problem;
import vnetdesk.model.Problems;
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
        Problems problems = new Problems();
        Optional<AddressRange> ar = create(arId, rawAttributes, parentArId, problems);
        problems.throwFirst();
        return ar.orElseThrow();
    }

    /**
     * Every problem of a new AR's attributes at once, each with its field;
     * empty when {@link #create} would accept them (overlaps with other ARs
     * are the caller's check).
     */
    public List<Problem> createProblems(Map<String, String> rawAttributes) {
        Problems problems = new Problems();
        create(0, rawAttributes, Optional.empty(), problems);
        return problems.list();
    }

    private Optional<AddressRange> create(int arId, Map<String, String> rawAttributes, Optional<Integer> parentArId,
                                          Problems problems) {
        Map<String, String> a = upper(rawAttributes);
        String typeText = a.get("TYPE");
        if (typeText == null || typeText.isBlank()) {
            problems.add(ValidationException.missing("TYPE"));
        }
        String type = typeText == null ? "" : typeText.trim().toUpperCase(Locale.ROOT);
        Optional<Optional<BigInteger>> givenSize = problems.value(() -> optionalSize(a));
        Optional<ArType> arType = Optional.empty();
        Optional<BigInteger> size = Optional.empty();
        switch (type) {
            case "" -> {
            }
            case "IP4" -> {
                arType = problems.value(() -> Ipv4.parse("IP", required(a, "IP"))).map(ArType.Ip4::new);
                size = requiredSize(givenSize, problems);
            }
            case "IP6" -> {
                Optional<Optional<Ipv6>> global = problems.value(() -> prefix(a, "GLOBAL_PREFIX"));
                Optional<Optional<Ipv6>> ula = problems.value(() -> prefix(a, "ULA_PREFIX"));
                arType = both(global, ula).map(p -> new ArType.Ip6(p.first(), p.second()));
                size = requiredSize(givenSize, problems);
            }
            case "IP6_STATIC" -> {
                Optional<Ipv6> ip6 = problems.value(() -> Ipv6.parse("IP6", required(a, "IP6")));
                Optional<Integer> len = problems.value(() -> prefixLength(a));
                arType = both(ip6, len).map(p -> new ArType.Ip6Static(p.first(), p.second()));
                size = givenSize.flatMap(g -> g.or(() -> both(ip6, len)
                        .map(p -> toEndOfPrefix(p.first(), p.second()))));
            }
            case "IP4_6" -> {
                Optional<Ipv4> ip = problems.value(() -> Ipv4.parse("IP", required(a, "IP")));
                Optional<Optional<Ipv6>> global = problems.value(() -> prefix(a, "GLOBAL_PREFIX"));
                Optional<Optional<Ipv6>> ula = problems.value(() -> prefix(a, "ULA_PREFIX"));
                arType = both(ip, both(global, ula)).map(p -> new ArType.Ip4And6(p.first(), p.second().first(),
                        p.second().second()));
                size = requiredSize(givenSize, problems);
            }
            case "IP4_6_STATIC" -> {
                Optional<Ipv4> ip = problems.value(() -> Ipv4.parse("IP", required(a, "IP")));
                Optional<Ipv6> ip6 = problems.value(() -> Ipv6.parse("IP6", required(a, "IP6")));
                Optional<Integer> len = problems.value(() -> prefixLength(a));
                arType = both(ip, both(ip6, len)).map(p -> new ArType.Ip4And6Static(p.first(), p.second().first(),
                        p.second().second()));
                size = givenSize.flatMap(g -> g.or(() -> both(ip, both(ip6, len)).map(p ->
                        toEndOfPrefix(p.second().first(), p.second().second())
                                .min(BigInteger.valueOf(Ipv4.SPACE - p.first().unsigned())))));
            }
            case "ETHER" -> {
                arType = Optional.of(new ArType.Ether());
                size = requiredSize(givenSize, problems);
            }
            default -> problems.add(ValidationException.invalid("TYPE", typeText,
                    "expected IP4, IP6, IP6_STATIC, IP4_6, IP4_6_STATIC or ETHER"));
        }
        if (arType.isPresent() && size.isPresent()) {
            ArType t = arType.get();
            BigInteger n = size.get();
            problems.check(() -> checkSizeFits(t, n));
        }
        Map<String, String> overrides = overrides(a);
        ContextAttributes.validate(overrides, problems);
        Optional<Mac> givenMac = a.containsKey("MAC")
                ? problems.value(() -> Mac.parse("MAC", a.get("MAC").trim())) : Optional.empty();
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        // the default MAC may draw a random unique one: only for an AR that is going to be built
        ArType built = arType.orElseThrow();
        Mac mac = givenMac.orElseGet(() -> defaultMac(built));
        long lastIndex = size.orElseThrow().subtract(BigInteger.ONE).longValue();
        // building checks the override attributes' names
        return problems.value(() -> new AddressRange(arId, built, mac, lastIndex, overrides, parentArId));
    }

    /**
     * Applies an AR update: SIZE, prefixes, PREFIX_LENGTH and override attributes
     * may change; TYPE and start addresses never do (given values must match).
     * Whether used leases still fit is the caller's check.
     */
    public AddressRange update(AddressRange current, Map<String, String> rawAttributes) {
        Problems problems = new Problems();
        Optional<AddressRange> ar = update(current, rawAttributes, problems);
        problems.throwFirst();
        return ar.orElseThrow();
    }

    /** Every problem of an update of {@code current} at once, each with its field; empty when valid. */
    public List<Problem> updateProblems(AddressRange current, Map<String, String> rawAttributes) {
        Problems problems = new Problems();
        update(current, rawAttributes, problems);
        return problems.list();
    }

    private Optional<AddressRange> update(AddressRange current, Map<String, String> rawAttributes, Problems problems) {
        Map<String, String> a = upper(rawAttributes);
        ArType t = current.type();
        if (a.containsKey("TYPE") && !a.get("TYPE").trim().equalsIgnoreCase(t.typeName())) {
            problems.add(ValidationException.invalid("TYPE", a.get("TYPE"), "the type of an address range cannot change"));
        }
        problems.check(() -> unchanged(a, "IP", t.firstIp().map(Ipv4::toString), v -> Ipv4.parse("IP", v).toString()));
        problems.check(() -> unchanged(a, "IP6", t.firstIp6().map(Ipv6::toString), v -> Ipv6.parse("IP6", v).toString()));
        problems.check(() -> unchanged(a, "MAC", Optional.of(current.firstMac().toString()),
                v -> Mac.parse("MAC", v).toString()));
        Optional<ArType> updated = problems.value(() -> updatedType(t, a));
        long lastIndex = current.lastIndex();
        Optional<Optional<BigInteger>> size = problems.value(() -> optionalSize(a));
        if (size.isPresent() && size.get().isPresent() && updated.isPresent()) {
            BigInteger n = size.get().get();
            if (problems.check(() -> checkSizeFits(updated.get(), n))) {
                lastIndex = n.subtract(BigInteger.ONE).longValue();
            }
        }
        Map<String, String> changed = overrides(a);
        ContextAttributes.validate(changed, problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> attrs = new LinkedHashMap<>(current.attributes());
        attrs.putAll(changed);
        ArType type = updated.orElseThrow();
        long last = lastIndex;
        // building checks the override attributes' names
        return problems.value(() -> new AddressRange(current.id(), type, current.firstMac(), last, attrs,
                current.parentArId()));
    }

    /** The type with the prefixes and prefix length an update gives. */
    private static ArType updatedType(ArType t, Map<String, String> a) {
        if (t instanceof ArType.Ip6 ip6) {
            return new ArType.Ip6(prefixOr(a, "GLOBAL_PREFIX", ip6.global()), prefixOr(a, "ULA_PREFIX", ip6.ula()));
        } else if (t instanceof ArType.Ip4And6 d) {
            return new ArType.Ip4And6(d.first(), prefixOr(a, "GLOBAL_PREFIX", d.global()),
                    prefixOr(a, "ULA_PREFIX", d.ula()));
        } else if (t instanceof ArType.Ip6Static s && a.containsKey("PREFIX_LENGTH")) {
            return new ArType.Ip6Static(s.first(), prefixLength(a));
        } else if (t instanceof ArType.Ip4And6Static s && a.containsKey("PREFIX_LENGTH")) {
            return new ArType.Ip4And6Static(s.first(), s.first6(), prefixLength(a));
        }
        return t;
    }

    /** Two values that were checked separately, when both are valid. */
    private record Pair<A, B>(A first, B second) {
    }

    private static <A, B> Optional<Pair<A, B>> both(Optional<A> a, Optional<B> b) {
        return a.isPresent() && b.isPresent() ? Optional.of(new Pair<>(a.get(), b.get())) : Optional.empty();
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

    /** The SIZE a type needs: absent (recorded as missing) when not given, absent when it was invalid. */
    private static Optional<BigInteger> requiredSize(Optional<Optional<BigInteger>> given, Problems problems) {
        if (given.isPresent() && given.get().isEmpty()) {
            problems.add(ValidationException.missing("SIZE"));
        }
        return given.flatMap(g -> g);
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
