package vnetdesk.host.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import vnetdesk.host.desired.FirewallNames;
import vnetdesk.host.state.Chain;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.IpSet;
import vnetdesk.host.state.RuleTable;
import vnetdesk.host.state.TapQos;

/**
 * What the host has of the NICs vnetdesk leaves alone (those on networks it
 * does not manage on hosts: their driver, e.g. OpenNebula's elastic or
 * ovswitch one, owns them), added to the desired state so that a plan
 * neither removes nor reports it: the taps' QoS, the chains and ipsets named
 * after them, the hooks and global-chain rules that lead to them, and the
 * global chain with its hook while only they need it. A global chain
 * vnetdesk rewrites for its own NICs keeps their rules, first (OpenNebula
 * inserts them at the top). Their devices need nothing here: the desired
 * state names no device of theirs, and the device planner changes only
 * devices it names and removes only bridges no port is left on.
 */
final class LeftAlone {

    private LeftAlone() {
    }

    /** {@code desired} plus the part of {@code actual} that belongs to {@code taps}; {@code desired} when none. */
    static HostState keep(HostState actual, HostState desired, Set<String> taps) {
        if (taps.isEmpty()) {
            return desired;
        }
        Map<String, IpSet> ipsets = new TreeMap<>(desired.ipsets());
        actual.ipsets().forEach((name, set) -> {
            if (named(name, taps)) {
                ipsets.putIfAbsent(name, set);
            }
        });
        Map<String, TapQos> qos = new TreeMap<>(desired.qos());
        actual.qos().forEach((tap, q) -> {
            if (taps.contains(tap)) {
                qos.putIfAbsent(tap, q);
            }
        });
        return new HostState(desired.devices(), desired.sysctls(), table(actual.iptables(), desired.iptables(), taps),
                table(actual.ip6tables(), desired.ip6tables(), taps),
                table(actual.ebtables(), desired.ebtables(), taps), ipsets, qos);
    }

    private static RuleTable table(RuleTable actual, RuleTable desired, Set<String> taps) {
        Map<String, Chain> chains = new TreeMap<>(desired.chains());
        List<String> keptShared = new ArrayList<>();
        actual.chains().forEach((name, chain) -> {
            if (named(name, taps)) {
                chains.putIfAbsent(name, chain);
                return;
            }
            List<String> theirs = chain.rules().stream().filter(r -> mentions(r, taps)).toList();
            if (theirs.isEmpty()) {
                return;
            }
            Chain wanted = desired.chains().get(name);
            if (wanted == null) {
                // only their NICs need it: as the driver made it, less jumps into NIC chains vnetdesk removes
                chains.put(name, new Chain(chain.policy(), chain.rules().stream()
                        .filter(r -> theirs.contains(r) || !jumpsIntoNicChain(r)).toList()));
                keptShared.add(name);
            } else if (without(chain.rules(), theirs).equals(wanted.rules()) && chain.policy().equals(wanted.policy())) {
                chains.put(name, chain);
            } else {
                List<String> rules = new ArrayList<>(theirs);
                rules.addAll(wanted.rules());
                chains.put(name, new Chain(wanted.policy(), rules));
            }
        });
        List<String> hooks = new ArrayList<>(desired.hooks());
        for (String hook : actual.hooks()) {
            if (mentions(hook, taps) || target(hook).map(keptShared::contains).orElse(false)) {
                hooks.add(hook);
            }
        }
        return new RuleTable(hooks, chains);
    }

    /** A chain or set named after one of the taps ({@code one-6-0-i}, {@code one-6-0-ip-spoofing}). */
    private static boolean named(String name, Set<String> taps) {
        return FirewallNames.tapOf(name).map(taps::contains).orElse(false);
    }

    /** A rule naming one of the taps or their chains or sets ({@code --physdev-out one-6-0}, {@code -j one-6-0-i}). */
    private static boolean mentions(String rule, Set<String> taps) {
        for (String word : rule.split(" ")) {
            if (named(word, taps)) {
                return true;
            }
        }
        return false;
    }

    private static boolean jumpsIntoNicChain(String rule) {
        return target(rule).flatMap(FirewallNames::tapOf).isPresent();
    }

    private static Optional<String> target(String rule) {
        String[] words = rule.split(" ");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("-j")) {
                return Optional.of(words[i + 1]);
            }
        }
        return Optional.empty();
    }

    private static List<String> without(List<String> rules, List<String> theirs) {
        return rules.stream().filter(r -> !theirs.contains(r)).toList();
    }
}
