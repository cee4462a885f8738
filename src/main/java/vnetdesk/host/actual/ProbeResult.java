package vnetdesk.host.actual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import vnetdesk.model.Driver;

/**
 * What a host offers the engine, as its probe found it: kernel features,
 * tools on the PATH, how commands get root, the bridge-netfilter sysctls.
 * It answers which drivers the host can run and why not the others, so
 * that an unsupported driver is reported at plan time, not halfway through
 * an apply.
 *
 * @param features  by feature name ({@link HostProbe#FEATURES})
 * @param tools     the tools present ({@link HostProbe#TOOLS})
 * @param sysctls   those of {@link HostProbe#SYSCTLS} the kernel has (none without br_netfilter)
 */
public record ProbeResult(String kernelRelease, Map<String, Availability> features, Set<String> tools,
                          Privilege privilege, Map<String, String> sysctls) {

    /** Whether a kernel feature can be used. */
    public enum Availability {
        /** In the running kernel, built in or loaded. */
        YES,
        /** A module the kernel has not loaded yet. */
        LOADABLE,
        NO
    }

    /** How the engine's commands run as root. */
    public enum Privilege {
        ROOT, SUDO, NONE
    }

    /** What the security-group firewall (iptables, ip6tables, ipset) needs on a host. */
    private static final List<String> FIREWALL_TOOLS = List.of("iptables", "iptables-save", "iptables-restore",
            "ip6tables", "ip6tables-save", "ip6tables-restore", "ipset");

    public ProbeResult {
        features = Collections.unmodifiableMap(new TreeMap<>(features));
        tools = Collections.unmodifiableSet(new TreeSet<>(tools));
        sysctls = Collections.unmodifiableMap(new TreeMap<>(sysctls));
    }

    public boolean has(String feature) {
        return features.getOrDefault(feature, Availability.NO) != Availability.NO;
    }

    /**
     * Every driver vnetdesk manages on hosts ({@link Driver#managedOnHosts()};
     * the others are never probed for) with the reasons this host cannot run it; an empty list
     * means it can. A feature that is only loadable counts as present (the
     * kernel loads vlan and vxlan modules when the first device is made;
     * br_netfilter is named in {@link #messages()} because it is not).
     */
    public Map<Driver, List<String>> drivers() {
        Map<Driver, List<String>> drivers = new EnumMap<>(Driver.class);
        for (Driver driver : Driver.values()) {
            if (!driver.managedOnHosts()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            if (privilege == Privilege.NONE) {
                reasons.add("commands cannot run as root: the user is not root and 'sudo -n' is refused");
            }
            needTool(reasons, driver, "ip");
            needFeature(reasons, driver, "bridge", "Linux bridges");
            if (driver == Driver.VLAN) {
                needFeature(reasons, driver, "8021q", "802.1Q VLAN devices");
            }
            if (driver == Driver.VXLAN) {
                needFeature(reasons, driver, "vxlan", "VXLAN devices");
            }
            if (driver.filtersWithSecurityGroups()) {
                FIREWALL_TOOLS.forEach(tool -> needTool(reasons, driver, tool));
                needFeature(reasons, driver, "br_netfilter", "bridged traffic to reach iptables (physdev)");
            }
            if (driver == Driver.EBTABLES) {
                needTool(reasons, driver, "ebtables");
                needTool(reasons, driver, "ebtables-save");
            }
            drivers.put(driver, List.copyOf(reasons));
        }
        return drivers;
    }

    /** Whether the host can run a managed driver; an unmanaged one needs nothing of it. */
    public boolean supports(Driver driver) {
        return drivers().getOrDefault(driver, List.of()).isEmpty();
    }

    /** What the administrator should know beyond the drivers: QoS limits, modules and settings apply must fix. */
    public List<String> messages() {
        List<String> messages = new ArrayList<>();
        if (!tools.contains("tc")) {
            messages.add("tc is missing: QoS of NICs cannot be applied on this host");
        } else if (!has("act_police")) {
            messages.add("the kernel has no tc police action (act_police): outbound QoS of NICs cannot be applied");
        }
        if (features.get("br_netfilter") == Availability.LOADABLE) {
            messages.add("br_netfilter is a module not loaded yet: apply must load it (modprobe br_netfilter)"
                    + " before security groups filter bridged traffic");
        }
        sysctls.forEach((key, value) -> {
            if (!value.equals("1")) {
                messages.add(key + " is " + value + ": apply sets it to 1, or bridged traffic bypasses the firewall");
            }
        });
        if (!tools.contains("virsh")) {
            messages.add("virsh is missing: live QoS changes of libvirt domains are not possible");
        }
        return messages;
    }

    private void needTool(List<String> reasons, Driver driver, String tool) {
        if (!tools.contains(tool)) {
            reasons.add(driver.mad() + " needs the tool " + tool + ", which is not on the PATH");
        }
    }

    private void needFeature(List<String> reasons, Driver driver, String feature, String what) {
        if (!has(feature)) {
            reasons.add(driver.mad() + " needs the kernel feature " + feature + " (" + what + "), which this kernel lacks");
        }
    }
}
