package vnetdesk.template;

import java.util.Map;
import java.util.Objects;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.PropagationState;

/**
 * One network as {@link OneXml} writes it: the details a user sees plus the two things
 * an OpenNebula {@code VNET} document states that {@link NetworkDetails} does not — each
 * AR's allocation cursor ({@code NEXT_INDEX}) and the security-group propagation state of
 * the network's VMs ({@code UPDATED_VMS}, {@code OUTDATED_VMS}, {@code UPDATING_VMS},
 * {@code ERROR_VMS}).
 *
 * @param roundRobinCursors the index last given out by round-robin allocation, per AR id
 *                          (ARs without one, and lowest-free networks, search from index 0)
 * @param vmStates          per VM with a NIC on the network, its state across the network's
 *                          security groups (empty for a network without groups)
 */
public record VnetXmlNetwork(NetworkDetails details, Map<Integer, Long> roundRobinCursors,
                             Map<Integer, PropagationState> vmStates) {

    public VnetXmlNetwork {
        Objects.requireNonNull(details, "details");
        roundRobinCursors = Map.copyOf(roundRobinCursors);
        vmStates = Map.copyOf(vmStates);
    }

    /** A network with no allocation cursor and no security-group state recorded. */
    public static VnetXmlNetwork of(NetworkDetails details) {
        return new VnetXmlNetwork(details, Map.of(), Map.of());
    }
}
