package vnetdesk.store;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vnetdesk.model.AddressRange;
import vnetdesk.model.ArType;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.Mac;
import vnetdesk.model.VnetException;

/**
 * Stored form of an AR: its OpenNebula attributes (TYPE, start addresses,
 * MAC, SIZE, overrides). Decoding trusts the values (they were validated on
 * the way in) but still fails loudly on a damaged record.
 */
final class ArCodec {

    private static final Set<String> OWN = Set.of("TYPE", "IP", "IP6", "PREFIX_LENGTH", "GLOBAL_PREFIX",
            "ULA_PREFIX", "MAC", "SIZE", "PARENT_NETWORK_AR_ID");

    private ArCodec() {
    }

    static String encode(AddressRange ar) {
        return Json.write(ar.toAttributes());
    }

    static AddressRange decode(int arId, String body) {
        Map<String, String> a = Json.read(body);
        try {
            String type = a.get("TYPE");
            Optional<Ipv6> global = Optional.ofNullable(a.get("GLOBAL_PREFIX")).map(v -> Ipv6.parse("GLOBAL_PREFIX", v));
            Optional<Ipv6> ula = Optional.ofNullable(a.get("ULA_PREFIX")).map(v -> Ipv6.parse("ULA_PREFIX", v));
            ArType t = switch (type) {
                case "IP4" -> new ArType.Ip4(ip(a));
                case "IP6" -> new ArType.Ip6(global, ula);
                case "IP6_STATIC" -> new ArType.Ip6Static(Ipv6.parse("IP6", a.get("IP6")), len(a));
                case "IP4_6" -> new ArType.Ip4And6(ip(a), global, ula);
                case "IP4_6_STATIC" -> new ArType.Ip4And6Static(ip(a), Ipv6.parse("IP6", a.get("IP6")), len(a));
                case "ETHER" -> new ArType.Ether();
                default -> throw new IllegalStateException("unknown TYPE " + type);
            };
            long lastIndex = new BigInteger(a.get("SIZE")).subtract(BigInteger.ONE).longValue();
            Map<String, String> overrides = new LinkedHashMap<>();
            a.forEach((k, v) -> {
                if (!OWN.contains(k)) {
                    overrides.put(k, v);
                }
            });
            Optional<Integer> parent = Optional.ofNullable(a.get("PARENT_NETWORK_AR_ID")).map(Integer::valueOf);
            return new AddressRange(arId, t, Mac.parse("MAC", a.get("MAC")), lastIndex, overrides, parent);
        } catch (RuntimeException e) {
            throw new VnetException("the inventory holds a damaged address range " + arId + ": " + e.getMessage(), e);
        }
    }

    private static Ipv4 ip(Map<String, String> a) {
        return Ipv4.parse("IP", a.get("IP"));
    }

    private static int len(Map<String, String> a) {
        return Integer.parseInt(a.get("PREFIX_LENGTH"));
    }
}
