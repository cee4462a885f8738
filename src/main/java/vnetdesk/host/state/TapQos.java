package vnetdesk.host.state;

import java.util.Optional;

/**
 * The traffic control of one tap, in bytes: inbound (towards the VM) shaped
 * on the tap's egress by an htb class, outbound (from the VM) policed on the
 * tap's ingress. Both empty = no tc state on the tap.
 */
public record TapQos(String tap, Optional<Shaping> inbound, Optional<Policing> outbound) {

    /** htb class: rate and ceil in bytes/s, burst in bytes. */
    public record Shaping(long rate, long ceil, long burst) {
    }

    /** ingress police: rate in bytes/s, burst in bytes. */
    public record Policing(long rate, long burst) {
    }

    public boolean isEmpty() {
        return inbound.isEmpty() && outbound.isEmpty();
    }
}
