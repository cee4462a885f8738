package vnetdesk.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a NETWORK_ID rule into the address-block rules a firewall can apply:
 * one per IP block of each address range of the network, keeping only the
 * blocks the rule's protocol can match (ICMP IPv4, ICMPV6 IPv6).
 */
public final class SecurityRuleExpansion {

    /** A SLAAC prefix covers the whole /64 its addresses are derived in. */
    private static final BigInteger SLAAC_BLOCK = BigInteger.ONE.shiftLeft(64);

    private SecurityRuleExpansion() {
    }

    /**
     * The rule with its network target replaced by each block of
     * {@code network}'s address ranges, without duplicates; a rule not
     * targeting a network comes back alone. An ETHER-only network gives no rules.
     *
     * @throws IllegalArgumentException if the rule targets a different network
     */
    public static List<SecurityRule> expand(SecurityRule rule, VirtualNetwork network) {
        if (!(rule.target() instanceof RuleTarget.OfNetwork target)) {
            return List.of(rule);
        }
        if (target.networkId() != network.id()) {
            throw new IllegalArgumentException("rule targets network " + target.networkId()
                    + " but network " + network.id() + " was given");
        }
        List<SecurityRule> rules = new ArrayList<>();
        for (AddressRange ar : network.addressRanges()) {
            for (RuleTarget.Block block : blocksOf(ar)) {
                if (rule.protocol().reaches(block.first())) {
                    rules.add(rule.withTarget(block));
                }
            }
        }
        return SecurityRule.withoutDuplicates(rules);
    }

    /** The IP blocks an address range hands out: IPv4 first, then IPv6 (global, ULA or static). */
    static List<RuleTarget.Block> blocksOf(AddressRange ar) {
        ArType type = ar.type();
        List<RuleTarget.Block> blocks = new ArrayList<>();
        type.firstIp().ifPresent(ip -> blocks.add(new RuleTarget.Block(new Address.V4(ip), ar.size())));
        if (type.isSlaac()) {
            type.globalPrefix().ifPresent(p -> blocks.add(RuleTarget.Block.of(p.prefix64(), SLAAC_BLOCK)));
            type.ulaPrefix().ifPresent(p -> blocks.add(RuleTarget.Block.of(p.prefix64(), SLAAC_BLOCK)));
        }
        type.firstIp6().ifPresent(ip -> blocks.add(RuleTarget.Block.of(ip, ar.size())));
        return blocks;
    }
}
