package vnetdesk.host.desired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vnetdesk.model.SecurityRule.Direction;

/**
 * The names of the console's chains and ipsets. Every name of a NIC starts
 * with its tap ({@code one-<vm>-<nic>}) and a dash, so the chains and sets
 * of one NIC are found by that prefix and no other NIC's share it. Ipset
 * names stay within the kernel's 31 characters: a name that would be longer
 * becomes the tap, a dash and a hash of the long name (deterministic, so
 * desired and actual states still compare).
 */
public final class FirewallNames {

    /** The chain every bridged packet passes through (OpenNebula's name). */
    public static final String GLOBAL_CHAIN = "opennebula";

    /** IPSET_MAXNAMELEN is 32 including the terminating NUL. */
    public static final int MAX_IPSET_NAME = 31;

    private static final Pattern OWNED_BY_TAP = Pattern.compile("(one-[0-9]+-[0-9]+)(-.*)?");

    private FirewallNames() {
    }

    /** {@code one-3-0-i}: traffic to the VM. */
    public static String inChain(String tap) {
        return tap + "-i";
    }

    /** {@code one-3-0-o}: traffic from the VM. */
    public static String outChain(String tap) {
        return tap + "-o";
    }

    /** OpenNebula's name for the set of a NIC's IPv4 addresses: {@code one-3-0-ip-spoofing}. */
    public static String ipSpoofingSet(String tap) {
        return fit(tap, tap + "-ip-spoofing");
    }

    /** OpenNebula's name for the set of a NIC's IPv6 addresses: {@code one-3-0-ip6-spoofing}. */
    public static String ip6SpoofingSet(String tap) {
        return fit(tap, tap + "-ip6-spoofing");
    }

    /**
     * The set of the {@code ordinal}-th address match (1-based) of security
     * group {@code groupId} in one direction for this NIC:
     * {@code one-3-0-100-i1}. OpenNebula's {@code one-3-0-100-i-tcp-n-inet6}
     * does not fit 31 characters with long ids, and a set here holds one
     * match (protocol, ports, type, family), not one protocol.
     */
    public static String ruleSet(String tap, int groupId, Direction direction, int ordinal) {
        return fit(tap, tap + "-" + groupId + "-" + (direction == Direction.INBOUND ? "i" : "o") + ordinal);
    }

    /**
     * The tap a NIC's chain or set is named after ({@code one-3-0-i},
     * {@code one-3-0-ip-spoofing}, a hashed set name → {@code one-3-0}); a
     * tap's own name gives itself; any other name (the global chain) nothing.
     */
    public static Optional<String> tapOf(String name) {
        Matcher m = OWNED_BY_TAP.matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String fit(String tap, String name) {
        if (name.length() <= MAX_IPSET_NAME) {
            return name;
        }
        String hash = HexFormat.of().formatHex(sha256(name));
        return tap + "-" + hash.substring(0, MAX_IPSET_NAME - tap.length() - 1);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
