package vnetdesk.host.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vnetdesk.host.desired.DesiredFixtures.addresses;
import static vnetdesk.host.desired.DesiredFixtures.conf;
import static vnetdesk.host.desired.DesiredFixtures.fw;
import static vnetdesk.host.desired.DesiredFixtures.group;
import static vnetdesk.host.desired.DesiredFixtures.host;
import static vnetdesk.host.desired.DesiredFixtures.network;
import static vnetdesk.host.desired.DesiredFixtures.nic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.IpSet;
import vnetdesk.host.state.RuleTable;
import vnetdesk.model.Driver;
import vnetdesk.model.VirtualNetwork;

/**
 * Loads a rich compiled state into a scratch namespace with the restore
 * tools and reads it back with the save tools: every owned chain, hook and
 * ipset member must come back as exactly the string the compiler wrote,
 * because the plan compares the two textually.
 */
class SaveFormatRoundTripTest {

    private static HostState state;

    @BeforeAll
    static void compileARichHost() {
        VirtualNetwork fw = fw(5);
        VirtualNetwork ebtables = network(6, conf(Driver.EBTABLES, "br6", null, null, null, true, false));
        GroupRules web = group(100,
                "PROTOCOL=TCP; RULE_TYPE=INBOUND; RANGE=22,80:90,443",
                "PROTOCOL=UDP; RULE_TYPE=INBOUND",
                "PROTOCOL=ICMP; RULE_TYPE=INBOUND; ICMP_TYPE=8",
                "PROTOCOL=ICMPV6; RULE_TYPE=INBOUND; ICMPV6_TYPE=128",
                "PROTOCOL=ICMP; RULE_TYPE=INBOUND",
                "PROTOCOL=ICMPV6; RULE_TYPE=INBOUND",
                "PROTOCOL=IPSEC; RULE_TYPE=INBOUND",
                "PROTOCOL=TCP; RULE_TYPE=INBOUND; IP=10.0.0.1; SIZE=10",
                "PROTOCOL=TCP; RULE_TYPE=INBOUND; IP=192.168.7.0; SIZE=256; RANGE=3306",
                "PROTOCOL=ICMP; RULE_TYPE=OUTBOUND; IP=172.16.0.0; SIZE=4096; ICMP_TYPE=0",
                "PROTOCOL=ICMPV6; RULE_TYPE=OUTBOUND; IP=2001:db8:5::; SIZE=3; ICMPV6_TYPE=129",
                "PROTOCOL=ALL; RULE_TYPE=OUTBOUND; IP=2001:db8:4::; SIZE=18446744073709551616",
                "PROTOCOL=UDP; RULE_TYPE=OUTBOUND; RANGE=53"),
                anyOut = group(0, "PROTOCOL=ALL; RULE_TYPE=OUTBOUND", "PROTOCOL=ALL; RULE_TYPE=INBOUND");
        state = DesiredStateCompiler.compile(host(List.of(fw, ebtables),
                nic(3, 0, fw, "02:00:0a:00:00:01", addresses("10.0.0.1", "2001:db8::1", "fe80::ff:fe0a:1",
                        "::ffff:10.0.0.1"), web),
                nic(3, 1, fw, "02:00:0a:00:00:02", addresses("10.0.0.2"), anyOut, web),
                nic(4, 0, ebtables, "02:00:0b:00:00:2a", addresses("10.1.0.42"), web)));
    }

    @Test
    void iptablesAndIp6tablesPrintTheCompiledRulesBackUnchanged() throws Exception {
        assertFalse(state.iptables().chains().isEmpty());
        try (LabNamespace ns = LabNamespace.create("ipset", "iptables-restore", "ip6tables-restore",
                "iptables-save", "ip6tables-save")) {
            ns.run(RestoreInput.ipsets(state.ipsets().values()), "ipset", "restore");
            ns.run(RestoreInput.ruleTable(state.iptables()), "iptables-restore", "--noflush");
            ns.run(RestoreInput.ruleTable(state.ip6tables()), "ip6tables-restore", "--noflush");
            assertSameTable(state.iptables(), ns.run("", "iptables-save", "-t", "filter"), "-");
            assertSameTable(state.ip6tables(), ns.run("", "ip6tables-save", "-t", "filter"), "-");
        }
    }

    @Test
    void ipsetSavePrintsTheCompiledSetsBackUnchanged() throws Exception {
        try (LabNamespace ns = LabNamespace.create("ipset")) {
            ns.run(RestoreInput.ipsets(state.ipsets().values()), "ipset", "restore");
            Map<String, IpSet> back = parseIpsetSave(ns.run("", "ipset", "save"));
            assertEquals(state.ipsets(), back);
        }
    }

    @Test
    void ebtablesSavePrintsTheCompiledChainsBackUnchanged() throws Exception {
        assertFalse(state.ebtables().chains().isEmpty());
        try (LabNamespace ns = LabNamespace.create("ebtables-restore", "ebtables-save")) {
            ns.run(RestoreInput.ruleTable(state.ebtables()), "ebtables-restore", "--noflush");
            assertSameTable(state.ebtables(), ns.run("", "ebtables-save"), "RETURN");
        }
    }

    /** The namespace has nothing else, so every chain and every built-in chain rule must be ours. */
    private static void assertSameTable(RuleTable expected, String save, String policy) {
        Map<String, List<String>> rules = new TreeMap<>();
        Map<String, String> policies = new TreeMap<>();
        List<String> builtIn = new ArrayList<>();
        boolean inFilter = false;
        for (String line : save.split("\n")) {
            if (line.startsWith("*")) {
                inFilter = line.equals("*filter");
            } else if (!inFilter || line.startsWith("#") || line.equals("COMMIT") || line.isBlank()) {
                continue;
            } else if (line.startsWith(":")) {
                String[] parts = line.substring(1).split(" ");
                if (!List.of("INPUT", "FORWARD", "OUTPUT").contains(parts[0])) {
                    policies.put(parts[0], parts[1]);
                    rules.put(parts[0], new ArrayList<>());
                }
            } else if (line.startsWith("-A ")) {
                String chain = line.substring(3, line.indexOf(' ', 3));
                if (rules.containsKey(chain)) {
                    rules.get(chain).add(line.substring(4 + chain.length()));
                } else {
                    builtIn.add(line);
                }
            }
        }
        Map<String, Chain> chains = new LinkedHashMap<>();
        rules.forEach((name, list) -> chains.put(name, new Chain(policies.get(name), list)));
        assertEquals(expected.chains(), chains);
        assertEquals(expected.hooks(), new RuleTable(builtIn, Map.of()).hooks());
        chains.values().forEach(c -> assertEquals(policy, c.policy()));
    }

    private static Map<String, IpSet> parseIpsetSave(String save) {
        Map<String, String[]> headers = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (String line : save.split("\n")) {
            String[] words = line.split(" ");
            if (words[0].equals("create")) {
                // create NAME TYPE family FAMILY hashsize … (options the kernel chose are not compared)
                headers.put(words[1], words);
                members.put(words[1], new ArrayList<>());
            } else if (words[0].equals("add")) {
                members.get(words[1]).add(words[2]);
            }
        }
        Map<String, IpSet> sets = new TreeMap<>();
        headers.forEach((name, w) -> sets.put(name, new IpSet(name, w[2], w[4], members.get(name))));
        return sets;
    }
}
