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
                         Map<String, String> attributes) {

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
                    automaticVlanId, mtu, filterMac, filterIp, allocation);
            return new VirtualNetwork(id, name, description, clusterIds, ownership, lock, conf, qos, attributes,
                    groups, ars, parentNetworkId, nextArId, version);
        }
    }

    /** Validates a network's attributes (names in any case). NAME and VN_MAD are required. */
    public static Parsed parse(Map<String, String> raw) {
        Map<String, String> a = upper(raw);
        String name = checkName("NAME", a.get("NAME"));
        String vnMad = a.get("VN_MAD");
        if (vnMad == null || vnMad.isBlank()) {
            throw ValidationException.missing("VN_MAD");
        }
        Driver driver = Driver.parse("VN_MAD", vnMad);
        return parseWith(name, driver, a);
    }

    /** Same as {@link #parse} but NAME and VN_MAD may be absent and then come from {@code current}. */
    public static Parsed parseUpdate(Map<String, String> raw, String currentName, Driver currentDriver) {
        Map<String, String> a = upper(raw);
        String name = a.containsKey("NAME") ? checkName("NAME", a.get("NAME")) : currentName;
        Driver driver = a.containsKey("VN_MAD") ? Driver.parse("VN_MAD", a.get("VN_MAD")) : currentDriver;
        return parseWith(name, driver, a);
    }

    private static Parsed parseWith(String name, Driver driver, Map<String, String> a) {
        String description = a.getOrDefault("DESCRIPTION", "");
        checkText("DESCRIPTION", description, MAX_TEXT_LENGTH);
        List<Integer> clusters = clusterIds(a);
        Optional<String> bridge = nonBlank(a.get("BRIDGE"));
        bridge.ifPresent(b -> NetworkConf.checkDevice("BRIDGE", b));
        Optional<String> phydev = nonBlank(a.get("PHYDEV"));
        phydev.ifPresent(p -> NetworkConf.checkDevice("PHYDEV", p));
        boolean automatic = yesNo("AUTOMATIC_VLAN_ID", a.get("AUTOMATIC_VLAN_ID"), false);
        Optional<Integer> vlan = nonBlank(a.get("VLAN_ID"))
                .map(v -> Numbers.parseInt("VLAN_ID", v, 1, (int) driver.maxVlanId()));
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
        } else if (vlan.isPresent() || automatic) {
            throw ValidationException.invalid("VLAN_ID", a.getOrDefault("VLAN_ID", "AUTOMATIC"),
                    "only the 802.1Q and vxlan drivers use a VLAN id");
        }
        Optional<Integer> mtu = nonBlank(a.get("MTU")).map(v -> Numbers.parseInt("MTU", v, 68, 65535));
        boolean filterMac = yesNo("FILTER_MAC_SPOOFING", a.get("FILTER_MAC_SPOOFING"), false);
        boolean filterIp = yesNo("FILTER_IP_SPOOFING", a.get("FILTER_IP_SPOOFING"), false);
        AllocationPolicy allocation = nonBlank(a.get("ALLOCATION"))
                .map(v -> AllocationPolicy.parse("ALLOCATION", v)).orElse(AllocationPolicy.LOWEST_FREE);
        Qos qos = Qos.fromAttributes(a);
        Optional<List<Integer>> groups = a.containsKey("SECURITY_GROUPS")
                ? Optional.of(idList("SECURITY_GROUPS", a.get("SECURITY_GROUPS")).orElse(List.of()))
                : Optional.empty();
        Map<String, String> rest = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!TYPED.contains(k)) {
                checkText(k, v, MAX_TEXT_LENGTH);
                rest.put(k, v);
            }
        });
        ContextAttributes.validate(rest);
        return new Parsed(name, description, clusters, driver, bridge, phydev, vlan, automatic, mtu, filterMac,
                filterIp, allocation, qos, groups, rest);
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

    private static Map<String, String> upper(Map<String, String> raw) {
        Map<String, String> a = new LinkedHashMap<>();
        raw.forEach((k, v) -> a.put(Attributes.name(k), v == null ? "" : v));
        return a;
    }
}
