package vnetdesk.host.actual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vnetdesk.host.state.IpSet;
import vnetdesk.model.SyntaxException;

class IpsetSaveParserTest {

    private static final String CMD = ActualStateReader.IPSET;

    private final Map<String, IpSet> sets = IpsetSaveParser.parse(Samples.read("ipset-save.txt"), CMD);

    @Test
    void keepsOwnedSetsWithTypeFamilyAndSortedMembersAndNotTheHostsOwn() {
        assertEquals(Set.of("one-1-0-ip-spoofing", "one-1-0-0-net", "one-1-0-0-netport", "one-1-0-ip6-spoofing"),
                sets.keySet());
        assertEquals(new IpSet("one-1-0-ip-spoofing", "hash:ip", "inet", List.of("10.0.0.1", "10.0.0.7")),
                sets.get("one-1-0-ip-spoofing"));
        assertEquals(List.of("10.0.0.2/31", "10.0.0.4/30"), sets.get("one-1-0-0-net").members());
        assertEquals(new IpSet("one-1-0-0-netport", "hash:net,port", "inet",
                List.of("10.0.0.0/24,tcp:80", "10.0.1.0/24,udp:53")), sets.get("one-1-0-0-netport"));
        assertEquals(new IpSet("one-1-0-ip6-spoofing", "hash:ip", "inet6",
                List.of("2001:db8::1", "fe80::400:aff:fe00:1")), sets.get("one-1-0-ip6-spoofing"));
    }

    @Test
    void kernelChosenOptionsDoNotMakeTwoReadsDiffer() {
        String other = Samples.read("ipset-save.txt").replace("initval 0x", "initval 0x1").replace("hashsize 1024", "hashsize 2048");
        assertEquals(sets, IpsetSaveParser.parse(other, CMD));
    }

    @Test
    void aSetWithoutFamilyIsInetAndAMemberKeepsItsOptions() {
        Map<String, IpSet> read = IpsetSaveParser.parse("create one-x hash:net\nadd one-x 10.0.0.0/8 nomatch\n", CMD);
        assertEquals(new IpSet("one-x", "hash:net", "inet", List.of("10.0.0.0/8 nomatch")), read.get("one-x"));
    }

    @Test
    void malformedLinesAreErrorsNamingCommandLineAndText() {
        SyntaxException unknown = assertThrows(SyntaxException.class,
                () -> IpsetSaveParser.parse("create one-x hash:ip\nflush one-x\n", CMD));
        assertEquals(CMD + ": line 2, column 1: not a line of ipset save (create or add): \"flush one-x\"",
                unknown.getMessage());
        SyntaxException orphan = assertThrows(SyntaxException.class, () -> IpsetSaveParser.parse("add one-y 1.2.3.4\n", CMD));
        assertTrue(orphan.getMessage().contains("one-y"), orphan.getMessage());
        assertThrows(SyntaxException.class, () -> IpsetSaveParser.parse("create one-x\n", CMD));
        assertThrows(SyntaxException.class, () -> IpsetSaveParser.parse("create a hash:ip\ncreate a hash:ip\n", CMD));
        assertThrows(SyntaxException.class, () -> IpsetSaveParser.parse(Samples.overlong(), CMD));
    }
}
