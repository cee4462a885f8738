package vnetdesk.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts between a network and its OpenNebula attributes (the template form
 * used by files, XML and the store). Parsing validates every known attribute
 * and names it in errors; unknown upper-case attributes are kept as context or
 * custom attributes.
 */
public final class NetworkAttributes {

    /** Attributes with a typed home in {@link VirtualNetwork}; everything else is context/custom. */
    public static final Set<String> TYPED = Set.of("NAME", "DESCRIPTION", "CLUSTER_IDS", "VN_MAD", "BRIDGE",
            "PHYDEV", "VLAN_ID", "AUTOMATIC_VLAN_ID", "MTU", "FILTER_MAC_SPOOFING", "FILTER_IP_SPOOFING",
            "INBOUND_AVG_BW", "INBOUND_PEAK_BW", "INBOUND_PEAK_KB", "OUTBOUND_AVG_BW", "OUTBOUND_PEAK_BW",
            "OUTBOUND_PEAK_KB", "SECURITY_GROUPS", "ALLOCATION", "AR", "PARENT_NETWORK_ID", "BRIDGE_TYPE",
            "VLAN", "ID", "UID", "GID", "UNAME", "GNAME", "USED_LEASES");

    /** The longest description or custom attribute value, in characters (networks and security groups alike). */
    public static final int MAX_TEXT_LENGTH = 65_536;

    /** The cluster a network is in unless CLUSTER_IDS names others. */
    public static final int DEFAULT_CLUSTER_ID = 0;

    private NetworkAttributes() {
    }

    /** Physical and guest attributes parsed from a template, without identity or ARs. */
    public record Parsed(String name, String description, List<Integer> clusterIds, Driver driver,
                         Optional<String> bridge, Optional<String> phydev, Optional<Integer> vlanId,
                         boolean automaticVlanId, Optional<Integer> mtu, boolean filterMac, boolean filterIp,
                         AllocationPolicy allocation, Qos qos, Optional<List<Integer>> securityGroups,
                         Map<String, String> attributes, String bridgeType) {

        /** SECURITY_GROUPS as given, else the default group (what a network gets when the template names none). */
        public List<Integer> securityGroupsOrDefault() {
            return securityGroups.orElse(List.of(SecurityGroup.DEFAULT_ID));
        }

        /** Assembles the network; identity, bridge, VLAN id and ARs come from the caller. */
        public VirtualNetwork toNetwork(int id, Ownership ownership, String effectiveBridge, boolean bridgeGenerated,
                                        Optional<Integer> effectiveVlanId, Optional<LockLevel> lock,
                                        List<Integer> groups, List<AddressRange> ars,
                                        Optional<Integer> parentNetworkId, int nextArId, long version) {
            NetworkConf conf = new NetworkConf(driver, effectiveBridge, bridgeGenerated, phydev, effectiveVlanId,
                    automaticVlanId, mtu, filterMac, filterIp, allocation, bridgeType);
            return new VirtualNetwork(id, name, description, clusterIds, ownership, lock, conf, qos, attributes,
                    groups, ars, parentNetworkId, nextArId, version);
        }
    }

    /** Validates a network's attributes (names in any case). NAME and VN_MAD are required. */
    public static Parsed parse(Map<String, String> raw) {
        Problems problems = new Problems();
        Optional<Parsed> parsed = parse(raw, problems);
        problems.throwFirst();
        return parsed.orElseThrow();
    }

    /** Every problem of a new network's attributes at once, each with its field; empty when valid. */
    public static List<Problem> problems(Map<String, String> raw) {
        Problems problems = new Problems();
        parse(raw, problems);
        return problems.list();
    }

    private static Optional<Parsed> parse(Map<String, String> raw, Problems problems) {
        Map<String, String> a = upper(raw, problems);
        Optional<String> name = problems.value(() -> checkName("NAME", a.get("NAME")));
        String vnMad = a.get("VN_MAD");
        Optional<Driver> driver = vnMad == null || vnMad.isBlank()
                ? missing(problems, "VN_MAD")
                : problems.value(() -> Driver.parse("VN_MAD", vnMad));
        return parseWith(name, driver, a, problems);
    }

