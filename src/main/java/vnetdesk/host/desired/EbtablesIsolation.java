package vnetdesk.host.desired;

import java.util.List;
import java.util.Map;

import vnetdesk.host.state.Chain;
import vnetdesk.model.Mac;

/**
 * The ebtables rules of one NIC of an {@code ebtables} network, as
 * {@code ebtables-save} prints them: a chain for frames into the tap that
 * drops any source MAC outside the NIC's /40 prefix (isolation from other
 * networks on the wire), and one for frames out of the tap that drops any
 * source MAC but the NIC's (anti-spoofing). Each NIC has its own chains and
 * two hooks, so removing a NIC removes exactly its rules.
 */
public record EbtablesIsolation(Map<String, Chain> chains, List<String> hooks) {

    /** ebtables user chains end in this policy, so a frame that passes goes on through FORWARD. */
    static final String POLICY = "RETURN";

    public EbtablesIsolation {
        chains = Map.copyOf(chains);
        hooks = List.copyOf(hooks);
    }

    public static EbtablesIsolation of(String tap, Mac mac) {
        String in = FirewallNames.inChain(tap);
        String out = FirewallNames.outChain(tap);
        Mac prefix = new Mac(mac.value() & ~0xffL);
        return new EbtablesIsolation(Map.of(
                in, new Chain(POLICY, List.of("-s ! " + prefix + "/ff:ff:ff:ff:ff:00 -j DROP")),
                out, new Chain(POLICY, List.of("-s ! " + mac + " -j DROP"))),
                List.of("-A FORWARD -o " + tap + " -j " + in, "-A FORWARD -i " + tap + " -j " + out));
    }
}
