package vnetdesk.host.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.IpSet;
import vnetdesk.host.state.RuleTable;

class RestoreInputTest {

    @Test
    void aRuleTableDeclaresItsChainsThenFillsThemThenAppendsItsHooks() {
        RuleTable table = new RuleTable(List.of("-A FORWARD -m physdev --physdev-is-bridged -j opennebula"),
                Map.of("opennebula", new Chain("-", List.of("-j ACCEPT")),
                        "one-3-0-i", new Chain("-", List.of("-p tcp -j RETURN", "-j DROP"))));
        assertEquals("""
                *filter
                :one-3-0-i - [0:0]
                :opennebula - [0:0]
                -A one-3-0-i -p tcp -j RETURN
                -A one-3-0-i -j DROP
                -A opennebula -j ACCEPT
                -A FORWARD -m physdev --physdev-is-bridged -j opennebula
                COMMIT
                """, RestoreInput.ruleTable(table));
    }

    @Test
    void anEbtablesChainIsDeclaredWithItsPolicy() {
        Map<String, Chain> chains = new LinkedHashMap<>();
        chains.put("one-3-0-o", new Chain("RETURN", List.of("-s ! 02:00:0a:00:00:01 -j DROP")));
        assertEquals("""
                *filter
                :one-3-0-o RETURN
                -A one-3-0-o -s ! 02:00:0a:00:00:01 -j DROP
                -A FORWARD -i one-3-0 -j one-3-0-o
                COMMIT
                """, RestoreInput.filter(chains, List.of("-A FORWARD -i one-3-0 -j one-3-0-o")));
    }

    @Test
    void anEmptyChangeIsStillAValidSection() {
        assertEquals("*filter\nCOMMIT\n", RestoreInput.ruleTable(RuleTable.EMPTY));
    }

    @Test
    void ipsetsAreCreatedThenFilledInSaveForm() {
        assertEquals("""
                create one-3-0-100-i1 hash:net family inet
                add one-3-0-100-i1 10.0.0.1
                add one-3-0-100-i1 10.0.0.2/31
                create one-3-0-ip6-spoofing hash:ip family inet6
                """, RestoreInput.ipsets(List.of(
                new IpSet("one-3-0-100-i1", "hash:net", "inet", List.of("10.0.0.2/31", "10.0.0.1")),
                new IpSet("one-3-0-ip6-spoofing", "hash:ip", "inet6", List.of()))));
    }
}
