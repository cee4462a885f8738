package vnetdesk.host.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.model.SecurityRule.Direction;

class FirewallNamesTest {

    @Test
    void shortNamesFollowOpenNebula() {
        assertEquals("one-3-0-i", FirewallNames.inChain("one-3-0"));
        assertEquals("one-3-0-o", FirewallNames.outChain("one-3-0"));
        assertEquals("one-3-0-ip-spoofing", FirewallNames.ipSpoofingSet("one-3-0"));
        assertEquals("one-3-0-ip6-spoofing", FirewallNames.ip6SpoofingSet("one-3-0"));
        assertEquals("one-3-0-100-i1", FirewallNames.ruleSet("one-3-0", 100, Direction.INBOUND, 1));
        assertEquals("one-3-0-100-o12", FirewallNames.ruleSet("one-3-0", 100, Direction.OUTBOUND, 12));
    }

    @Test
    void theLongestTapStillGetsReadableSpoofingSetNames() {
        // a tap name is at most 15 characters, so tap + "-ip6-spoofing" is at most 28
        assertEquals("one-12345678-99-ip6-spoofing", FirewallNames.ip6SpoofingSet("one-12345678-99"));
    }

    @Test
    void aRuleSetNameTooLongForTheKernelBecomesTheTapAndAStableHash() {
        String name = FirewallNames.ruleSet("one-12345678-99", 2_000_000_000, Direction.INBOUND, 1234);
        assertEquals(FirewallNames.MAX_IPSET_NAME, name.length());
        assertTrue(name.startsWith("one-12345678-99-"), name);
        assertTrue(name.substring(16).matches("[0-9a-f]{15}"), name);
        assertEquals(name, FirewallNames.ruleSet("one-12345678-99", 2_000_000_000, Direction.INBOUND, 1234));
        assertNotEquals(name, FirewallNames.ruleSet("one-12345678-99", 2_000_000_000, Direction.INBOUND, 1235));
    }

    @Test
    void everyNameFitsTheKernelLimit() {
        for (String tap : new String[] {"one-0-0", "one-1234567-12", "one-12345678-99", "one-123456789-9"}) {
            for (int group : new int[] {0, 100, 99_999, Integer.MAX_VALUE}) {
                for (int ordinal : new int[] {1, 9, 10, 999}) {
                    assertTrue(FirewallNames.ruleSet(tap, group, Direction.OUTBOUND, ordinal).length()
                            <= FirewallNames.MAX_IPSET_NAME);
                }
            }
            assertTrue(FirewallNames.ip6SpoofingSet(tap).length() <= FirewallNames.MAX_IPSET_NAME);
        }
    }

    @Test
    void everyNameOfANicLeadsBackToItsTapAndTheGlobalChainToNone() {
        String tap = "one-12345678-99";
        for (String name : new String[] {tap, FirewallNames.inChain(tap), FirewallNames.outChain(tap),
                FirewallNames.ipSpoofingSet(tap), FirewallNames.ruleSet(tap, 2_000_000_000, Direction.INBOUND, 1234)}) {
            assertEquals(Optional.of(tap), FirewallNames.tapOf(name), name);
        }
        assertEquals(Optional.of("one-5-10"), FirewallNames.tapOf(FirewallNames.ruleSet("one-5-10", 100,
                Direction.OUTBOUND, 1)));
        assertEquals(Optional.empty(), FirewallNames.tapOf(FirewallNames.GLOBAL_CHAIN));
        assertEquals(Optional.empty(), FirewallNames.tapOf("onebr0"));
    }
}
