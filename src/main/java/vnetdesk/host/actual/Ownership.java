package vnetdesk.host.actual;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names on a host are the console's: chains {@code opennebula} and
 * {@code one-*}, ipsets {@code one-*}, taps {@code one-<vm>-<nic>}. These are
 * OpenNebula's own names, so a host that ran OpenNebula's drivers reads the
 * same way; everything else (the host's own firewall, its sets) is left out
 * of the actual state and therefore never planned against.
 */
final class Ownership {

    /** The built-in chains of the filter tables a hook may sit in. */
    static final Set<String> BUILT_IN_CHAINS = Set.of("INPUT", "FORWARD", "OUTPUT");

    private static final Pattern TAP = Pattern.compile("one-[0-9]+-[0-9]+");

    private Ownership() {
    }

    static boolean isOwnedChain(String name) {
        return name.equals("opennebula") || name.startsWith("one-");
    }

    static boolean isOwnedSet(String name) {
        return name.startsWith("one-");
    }

    static boolean isTap(String device) {
        return TAP.matcher(device).matches();
    }
}
