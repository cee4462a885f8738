package vnetdesk.host.desired;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.IpSet;
import vnetdesk.host.state.RuleTable;

/**
 * Writes rule tables and ipsets as the input of the restore tools, so a
 * whole change loads in one step: {@code iptables-restore --noflush},
 * {@code ip6tables-restore --noflush}, {@code ebtables-restore --noflush}
 * and {@code ipset restore}. With {@code --noflush} a chain declared in the
 * input is created if missing and emptied if present (checked on this
 * machine for iptables-nft and ebtables-nft 1.8.9), so declaring a chain and
 * writing its rules replaces it whole; other chains are left alone.
 */
public final class RestoreInput {

    private RestoreInput() {
    }

    /** The whole table: its chains declared and filled, then its hooks appended. */
    public static String ruleTable(RuleTable table) {
        return filter(table.chains(), table.hooks());
    }

    /**
     * A {@code *filter} section declaring (creating or emptying) {@code chains}
     * and writing their rules, then the whole {@code lines} given (e.g.
     * {@code -A FORWARD … -j one-3-0-i} or {@code -D INPUT …}), then COMMIT.
     * A chain policy {@code -} is an iptables user chain; any other is an
     * ebtables chain policy.
     */
    public static String filter(Map<String, Chain> chains, List<String> lines) {
        StringBuilder out = new StringBuilder("*filter\n");
        chains.forEach((name, chain) -> {
            out.append(':').append(name).append(' ').append(chain.policy());
            if (chain.policy().equals("-")) {
                out.append(" [0:0]");
            }
            out.append('\n');
        });
        chains.forEach((name, chain) -> chain.rules().forEach(
                rule -> out.append("-A ").append(name).append(' ').append(rule).append('\n')));
        lines.forEach(line -> out.append(line).append('\n'));
        return out.append("COMMIT\n").toString();
    }

    /** {@code create} and {@code add} lines for {@code ipset restore}, in the form {@code ipset save} prints. */
    public static String ipsets(Collection<IpSet> sets) {
        StringBuilder out = new StringBuilder();
        for (IpSet set : sets) {
            out.append("create ").append(set.name()).append(' ').append(set.type()).append(" family ")
                    .append(set.family()).append('\n');
            set.members().forEach(m -> out.append("add ").append(set.name()).append(' ').append(m).append('\n'));
        }
        return out.toString();
    }
}
