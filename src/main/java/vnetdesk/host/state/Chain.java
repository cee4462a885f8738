package vnetdesk.host.state;

import java.util.List;

/**
 * A user-defined chain the console owns: its policy ({@code -} for an
 * iptables user chain, {@code RETURN}/{@code ACCEPT}/{@code DROP} for an
 * ebtables one) and its rules in order, each as the save tools print it
 * after {@code -A <chain> } (e.g. {@code -p tcp -m multiport --dports 22 -j RETURN}).
 */
public record Chain(String policy, List<String> rules) {

    public Chain {
        rules = List.copyOf(rules);
    }
}
