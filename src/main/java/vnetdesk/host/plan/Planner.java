package vnetdesk.host.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vnetdesk.host.Shell;
import vnetdesk.host.state.HostState;

/**
 * The minimal change from a host's actual state to its desired state, in
 * the order that never leaves a NIC unfiltered: kernel settings, devices and
 * ports, ipsets filled, the firewall tables each loaded in one transaction,
 * ipsets no rule uses any more destroyed, QoS, and last the devices no NIC
 * needs. Equal states give an empty plan. Pure: reads nothing, runs nothing.
 */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(HostState actual, HostState desired, SavedTables saved) {
        return plan(actual, desired, saved, Set.of());
    }

    /**
     * As {@link #plan(HostState, HostState, SavedTables)}, leaving alone what
     * the host has of {@code leftAlone}: the taps of NICs on networks
     * vnetdesk does not manage on hosts, whose QoS, chains, ipsets and the
     * rules leading to them are their driver's ({@link LeftAlone}).
     */
    public static Plan plan(HostState actual, HostState managed, SavedTables saved, Set<String> leftAlone) {
        HostState desired = LeftAlone.keep(actual, managed, leftAlone);
        List<String> blockers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        steps.addAll(sysctls(actual.sysctls(), desired.sysctls(), blockers));
        steps.addAll(DevicePlanner.build(actual.devices(), desired.devices(), blockers, notes));
        IpSetPlanner.fill(actual.ipsets(), desired.ipsets(), blockers).ifPresent(steps::add);
        RuleTablePlanner.plan(RuleTablePlanner.Kind.IPTABLES, actual.iptables(), desired.iptables(),
                saved.iptables()).ifPresent(steps::add);
        RuleTablePlanner.plan(RuleTablePlanner.Kind.IP6TABLES, actual.ip6tables(), desired.ip6tables(),
                saved.ip6tables()).ifPresent(steps::add);
        RuleTablePlanner.plan(RuleTablePlanner.Kind.EBTABLES, actual.ebtables(), desired.ebtables(),
                saved.ebtables()).ifPresent(steps::add);
        IpSetPlanner.destroy(actual.ipsets(), desired.ipsets()).ifPresent(steps::add);
        steps.addAll(QosPlanner.plan(actual.qos(), desired.qos(), actual.devices(), notes));
        steps.addAll(DevicePlanner.remove(actual.devices(), desired.devices(), notes));
        return new Plan(steps, blockers, notes);
    }

    private static List<Step> sysctls(Map<String, String> actual, Map<String, String> desired,
                                      List<String> blockers) {
        List<Step> steps = new ArrayList<>();
        desired.forEach((key, value) -> {
            String have = actual.get(key);
            if (have == null) {
                blockers.add("kernel setting " + key + " is missing on the host (is the module loaded? the"
                        + " bridge firewall needs br_netfilter)");
            } else if (!have.equals(value)) {
                steps.add(new Step("kernel", "set " + key + " to " + value + " (was " + have + ")",
                        List.of(Command.of("sysctl -q -w " + Shell.quote("sysctl", key + "=" + value))),
                        List.of(Command.of("sysctl -q -w " + Shell.quote("sysctl", key + "=" + have))),
                        List.of(new Change(Change.Kind.KERNEL_SETTING, key, Change.Action.SET,
                                "kernel setting " + key + " to " + value + " (was " + have + ")"))));
            }
        });
        return steps;
    }
}
