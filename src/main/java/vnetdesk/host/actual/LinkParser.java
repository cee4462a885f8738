package vnetdesk.host.actual;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import vnetdesk.host.state.Device;
import vnetdesk.model.Ipv4;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.SyntaxException;

/**
 * Reads {@code ip -j -d link show} into every device of the host: bridges,
 * 802.1Q devices (id from {@code linkinfo.info_data.id}, parent from
 * {@code link}), VXLAN devices (VNI, group, port, ttl and parent from
 * {@code linkinfo.info_data}) and all others, each with its master and MTU.
 * A device is {@code owned} when its alias ({@code ifalias}) is
 * {@link Device#MARKER}. A bridge, VLAN or VXLAN device the console could
 * not have made — a name outside {@link NetworkConf#DEVICE_NAME}, a VXLAN
 * without an IPv4 group or parent, a VLAN whose parent is in another
 * namespace — is read as {@link Device.Other}: it exists, so nothing of
 * that name is created, but the console never plans to change it.
 */
public final class LinkParser {

    private LinkParser() {
    }

    public static Map<String, Device> parse(String output, String command) {
        Object json = Json.parse(output, command);
        if (!(json instanceof List<?> links)) {
            throw new SyntaxException(command, 1, 1, "expected a JSON array of links, found " + kind(json));
        }
        Map<String, Device> devices = new LinkedHashMap<>();
        for (int i = 0; i < links.size(); i++) {
            if (!(links.get(i) instanceof Map<?, ?> link)) {
                throw new SyntaxException(command, 1, 1, "link #" + (i + 1) + " is not a JSON object");
            }
            Device device = device(link, new Where(command, "link #" + (i + 1)));
            if (devices.put(device.name(), device) != null) {
                throw new SyntaxException(command, 1, 1, "device " + Limits.shown(device.name()) + " listed twice");
            }
        }
        return devices;
    }

    private static Device device(Map<?, ?> link, Where where) {
        String name = where.string(link, "ifname").orElseThrow(() -> where.error("has no ifname"));
        Where at = new Where(where.command, "device " + Limits.shown(name));
        Optional<String> master = at.string(link, "master");
        OptionalInt mtu = at.number(link, "mtu").map(n -> OptionalInt.of(at.intOf("mtu", n))).orElse(OptionalInt.empty());
        boolean owned = at.string(link, "ifalias").filter(Device.MARKER::equals).isPresent();
        Optional<Map<?, ?>> info = at.object(link, "linkinfo");
        Optional<String> kind = info.flatMap(i -> at.string(i, "info_kind"));
        Map<?, ?> data = info.flatMap(i -> at.object(i, "info_data")).orElse(Map.of());
        Device.Other other = new Device.Other(name, master, mtu);
        if (kind.isEmpty() || !NetworkConf.DEVICE_NAME.matcher(name).matches()) {
            return other;
        }
        switch (kind.get()) {
            case "bridge":
                return new Device.Bridge(name, master, owned, mtu);
            case "vlan": {
                Optional<String> parent = at.string(link, "link").filter(p -> NetworkConf.DEVICE_NAME.matcher(p).matches());
                Optional<BigDecimal> id = at.number(data, "id");
                if (parent.isEmpty() || id.isEmpty()) {
                    return other;
                }
                return new Device.Vlan(name, parent.get(), at.intOf("id", id.get()), master, owned, mtu);
            }
            case "vxlan": {
                Optional<String> parent = at.string(data, "link").filter(p -> NetworkConf.DEVICE_NAME.matcher(p).matches());
                Optional<String> group = at.string(data, "group").filter(Ipv4::looksLike);
                Optional<BigDecimal> vni = at.number(data, "id");
                if (parent.isEmpty() || group.isEmpty() || vni.isEmpty()) {
                    return other;
                }
                int port = at.number(data, "port").map(p -> at.intOf("port", p)).orElse(0);
                // ip prints no ttl when it is 0, the kernel's "inherit" (ttl auto)
                int ttl = at.number(data, "ttl").map(t -> at.intOf("ttl", t)).orElse(0);
                return new Device.Vxlan(name, parent.get(), at.intOf("id", vni.get()), Ipv4.parse("group", group.get()),
                        port, ttl, master, owned, mtu);
            }
            default:
                return other;
        }
    }

    private static String kind(Object json) {
        return json instanceof Map ? "an object" : json instanceof String ? "a string" : String.valueOf(json);
    }

    /** Typed access to the members of one link, with errors that name the command and the device. */
    private record Where(String command, String what) {

        Optional<String> string(Map<?, ?> object, String key) {
            return Json.member(object, key).map(v -> {
                if (v instanceof String s) {
                    return s;
                }
                throw error("has a " + key + " that is not a string: " + v);
            });
        }

        Optional<BigDecimal> number(Map<?, ?> object, String key) {
            return Json.member(object, key).map(v -> {
                if (v instanceof BigDecimal n) {
                    return n;
                }
                throw error("has a " + key + " that is not a number: " + Limits.shown(String.valueOf(v)));
            });
        }

        Optional<Map<?, ?>> object(Map<?, ?> object, String key) {
            return Json.member(object, key).map(v -> {
                if (v instanceof Map<?, ?> m) {
                    return m;
                }
                throw error("has a " + key + " that is not an object");
            });
        }

        int intOf(String key, BigDecimal n) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                throw error("has a " + key + " that is not a whole number in range: " + n);
            }
        }

        SyntaxException error(String message) {
            return new SyntaxException(command, 1, 1, what + " " + message);
        }
    }
}
