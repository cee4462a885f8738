package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.RuleTarget;
import vnetdesk.model.SecurityGroup;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.SecurityRuleExpansion;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.SecurityGroupService.EffectiveRule;
import vnetdesk.service.SecurityGroupService.EffectiveRules;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.OwnedObjectRepository.Row;
import vnetdesk.store.SecurityGroupCodec;

/**
 * The rules a NIC of a network gets: the union of its groups' rules, each
 * rule naming the groups that grant it, NETWORK_ID expanded per address range,
 * and notes for what allows nothing.
 */
final class EffectiveRulesOf {

    private EffectiveRulesOf() {
    }

    static EffectiveRules network(Connection c, VirtualNetwork n, OwnedObjectRepository groups,
                                  NetworkRepository networks) throws SQLException {
        List<String> labels = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<SecurityRule, List<String>> granted = new LinkedHashMap<>();
        for (int id : n.securityGroups()) {
            Optional<Row> row = groups.find(c, id);
            if (row.isEmpty()) {
                notes.add("security group " + id + " does not exist; it adds no rule");
                continue;
            }
            SecurityGroup g = SecurityGroupCodec.decode(row.get());
            labels.add(g.label());
            for (SecurityRule rule : g.rules()) {
                for (SecurityRule r : expand(c, networks, rule, g, notes)) {
                    granted.computeIfAbsent(r, k -> new ArrayList<>()).add(g.label());
                }
            }
        }
        List<EffectiveRule> rules = new ArrayList<>();
        granted.forEach((r, by) -> rules.add(new EffectiveRule(r, List.copyOf(by))));
        Optional<String> warning = Optional.empty();
        if (n.securityGroups().contains(SecurityGroup.DEFAULT_ID) && n.securityGroups().size() > 1) {
            warning = Optional.of("the default group allows all traffic, so the other groups filter nothing; "
                    + "remove default from the network to apply them");
        }
        if (n.securityGroups().isEmpty()) {
            notes.add("the network has no security group: its NICs' traffic is not filtered");
        }
        return new EffectiveRules(n.label(), labels, rules, warning, notes);
    }

    private static List<SecurityRule> expand(Connection c, NetworkRepository networks, SecurityRule rule,
                                             SecurityGroup g, List<String> notes)
            throws SQLException {
        if (!(rule.target() instanceof RuleTarget.OfNetwork of)) {
            return List.of(rule);
        }
        Optional<VirtualNetwork> target = networks.find(c, of.networkId());
        if (target.isEmpty()) {
            notes.add("a rule of group " + g.label() + " names network " + of.networkId()
                    + ", which does not exist; it allows nothing");
            return List.of();
        }
        List<SecurityRule> expanded = SecurityRuleExpansion.expand(rule, target.get());
        if (expanded.isEmpty()) {
            notes.add("a rule of group " + g.label() + " names network " + target.get().label()
                    + ", which has no IP address range for it; it allows nothing");
        }
        return expanded;
    }
}