    /** Same as {@link #parse} but NAME and VN_MAD may be absent and then come from {@code current}. */
    public static Parsed parseUpdate(Map<String, String> raw, String currentName, Driver currentDriver) {
        Problems problems = new Problems();
        Optional<Parsed> parsed = parseUpdate(raw, currentName, currentDriver, problems);
        problems.throwFirst();
        return parsed.orElseThrow();
    }

    /** Every problem of an update of a stored network at once, each with its field; empty when valid. */
    public static List<Problem> updateProblems(Map<String, String> raw, String currentName, Driver currentDriver) {
        Problems problems = new Problems();
        parseUpdate(raw, currentName, currentDriver, problems);
        return problems.list();
    }

    private static Optional<Parsed> parseUpdate(Map<String, String> raw, String currentName, Driver currentDriver,
                                                Problems problems) {
        Map<String, String> a = upper(raw, problems);
        Optional<String> name = a.containsKey("NAME") ? problems.value(() -> checkName("NAME", a.get("NAME")))
                : Optional.of(currentName);
        Optional<Driver> driver = a.containsKey("VN_MAD") ? problems.value(() -> Driver.parse("VN_MAD", a.get("VN_MAD")))
                : Optional.of(currentDriver);
        return parseWith(name, driver, a, problems);
    }

    private static <T> Optional<T> missing(Problems problems, String field) {
        problems.add(ValidationException.missing(field));
        return Optional.empty();
    }

