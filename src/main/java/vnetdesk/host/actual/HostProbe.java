package vnetdesk.host.actual;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import vnetdesk.model.SyntaxException;

/**
 * The probe of a host: one POSIX sh script that prints {@code key=value}
 * lines (kernel release, kernel features, tools, root or {@code sudo -n},
 * the bridge-netfilter sysctls, and a closing {@code end=1}), and its reader
 * into a {@link ProbeResult}.
 *
 * <p>A kernel feature is {@code yes} when it is in the running kernel,
 * loaded or built in — a mark the feature itself makes
 * ({@code /proc/net/vlan} for 8021q, {@code /proc/sys/net/bridge} for
 * br_netfilter), {@code /sys/module/NAME}, {@code /proc/modules},
 * {@code modules.builtin}, or {@code =y} in the kernel config (a built-in
 * without parameters has no {@code /sys/module} entry: br_netfilter and
 * act_police on this machine's kernel, which also has no /proc/modules and
 * no modprobe); {@code loadable} when {@code modprobe -n} or the modules
 * directory finds it; otherwise {@code no}. {@code act_police} is probed
 * beside the four of the spec because outbound QoS needs it, and this
 * machine's kernel lacks it.
 */
public final class HostProbe {

    /** The kernel features probed, by the name the script prints; the module name is the same. */
    public static final List<String> FEATURES = List.of("bridge", "8021q", "vxlan", "br_netfilter", "act_police");

    public static final List<String> TOOLS = List.of("ip", "bridge", "iptables", "iptables-save", "iptables-restore",
            "ip6tables", "ip6tables-save", "ip6tables-restore", "ipset", "ebtables", "ebtables-save", "tc", "virsh");

    public static final List<String> SYSCTLS = List.of("net.bridge.bridge-nf-call-iptables",
            "net.bridge.bridge-nf-call-ip6tables");

    /** The script; its output is read by {@link #parse}. */
    public static final String SCRIPT = """
            PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"; export PATH
            rel=$(uname -r)
            echo "kernel.release=$rel"
            config() {
              if [ -r /proc/config.gz ]; then gzip -dc /proc/config.gz 2>/dev/null
              elif [ -r "/boot/config-$rel" ]; then cat "/boot/config-$rel"
              fi
            }
            feature() {
              if [ -e "$3" ] || [ -d "/sys/module/$1" ] \\
                || grep -q "^$1 " /proc/modules 2>/dev/null \\
                || grep -q "/$1\\.ko" "/lib/modules/$rel/modules.builtin" 2>/dev/null \\
                || config | grep -q "^$2=y\\$"; then
                echo "feature.$1=yes"
              elif modprobe -n -q "$1" 2>/dev/null \\
                || [ -n "$(find "/lib/modules/$rel" -name "$1.ko*" 2>/dev/null | head -n 1)" ]; then
                echo "feature.$1=loadable"
              else
                echo "feature.$1=no"
              fi
            }
            feature bridge CONFIG_BRIDGE /sys/module/bridge
            feature 8021q CONFIG_VLAN_8021Q /proc/net/vlan
            feature vxlan CONFIG_VXLAN /sys/module/vxlan
            feature br_netfilter CONFIG_BRIDGE_NETFILTER /proc/sys/net/bridge
            feature act_police CONFIG_NET_ACT_POLICE /sys/module/act_police
            for t in ip bridge iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore \\
                ipset ebtables ebtables-save tc virsh; do
              if command -v "$t" >/dev/null 2>&1; then echo "tool.$t=yes"; else echo "tool.$t=no"; fi
            done
            echo "uid=$(id -u)"
            if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then echo "sudo=yes"; else echo "sudo=no"; fi
            for k in bridge-nf-call-iptables bridge-nf-call-ip6tables; do
              if [ -r "/proc/sys/net/bridge/$k" ]; then echo "sysctl.net.bridge.$k=$(cat "/proc/sys/net/bridge/$k")"; fi
            done
            echo "end=1"
            """;

    private static final String COMMAND = "host probe";

    private HostProbe() {
    }

    /** Reads the script's output; a line or value it does not print, a missing key or no {@code end=1} is an error. */
    public static ProbeResult parse(String output) {
        Limits.checkSize(output, COMMAND);
        String[] lines = output.split("\n", -1);
        Map<String, String> values = new LinkedHashMap<>();
        int last = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            last = i + 1;
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw Limits.badLine(COMMAND, i + 1, line, "not a key=value line");
            }
            String key = line.substring(0, equals);
            if (!known(key)) {
                throw Limits.badLine(COMMAND, i + 1, line, "a key the probe does not print");
            }
            if (values.put(key, line.substring(equals + 1)) != null) {
                throw Limits.badLine(COMMAND, i + 1, line, "a key printed twice");
            }
        }
        if (!"1".equals(values.get("end"))) {
            throw new SyntaxException(COMMAND, Math.max(1, last), 1,
                    "the probe output ends before its last line 'end=1' (cut off, or the script failed)");
        }
        Map<String, ProbeResult.Availability> features = new TreeMap<>();
        for (String feature : FEATURES) {
            features.put(feature, availability(feature, required(values, "feature." + feature)));
        }
        Set<String> tools = new TreeSet<>();
        for (String tool : TOOLS) {
            String present = required(values, "tool." + tool);
            if (!present.equals("yes") && !present.equals("no")) {
                throw new SyntaxException(COMMAND, 1, 1, "tool." + tool + " is \"" + Limits.shown(present)
                        + "\", expected yes or no");
            }
            if (present.equals("yes")) {
                tools.add(tool);
            }
        }
        String uid = required(values, "uid");
        String sudo = required(values, "sudo");
        if (!uid.matches("[0-9]{1,10}") || !(sudo.equals("yes") || sudo.equals("no"))) {
            throw new SyntaxException(COMMAND, 1, 1, "uid \"" + Limits.shown(uid) + "\" / sudo \""
                    + Limits.shown(sudo) + "\": expected a number and yes or no");
        }
        ProbeResult.Privilege privilege = uid.equals("0") ? ProbeResult.Privilege.ROOT
                : sudo.equals("yes") ? ProbeResult.Privilege.SUDO : ProbeResult.Privilege.NONE;
        Map<String, String> sysctls = new TreeMap<>();
        for (String sysctl : SYSCTLS) {
            if (values.containsKey("sysctl." + sysctl)) {
                sysctls.put(sysctl, values.get("sysctl." + sysctl));
            }
        }
        return new ProbeResult(required(values, "kernel.release"), features, tools, privilege, sysctls);
    }

    private static boolean known(String key) {
        return key.equals("kernel.release") || key.equals("uid") || key.equals("sudo") || key.equals("end")
                || (key.startsWith("feature.") && FEATURES.contains(key.substring(8)))
                || (key.startsWith("tool.") && TOOLS.contains(key.substring(5)))
                || (key.startsWith("sysctl.") && SYSCTLS.contains(key.substring(7)));
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new SyntaxException(COMMAND, 1, 1, "the probe output has no " + key + " line");
        }
        return value;
    }

    private static ProbeResult.Availability availability(String feature, String value) {
        return switch (value) {
            case "yes" -> ProbeResult.Availability.YES;
            case "loadable" -> ProbeResult.Availability.LOADABLE;
            case "no" -> ProbeResult.Availability.NO;
            default -> throw new SyntaxException(COMMAND, 1, 1, "feature." + feature + " is \""
                    + Limits.shown(value) + "\", expected yes, loadable or no");
        };
    }
}
