package vnetdesk.host.desired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.IpSet;
import vnetdesk.model.Address;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.SecurityRule;

/**
 * The security-group firewall of one NIC: its {@code -i} and {@code -o}
 * chains for iptables and ip6tables, the jumps into them from the global
 * chain and from INPUT, and its ipsets. Every rule is written as
 * {@code iptables-save} prints it on iptables 1.8.9 (nf_tables), because the
 * plan compares these strings with what the host's save output holds.
 *
 * @param jumps rules of the global chain leading to this NIC's chains (the same in both families)
 * @param hooks whole save lines in built-in chains (the same in both families)
 */
public record NicFirewall(Map<String, Chain> v4Chains, Map<String, Chain> v6Chains, List<String> jumps,
                          List<String> hooks, List<IpSet> ipsets) {

    static final String CONNTRACK = "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN";
    static final String DROP = "-j DROP";
    /** A DHCP request leaves before the guest has its address; the IP anti-spoofing drop lets it pass. */
    static final String DHCP_REQUEST = "-s 0.0.0.0/32 -d 255.255.255.255/32 -p udp -m udp --sport 68 --dport 67"
            + " -j RETURN";
    /** Router advertisement, neighbour solicitation and advertisement, redirect towards the VM. */
    private static final List<Integer> NDP_IN = List.of(134, 135, 136, 137);
    /** Router solicitation, neighbour solicitation and advertisement from the VM. */
    private static final List<Integer> NDP_OUT = List.of(133, 135, 136);

    public NicFirewall {
        v4Chains = Map.copyOf(v4Chains);
        v6Chains = Map.copyOf(v6Chains);
        jumps = List.copyOf(jumps);
        hooks = List.copyOf(hooks);
        ipsets = List.copyOf(ipsets);
    }

    /**
     * The NIC's firewall, or empty when there is nothing to filter: no
     * security group and no anti-spoofing. A NIC without groups but with
     * anti-spoofing allows everything else, as OpenNebula does.
     */
    public static Optional<NicFirewall> of(NicOnHost nic, NetworkConf conf) {
        boolean spoofing = conf.filterMacSpoofing() || conf.filterIpSpoofing();
        if (!conf.driver().filtersWithSecurityGroups() || (nic.groups().isEmpty() && !spoofing)) {
            return Optional.empty();
        }
        List<GroupRules> groups = nic.groups().isEmpty()
                ? List.of(new GroupRules(0, List.of(SecurityRule.of(SecurityRule.Protocol.ALL,
                        SecurityRule.Direction.INBOUND), SecurityRule.of(SecurityRule.Protocol.ALL,
                        SecurityRule.Direction.OUTBOUND))))
                : nic.groups();
        GroupRuleMapper.Mapped mapped = GroupRuleMapper.map(nic.tap(), groups);
        String tap = nic.tap();
        String in = FirewallNames.inChain(tap);
        String out = FirewallNames.outChain(tap);
        List<IpSet> sets = new ArrayList<>();

        List<String> in4 = new ArrayList<>();
        List<String> out4 = new ArrayList<>();
        List<String> in6 = new ArrayList<>();
        List<String> out6 = new ArrayList<>();
        NDP_IN.forEach(t -> in6.add(ndp(t)));
        NDP_OUT.forEach(t -> out6.add(ndp(t)));
        if (conf.filterMacSpoofing()) {
            String mac = "-m mac ! --mac-source " + nic.mac() + " -j DROP";
            out4.add(mac);
            out6.add(mac);
        }
        if (conf.filterIpSpoofing()) {
            String set4 = FirewallNames.ipSpoofingSet(tap);
            String set6 = FirewallNames.ip6SpoofingSet(tap);
            sets.add(new IpSet(set4, "hash:ip", "inet", nic.addresses().stream()
                    .filter(a -> a instanceof Address.V4).map(Address::toString).toList()));
            sets.add(new IpSet(set6, "hash:ip", "inet6", nic.addresses().stream()
                    .filter(a -> a instanceof Address.V6).map(Address::toString).toList()));
            out4.add(DHCP_REQUEST);
            out4.add(notFrom(set4));
            out6.add(notFrom(set6));
        }
        for (List<String> chain : List.of(in4, out4, in6, out6)) {
            chain.add(CONNTRACK);
        }
        in4.addAll(mapped.in4());
        out4.addAll(mapped.out4());
        in6.addAll(mapped.in6());
        out6.addAll(mapped.out6());
        for (List<String> chain : List.of(in4, out4, in6, out6)) {
            chain.add(DROP);
        }
        sets.addAll(mapped.sets());
        List<String> jumps = List.of(
                "-m physdev --physdev-out " + tap + " --physdev-is-bridged -j " + in,
                "-m physdev --physdev-in " + tap + " --physdev-is-bridged -j " + out);
        List<String> hooks = List.of("-A INPUT -m physdev --physdev-in " + tap + " -j " + out);
        return Optional.of(new NicFirewall(
                Map.of(in, new Chain("-", in4), out, new Chain("-", out4)),
                Map.of(in, new Chain("-", in6), out, new Chain("-", out6)),
                jumps, hooks, sets));
    }

    private static String ndp(int type) {
        return "-p ipv6-icmp -m icmp6 --icmpv6-type " + type + " -j RETURN";
    }

    private static String notFrom(String set) {
        return "-m set ! --match-set " + set + " src -j DROP";
    }
}
