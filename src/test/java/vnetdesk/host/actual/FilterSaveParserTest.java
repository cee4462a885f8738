package vnetdesk.host.actual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.RuleTable;
import vnetdesk.model.SyntaxException;

class FilterSaveParserTest {

    private static final String IPT = ActualStateReader.IPTABLES;

    @Test
    void keepsTheOwnedChainsWithTheirRulesExactlyAsPrinted() {
        RuleTable table = FilterSaveParser.parse(Samples.read("iptables-save.txt"), IPT);
        assertEquals(Set.of("opennebula", "one-1-0-i", "one-1-0-o"), table.chains().keySet());
        assertEquals(new Chain("-", List.of(
                "-m state --state RELATED,ESTABLISHED -j ACCEPT",
                "-p tcp -m multiport --dports 22,80:90 -j RETURN",
                "-j DROP",
                "-p icmp -m icmp --icmp-type 8 -j RETURN",
                "-m set --match-set one-1-0-0-net src -j RETURN")), table.chains().get("one-1-0-i"));
        assertEquals(List.of("-m physdev --physdev-out one-1-0 --physdev-is-bridged -j one-1-0-i",
                "-m physdev --physdev-in one-1-0 --physdev-is-bridged -j one-1-0-o", "-j ACCEPT"),
                table.chains().get("opennebula").rules());
    }

    @Test
    void keepsHooksIntoOwnedChainsAsWholeLinesAndNotTheHostsOwnJumps() {
        RuleTable table = FilterSaveParser.parse(Samples.read("iptables-save.txt"), IPT);
        assertEquals(List.of("-A FORWARD -m physdev --physdev-is-bridged -j opennebula",
                "-A INPUT -m physdev --physdev-in one-1-0 --physdev-is-bridged -j one-1-0-o"), table.hooks());
        assertFalse(table.chains().containsKey("myfw"));
    }

    @Test
    void readsIp6tablesTheSameWay() {
        RuleTable table = FilterSaveParser.parse(Samples.read("ip6tables-save.txt"), ActualStateReader.IP6TABLES);
        assertTrue(table.chains().get("one-1-0-i").rules().contains("-p ipv6-icmp -m icmp6 --icmpv6-type 128 -j RETURN"));
        assertEquals(2, table.hooks().size());
    }

    @Test
    void readsEbtablesSaveWithItsPoliciesAndOnlyJumpsIntoOwnedChainsAsHooks() {
        RuleTable table = FilterSaveParser.parse(Samples.read("ebtables-save.txt"), ActualStateReader.EBTABLES);
        // ebtables-nft-save prints ACCEPT for a user chain made without -P (ebtables -L says RETURN)
        assertEquals(new Chain("ACCEPT", List.of("-s ! 02:00:0a:00:00:00/ff:ff:ff:00:00:00 -j DROP")),
                table.chains().get("one-1-0-eb"));
        assertEquals(Set.of("one-1-0-eb"), table.chains().keySet());
        assertEquals(List.of("-A FORWARD -o one-1-0 -j one-1-0-eb"), table.hooks());
    }

    @Test
    void otherTablesAreSkippedAndAnEmptyOutputIsAnEmptyTable() {
        String text = "*nat\n:PREROUTING ACCEPT [0:0]\n:one-x - [0:0]\n-A PREROUTING -j one-x\nCOMMIT\n";
        assertTrue(FilterSaveParser.parse(text, IPT).isEmpty());
        assertTrue(FilterSaveParser.parse("", IPT).isEmpty());
    }

    @Test
    void anUnknownLineIsAnErrorNamingCommandLineNumberAndText() {
        String text = "*filter\n:INPUT ACCEPT [0:0]\n[3:180] -A INPUT -j ACCEPT\nCOMMIT\n";
        SyntaxException e = assertThrows(SyntaxException.class, () -> FilterSaveParser.parse(text, IPT));
        assertEquals(IPT + ": line 3, column 1: not a line of a save file: \"[3:180] -A INPUT -j ACCEPT\"", e.getMessage());
    }

    @Test
    void aRuleOfAnUndeclaredChainOrOutsideATableIsAnError() {
        SyntaxException undeclared = assertThrows(SyntaxException.class,
                () -> FilterSaveParser.parse("*filter\n-A one-1-0-i -j DROP\n", IPT));
        assertTrue(undeclared.getMessage().contains("line 2") && undeclared.getMessage().contains("one-1-0-i"));
        assertThrows(SyntaxException.class, () -> FilterSaveParser.parse(":INPUT ACCEPT [0:0]\n", IPT));
        assertThrows(SyntaxException.class, () -> FilterSaveParser.parse("*filter\n:one-1 - [0:0]\n:one-1 - [0:0]\n", IPT));
        assertThrows(SyntaxException.class, () -> FilterSaveParser.parse("*filter\n:lonely\n", IPT));
    }

    @Test
    void overlongOutputIsRefused() {
        assertThrows(SyntaxException.class, () -> FilterSaveParser.parse(Samples.overlong(), IPT));
    }

    @Test
    void aJumpWordInsideAQuotedCommentIsNotTheTarget() {
        assertEquals(Optional.of("myfw"),
                FilterSaveParser.jumpTarget("-m comment --comment \"then -j opennebula\" -j myfw"));
        assertEquals(Optional.of("one-1-0-o"), FilterSaveParser.jumpTarget("-g one-1-0-o"));
        assertEquals(Optional.empty(), FilterSaveParser.jumpTarget("-p tcp"));
    }
}
