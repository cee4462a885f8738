package vnetdesk.model.vm;

import vnetdesk.model.LeaseAddresses;

/**
 * What a NIC is connected to: a lease of a network (its addresses), or, for
 * a NIC declared with {@code NETWORK_MODE = auto}, the requirements that will
 * choose its network when the VM is placed on a host.
 */
public sealed interface NicNetwork {

    /** A lease: index {@code leaseIndex} (unsigned) of AR {@code arId} of network {@code networkId}. */
    record Leased(int networkId, int arId, long leaseIndex, LeaseAddresses addresses) implements NicNetwork {
    }

    /** Not connected yet: chosen among the networks when the VM is deployed. */
    record Automatic(String requirements, String rank) implements NicNetwork {
    }
}
