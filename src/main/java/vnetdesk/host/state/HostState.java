package vnetdesk.host.state;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything of one host's network configuration the engine compares: its
 * devices, the kernel settings it needs, the console's part of the iptables,
 * ip6tables and ebtables filter tables, its ipsets and the QoS of its taps.
 * The compiler ({@code host.desired}) produces what the inventory implies; the
 * readers ({@code host.actual}) produce what the host has, in the same form,
 * so that the plan is the difference of two values of this record.
 *
 * @param devices  by name; an actual state holds every device of the host,
 *                 a desired state those the console creates or enslaves
 * @param sysctls  kernel settings by key ({@code net.bridge.bridge-nf-call-iptables} → {@code 1})
 * @param ipsets   by name
 * @param qos      by tap name; a tap without tc state is absent
 */
public record HostState(Map<String, Device> devices, Map<String, String> sysctls, RuleTable iptables,
                        RuleTable ip6tables, RuleTable ebtables, Map<String, IpSet> ipsets, Map<String, TapQos> qos) {

    public static final HostState EMPTY = new HostState(Map.of(), Map.of(), RuleTable.EMPTY, RuleTable.EMPTY,
            RuleTable.EMPTY, Map.of(), Map.of());

    public HostState {
        devices = sorted(devices);
        sysctls = sorted(sysctls);
        ipsets = sorted(ipsets);
        qos = sorted(qos);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
