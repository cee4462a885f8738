package vnetdesk.host.desired;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import vnetdesk.host.state.IpSet;
import vnetdesk.model.PortRange;
import vnetdesk.model.RuleTarget;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.SecurityRule.Direction;
import vnetdesk.model.SecurityRule.Protocol;

/**
 * Maps the security-group rules of one NIC to iptables and ip6tables rules,
 * exactly as {@code iptables-save} prints them after {@code -A <chain> }, and
 * to the ipsets those rules match. Rules of one group that differ only in
 * their address block share one set, so a group of many blocks costs one
 * kernel rule per kind of match, not one per block.
 */
final class GroupRuleMapper {

    /** The rules for the four chains of a NIC, in order without repeats, and the sets they match. */
    record Mapped(List<String> in4, List<String> out4, List<String> in6, List<String> out6, List<IpSet> sets) {
    }

    /** What one ipset stands for: all but the address block of a rule. */
    private record MatchKey(Direction direction, Protocol protocol, List<PortRange> ports, Optional<Integer> icmpType,
                            boolean ipv4) {
    }

    private final String tap;
    private final Set<String> in4 = new LinkedHashSet<>();
    private final Set<String> out4 = new LinkedHashSet<>();
    private final Set<String> in6 = new LinkedHashSet<>();
    private final Set<String> out6 = new LinkedHashSet<>();
    private final Map<String, IpSetBuilder> sets = new LinkedHashMap<>();

    private GroupRuleMapper(String tap) {
        this.tap = tap;
    }

    static Mapped map(String tap, List<GroupRules> groups) {
        GroupRuleMapper mapper = new GroupRuleMapper(tap);
        for (GroupRules group : groups) {
            mapper.addGroup(group);
        }
        return new Mapped(List.copyOf(mapper.in4), List.copyOf(mapper.out4), List.copyOf(mapper.in6),
                List.copyOf(mapper.out6), mapper.sets.values().stream().map(IpSetBuilder::build).toList());
    }

    private void addGroup(GroupRules group) {
        Map<MatchKey, String> setOf = new HashMap<>();
        int[] ordinals = new int[Direction.values().length];
        for (SecurityRule rule : group.rules()) {
            String match = match(rule);
            if (rule.target() instanceof RuleTarget.Block block) {
                List<CidrBlocks.Cidr> cidrs = CidrBlocks.split(block);
                if (cidrs.size() == 1 && cidrs.get(0).isWholeSpace()) {
                    // an ipset cannot hold /0; the whole space of one family is "any address" there
                    chain(rule.direction(), block.isIpv4()).add(line(match, ""));
                    continue;
                }
                MatchKey key = new MatchKey(rule.direction(), rule.protocol(), rule.ports(), rule.icmpType(),
                        block.isIpv4());
                String name = setOf.computeIfAbsent(key, k -> {
                    String n = FirewallNames.ruleSet(tap, group.securityGroupId(), k.direction(),
                            ++ordinals[k.direction().ordinal()]);
                    sets.put(n, new IpSetBuilder(n, "hash:net", k.ipv4() ? "inet" : "inet6"));
                    String side = k.direction() == Direction.INBOUND ? "src" : "dst";
                    chain(k.direction(), k.ipv4()).add(line(match, "-m set --match-set " + n + " " + side));
                    return n;
                });
                cidrs.forEach(c -> sets.get(name).members.add(c.ipsetMember()));
            } else {
                if (rule.protocol() != Protocol.ICMPV6) {
                    chain(rule.direction(), true).add(line(match, ""));
                }
                if (rule.protocol() != Protocol.ICMP) {
                    chain(rule.direction(), false).add(line(match, ""));
                }
            }
        }
    }

    private Set<String> chain(Direction direction, boolean ipv4) {
        if (direction == Direction.INBOUND) {
            return ipv4 ? in4 : in6;
        }
        return ipv4 ? out4 : out6;
    }

    /** The protocol, port and type matches in the order and spelling iptables-save uses. */
    static String match(SecurityRule rule) {
        return switch (rule.protocol()) {
            case ALL -> "";
            case TCP, UDP -> "-p " + rule.protocol().name().toLowerCase(Locale.ROOT)
                    + (rule.ports().isEmpty() ? "" : " -m multiport --dports "
                    + rule.ports().stream().map(PortRange::toString).collect(Collectors.joining(",")));
            case ICMP -> "-p icmp" + rule.icmpType().map(t -> " -m icmp --icmp-type " + t).orElse("");
            case ICMPV6 -> "-p ipv6-icmp" + rule.icmpType().map(t -> " -m icmp6 --icmpv6-type " + t).orElse("");
            case IPSEC -> "-p esp";
        };
    }

    private static String line(String match, String setMatch) {
        List<String> parts = new ArrayList<>(3);
        if (!match.isEmpty()) {
            parts.add(match);
        }
        if (!setMatch.isEmpty()) {
            parts.add(setMatch);
        }
        parts.add("-j RETURN");
        return String.join(" ", parts);
    }

    private static final class IpSetBuilder {
        private final String name;
        private final String type;
        private final String family;
        private final Set<String> members = new TreeSet<>();

        IpSetBuilder(String name, String type, String family) {
            this.name = name;
            this.type = type;
            this.family = family;
        }

        IpSet build() {
            return new IpSet(name, type, family, List.copyOf(members));
        }
    }
}
