package vnetdesk.host.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.RuleTable;
import vnetdesk.model.Address;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Mac;
import vnetdesk.model.VirtualNetwork;

/** A generated host of 1,000 NICs × 50 rules: the state is whole and consistent (timings belong to the benchmarks). */
class ManyNicsTest {

    private static final Pattern SET_MATCH = Pattern.compile("--match-set (\\S+) ");

    @Test
    void aThousandNicsWithFiftyRulesEachCompileToAConsistentState() {
        List<VirtualNetwork> networks = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            networks.add(DesiredFixtures.fw(n));
        }
        List<NicOnHost> nics = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            List<String> rules = new ArrayList<>();
            for (int r = 0; r < 50; r++) {
                String dir = r % 2 == 0 ? "INBOUND" : "OUTBOUND";
                rules.add(switch (r % 5) {
                    case 0 -> "PROTOCOL=TCP; RULE_TYPE=" + dir + "; RANGE=" + (1000 + r + i % 7);
                    case 1 -> "PROTOCOL=UDP; RULE_TYPE=" + dir + "; IP=10." + r + ".0.1; SIZE=" + (r + 10);
                    case 2 -> "PROTOCOL=ICMP; RULE_TYPE=" + dir + "; ICMP_TYPE=8; IP=172.16." + r + ".0; SIZE=64";
                    case 3 -> "PROTOCOL=ALL; RULE_TYPE=" + dir + "; IP=2001:db8:" + r + "::; SIZE=" + (r * 1000 + 3);
                    default -> "PROTOCOL=TCP; RULE_TYPE=" + dir + "; RANGE=22," + (2000 + r) + "; IP=192.168." + r
                            + ".0; SIZE=256";
                });
            }
            GroupRules group = DesiredFixtures.group(100 + i % 20, rules.toArray(String[]::new));
            int vm = 1000 + i / 2;
            nics.add(new NicOnHost(vm, i % 2, "one-" + vm + "-" + i % 2, i % 10, Mac.of(0x0200, 0x0a000000 + i),
                    List.of(new Address.V4(Ipv4.ofUnsigned(0x0a000000L + i))), List.of(group), Optional.empty()));
        }
        HostState s = DesiredStateCompiler.compile(new HostInventory(1, "big",
                networks.stream().map(n -> new NetworkOnHost(n, false)).toList(), nics));

        assertEquals(10 + 1_000, s.devices().size(), "ten bridges and a thousand taps");
        for (RuleTable t : List.of(s.iptables(), s.ip6tables())) {
            assertEquals(2 * 1_000 + 1, t.chains().size());
            assertEquals(1_000 + 1, t.hooks().size());
            assertEquals(2 * 1_000 + 1, t.chains().get("opennebula").rules().size());
            t.chains().forEach((name, chain) -> {
                if (!name.equals("opennebula")) {
                    assertEquals("-j DROP", chain.rules().get(chain.rules().size() - 1), name);
                }
            });
        }
        Set<String> matched = new HashSet<>();
        for (RuleTable t : List.of(s.iptables(), s.ip6tables())) {
            for (Chain chain : t.chains().values()) {
                for (String rule : chain.rules()) {
                    Matcher m = SET_MATCH.matcher(rule);
                    if (m.find()) {
                        matched.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(s.ipsets().keySet(), matched, "every set is matched and every match has its set");
        // per NIC: 2 spoofing sets; the 10 UDP, 10 ICMP and 10 IPv6 blocks share one set per direction each;
        // the 10 TCP rules with blocks have different ports each, so one set each
        assertEquals(1_000 * (2 + 3 * 2 + 10), s.ipsets().size());
        assertTrue(s.ipsets().keySet().stream().allMatch(n -> n.length() <= FirewallNames.MAX_IPSET_NAME));
    }
}
