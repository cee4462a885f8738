package vnetdesk.host.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.Device;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.IpSet;
import vnetdesk.host.state.RuleTable;
import vnetdesk.host.state.TapQos;

/**
 * The planner leaves alone what the host has of the taps of NICs on
 * networks vnetdesk does not manage (OpenNebula's elastic or ovswitch driver
 * owns them): their QoS, chains, ipsets and the rules leading to them give
 * no step, while the very same entries on a tap not left alone are still
 * removed; a global chain rewritten for a managed NIC keeps their jumps.
 */
class LeftAloneTapsTest {

    static final String HOOK = "-A FORWARD -m physdev --physdev-is-bridged -j opennebula";
    static final String SAVED = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n";
    static final SavedTables TABLES = new SavedTables(SAVED, SAVED, "");
    static final Set<String> SIX = Set.of("one-6-0");

    static List<String> jumps(String tap) {
        return List.of("-m physdev --physdev-out " + tap + " --physdev-is-bridged -j " + tap + "-i",
                "-m physdev --physdev-in " + tap + " --physdev-is-bridged -j " + tap + "-o");
    }

    static String inputHook(String tap) {
        return "-A INPUT -m physdev --physdev-in " + tap + " -j " + tap + "-o";
    }

    static Map<String, Chain> nicChains(String tap) {
        return Map.of(tap + "-i", new Chain("-", List.of("-j DROP")), tap + "-o", new Chain("-", List.of("-j DROP")));
    }

    /** The filter table with the NICs of {@code taps}, their jumps in the global chain in that order. */
    static RuleTable table(String... taps) {
        if (taps.length == 0) {
            return RuleTable.EMPTY;
        }
        List<String> hooks = new ArrayList<>(List.of(HOOK));
        Map<String, Chain> chains = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        for (String tap : taps) {
            hooks.add(inputHook(tap));
            chains.putAll(nicChains(tap));
            global.addAll(jumps(tap));
        }
        global.add("-j ACCEPT");
        chains.put("opennebula", new Chain("-", global));
        return new RuleTable(hooks, chains);
    }

    static Map<String, Device> devices() {
        return Map.of("vdbr0", new Device.Bridge("vdbr0", Optional.empty(), true, java.util.OptionalInt.empty()),
                "one-5-0", new Device.Other("one-5-0", Optional.of("vdbr0"), java.util.OptionalInt.empty()),
                "one-6-0", new Device.Other("one-6-0", Optional.empty(), java.util.OptionalInt.empty()));
    }

    static HostState state(Map<String, Device> devices, RuleTable v4, Map<String, IpSet> sets, Map<String, TapQos> qos) {
        return new HostState(devices, Map.of("net.bridge.bridge-nf-call-iptables", "1"), v4, RuleTable.EMPTY,
                new RuleTable(List.of("-A FORWARD -i one-6-0 -j one-6-0-o"),
                        Map.of("one-6-0-o", new Chain("RETURN", List.of("-s ! 02:00:0a:07:00:01 -j DROP")))),
                sets, qos);
    }

    static final IpSet SPOOF_6 = new IpSet("one-6-0-ip-spoofing", "hash:ip", "inet", List.of("10.7.0.1"));
    static final TapQos SHAPED_6 = new TapQos("one-6-0", Optional.of(new TapQos.Shaping(125000, 125000, 1600)),
            Optional.empty());

    /** The host: managed NIC one-5-0 as wanted, and everything OpenNebula's drivers made for one-6-0. */
    static HostState actual(RuleTable v4) {
        return state(devices(), v4, Map.of(SPOOF_6.name(), SPOOF_6), Map.of("one-6-0", SHAPED_6));
    }

    static HostState desired(RuleTable v4) {
        return new HostState(Map.of("vdbr0", devices().get("vdbr0"), "one-5-0", devices().get("one-5-0")),
                v4.isEmpty() ? Map.of() : Map.of("net.bridge.bridge-nf-call-iptables", "1"), v4, RuleTable.EMPTY,
                RuleTable.EMPTY, Map.of(), Map.of());
    }

    @Test
    void theQosChainsHooksAndIpsetsOfALeftAloneTapGiveNoStep() {
        HostState actual = actual(table("one-6-0", "one-5-0"));
        Plan plan = Planner.plan(actual, desired(table("one-5-0")), TABLES, SIX);
        assertTrue(plan.isEmpty(), plan.readableLines().toString());
    }

    @Test
    void theSameEntriesOnATapNotLeftAloneAreRemoved() {
        HostState actual = actual(table("one-6-0", "one-5-0"));
        Plan plan = Planner.plan(actual, desired(table("one-5-0")), TABLES, Set.of());
        String text = String.join("\n", plan.readableLines());
        assertTrue(text.contains("remove inbound shaping"), text);
        assertTrue(text.contains("one-6-0-ip-spoofing"), text);
        assertTrue(text.contains("remove chains one-6-0-i, one-6-0-o"), text);
        assertTrue(plan.commandText().contains("-X one-6-0-o"), plan.commandText());
    }

    @Test
    void aHostWithOnlyLeftAloneNicsKeepsTheGlobalChainAndItsHook() {
        Plan plan = Planner.plan(actual(table("one-6-0")), desired(RuleTable.EMPTY), TABLES, SIX);
        assertTrue(plan.isEmpty(), plan.readableLines().toString());
    }

    @Test
    void aGlobalChainRewrittenForAManagedNicKeepsTheLeftAloneJumpsFirst() {
        Plan plan = Planner.plan(actual(table("one-6-0", "one-5-0")), desired(table("one-5-0", "one-5-1")), TABLES,
                SIX);
        assertEquals(1, plan.steps().size(), plan.readableLines().toString());
        String load = plan.steps().get(0).commands().get(0).stdin().orElseThrow();
        List<String> global = load.lines().filter(l -> l.startsWith("-A opennebula ")).toList();
        List<String> expected = new ArrayList<>();
        jumps("one-6-0").forEach(j -> expected.add("-A opennebula " + j));
        jumps("one-5-0").forEach(j -> expected.add("-A opennebula " + j));
        jumps("one-5-1").forEach(j -> expected.add("-A opennebula " + j));
        expected.add("-A opennebula -j ACCEPT");
        assertEquals(expected, global);
        assertFalse(load.contains("-X one-6-0") || load.contains("-D INPUT"), load);
    }

    @Test
    void theLastManagedNicGoesWhileTheLeftAloneOnesKeepTheGlobalChain() {
        Plan plan = Planner.plan(actual(table("one-6-0", "one-5-0")), desired(RuleTable.EMPTY), TABLES, SIX);
        String load = plan.steps().stream().filter(s -> s.subject().equals("iptables")).findFirst().orElseThrow()
                .commands().get(0).stdin().orElseThrow();
        assertEquals("""
                *filter
                :opennebula - [0:0]
                :one-5-0-i - [0:0]
                :one-5-0-o - [0:0]
                -D INPUT -m physdev --physdev-in one-5-0 -j one-5-0-o
                -A opennebula -m physdev --physdev-out one-6-0 --physdev-is-bridged -j one-6-0-i
                -A opennebula -m physdev --physdev-in one-6-0 --physdev-is-bridged -j one-6-0-o
                -A opennebula -j ACCEPT
                -X one-5-0-i
                -X one-5-0-o
                COMMIT
                """, load);
    }
}