    /**
     * Checks every attribute in the order a stop-at-first validation would; a
     * rule that needs another attribute (VLAN_ID needs the driver) is checked
     * only when that attribute is valid, so no problem follows from another.
     */
    private static Optional<Parsed> parseWith(Optional<String> name, Optional<Driver> driver, Map<String, String> a,
                                              Problems problems) {
        String description = a.getOrDefault("DESCRIPTION", "");
        problems.check(() -> checkText("DESCRIPTION", description, MAX_TEXT_LENGTH));
        Optional<List<Integer>> clusters = problems.value(() -> clusterIds(a));
        Optional<String> bridge = nonBlank(a.get("BRIDGE"));
        boolean bridgeOk = bridge.isEmpty() || problems.check(() -> NetworkConf.checkDevice("BRIDGE", bridge.get()));
        Optional<String> phydev = nonBlank(a.get("PHYDEV"));
        boolean phydevOk = phydev.isEmpty() || problems.check(() -> NetworkConf.checkDevice("PHYDEV", phydev.get()));
        Optional<Boolean> automatic = problems.value(() -> yesNo("AUTOMATIC_VLAN_ID", a.get("AUTOMATIC_VLAN_ID"), false));
        Optional<Optional<Integer>> vlan = driver.flatMap(d -> problems.value(() -> nonBlank(a.get("VLAN_ID"))
                .map(v -> Numbers.parseInt("VLAN_ID", v, 1, (int) d.maxVlanId()))));
        boolean vlanOk = driver.isPresent() && automatic.isPresent() && vlan.isPresent()
                && problems.check(() -> checkVlan(driver.get(), phydev, vlan.get(), automatic.get(), a));
        Optional<String> bridgeType = driver.flatMap(d -> problems.value(() -> d.bridgeType(nonBlank(a.get("BRIDGE_TYPE")))));
        driver.ifPresent(d -> problems.check(() -> checkDriverNeeds(d, bridge, a)));
        Optional<Optional<Integer>> mtu = problems.value(() ->
                nonBlank(a.get("MTU")).map(v -> Numbers.parseInt("MTU", v, 68, 65535)));
        Optional<Boolean> filterMac = problems.value(() -> yesNo("FILTER_MAC_SPOOFING", a.get("FILTER_MAC_SPOOFING"), false));
        Optional<Boolean> filterIp = problems.value(() -> yesNo("FILTER_IP_SPOOFING", a.get("FILTER_IP_SPOOFING"), false));
        Optional<AllocationPolicy> allocation = problems.value(() -> nonBlank(a.get("ALLOCATION"))
                .map(v -> AllocationPolicy.parse("ALLOCATION", v)).orElse(AllocationPolicy.LOWEST_FREE));
        Optional<Qos> qos = Qos.fromAttributes(a, problems);
        Optional<Optional<List<Integer>>> groups = problems.value(() -> a.containsKey("SECURITY_GROUPS")
                ? Optional.of(idList("SECURITY_GROUPS", a.get("SECURITY_GROUPS")).orElse(List.of()))
                : Optional.empty());
        Map<String, String> rest = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!TYPED.contains(k) && problems.check(() -> checkText(k, v, MAX_TEXT_LENGTH))) {
                rest.put(k, v);
            }
        });
        ContextAttributes.validate(rest, problems);
        if (!problems.isEmpty() || name.isEmpty() || !bridgeOk || !phydevOk || !vlanOk || bridgeType.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(name.get(), description, clusters.orElseThrow(), driver.get(), bridge, phydev,
                vlan.get(), automatic.get(), mtu.orElseThrow(), filterMac.orElseThrow(), filterIp.orElseThrow(),
                allocation.orElseThrow(), qos.orElseThrow(), groups.orElseThrow(), rest, bridgeType.get()));
    }

    /**
     * What oned requires of the drivers vnetdesk does not manage (parse_phydev_vlans):
     * dummy a BRIDGE, ovswitch_vxlan an OUTER_VLAN_ID or AUTOMATIC_OUTER_VLAN_ID=YES.
     * The managed drivers get a generated bridge when none is given.
     */
    private static void checkDriverNeeds(Driver driver, Optional<String> bridge, Map<String, String> a) {
        if (driver == Driver.DUMMY && bridge.isEmpty()) {
            throw new ValidationException("BRIDGE", "BRIDGE: required for the dummy driver (OpenNebula generates"
                    + " no bridge name for it)");
        }
        if (driver == Driver.OVSWITCH_VXLAN) {
            Optional<String> outer = nonBlank(a.get("OUTER_VLAN_ID"));
            boolean automatic = yesNo("AUTOMATIC_OUTER_VLAN_ID", a.get("AUTOMATIC_OUTER_VLAN_ID"), false);
            if (outer.isPresent()) {
                // the VXLAN VNI of the network (its VLAN_ID is the inner 802.1Q tag)
                Numbers.parseInt("OUTER_VLAN_ID", outer.get(), 1, (int) Driver.MAX_VNI);
            } else if (!automatic) {
                throw new ValidationException("OUTER_VLAN_ID", "OUTER_VLAN_ID: required for the ovswitch_vxlan"
                        + " driver (or set AUTOMATIC_OUTER_VLAN_ID=YES)");
            }
        }
    }

    /** The VLAN id rules of a driver: tagged drivers need PHYDEV and a VLAN id (or automatic), others none. */
    private static void checkVlan(Driver driver, Optional<String> phydev, Optional<Integer> vlan, boolean automatic,
                                  Map<String, String> a) {
        if (automatic && vlan.isPresent()) {
            throw ValidationException.invalid("VLAN_ID", vlan.get(), "give either VLAN_ID or AUTOMATIC_VLAN_ID=YES, not both");
        }
        if (driver.isTagged()) {
            if (phydev.isEmpty()) {
                throw new ValidationException("PHYDEV", "PHYDEV: required for the " + driver.mad() + " driver");
            }
            if (vlan.isEmpty() && !automatic) {
                throw new ValidationException("VLAN_ID", "VLAN_ID: required for the " + driver.mad()
                        + " driver (or set AUTOMATIC_VLAN_ID=YES)");
            }
        } else if (!driver.usesVlanId() && (vlan.isPresent() || automatic)) {
            throw ValidationException.invalid("VLAN_ID", a.getOrDefault("VLAN_ID", "AUTOMATIC"), "only the "
                    + String.join(", ", java.util.Arrays.stream(Driver.values()).filter(Driver::usesVlanId)
                    .map(Driver::mad).toList()) + " drivers use a VLAN id");
        }
    }

    /** The network as OpenNebula attributes (no ARs), in a stable order. */
    public static Map<String, String> toAttributes(VirtualNetwork n) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("NAME", n.name());
        if (!n.description().isEmpty()) {
            a.put("DESCRIPTION", n.description());
        }
        a.put("CLUSTER_IDS", join(n.clusterIds()));
        NetworkConf c = n.conf();
        a.put("VN_MAD", c.driver().mad());
        if (!c.bridgeGenerated()) {
            a.put("BRIDGE", c.bridge());
        }
        // always written, as OpenNebula keeps the effective BRIDGE_TYPE in a network's template
        a.put("BRIDGE_TYPE", c.bridgeType());
        c.phydev().ifPresent(p -> a.put("PHYDEV", p));
        if (c.automaticVlanId()) {
            a.put("AUTOMATIC_VLAN_ID", "YES");
        } else {
            c.vlanId().ifPresent(v -> a.put("VLAN_ID", v.toString()));
        }
        c.mtu().ifPresent(m -> a.put("MTU", m.toString()));
        if (c.filterMacSpoofing()) {
            a.put("FILTER_MAC_SPOOFING", "YES");
        }
        if (c.filterIpSpoofing()) {
            a.put("FILTER_IP_SPOOFING", "YES");
        }
        if (c.allocation() != AllocationPolicy.LOWEST_FREE) {
            a.put("ALLOCATION", c.allocation().name());
        }
        a.putAll(n.qos().toAttributes());
        a.put("SECURITY_GROUPS", join(n.securityGroups()));
        a.putAll(n.attributes());
        return a;
    }

    /** The clusters named by CLUSTER_IDS (upper-case key), or the default cluster when it is absent. */
    public static List<Integer> clusterIds(Map<String, String> attributes) {
        return idList("CLUSTER_IDS", attributes.get("CLUSTER_IDS")).orElse(List.of(DEFAULT_CLUSTER_ID));
    }

    public static String checkName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw ValidationException.missing(field);
        }
        if (name.length() > 128) {
            throw ValidationException.invalid(field, name, "at most 128 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isISOControl(ch)) {
                throw ValidationException.invalid(field, name, "control characters are not allowed");
            }
            // invisible format characters (bidi overrides, zero-width marks) make names look like others
            if (Character.getType(ch) == Character.FORMAT) {
                throw ValidationException.invalid(field, name, String.format(
                        "invisible formatting character U+%04X is not allowed", (int) ch));
            }
        }
        if (!name.equals(name.strip())) {
            throw ValidationException.invalid(field, name, "leading or trailing blanks are not allowed");
        }
        return name;
    }

    public static void checkText(String field, String value, int max) {
        if (value.length() > max) {
            throw ValidationException.invalid(field, value, "longer than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\t') {
                throw ValidationException.invalid(field, value, "control characters are not allowed");
            }
        }
    }

    public static Optional<List<Integer>> idList(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        List<Integer> ids = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                if (text.isBlank()) {
                    return Optional.of(List.of());
                }
                throw ValidationException.invalid(field, text, "expected comma-separated ids like 0,100");
            }
            int id = Numbers.parseInt(field, p, 0, Integer.MAX_VALUE);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return Optional.of(ids);
    }

    public static boolean yesNo(String field, String text, boolean dflt) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "YES", "TRUE", "ON" -> true;
            case "NO", "FALSE", "OFF" -> false;
            default -> throw ValidationException.invalid(field, text, "expected YES or NO");
        };
    }

    private static Optional<String> nonBlank(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static String join(List<Integer> ids) {
        StringBuilder b = new StringBuilder();
        for (Integer id : ids) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(id);
        }
        return b.toString();
    }

    /** The attributes with upper-case names; a name that is not a valid attribute name is a problem. */
    private static Map<String, String> upper(Map<String, String> raw, Problems problems) {
        Map<String, String> a = new LinkedHashMap<>();
        raw.forEach((k, v) -> problems.value(() -> Attributes.name(k)).ifPresent(name -> a.put(name, v == null ? "" : v)));
        return a;
    }
}
