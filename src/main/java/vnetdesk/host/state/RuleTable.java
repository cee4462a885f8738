package vnetdesk.host.state;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The console's part of one firewall table (iptables filter, ip6tables
 * filter, or ebtables filter): the chains it owns by name, and the hook rules
 * in built-in chains that jump into them, each as a whole save line (e.g.
 * {@code -A FORWARD -m physdev --physdev-is-bridged -j opennebula}). Hooks are
 * compared as a set: their place among the host's own rules is not the
 * console's to keep.
 */
public record RuleTable(List<String> hooks, Map<String, Chain> chains) {

    public static final RuleTable EMPTY = new RuleTable(List.of(), Map.of());

    public RuleTable {
        hooks = List.copyOf(new TreeSet<>(hooks));
        chains = Collections.unmodifiableMap(new TreeMap<>(chains));
    }

    public boolean isEmpty() {
        return hooks.isEmpty() && chains.isEmpty();
    }
}
