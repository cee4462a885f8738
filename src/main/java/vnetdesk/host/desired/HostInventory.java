package vnetdesk.host.desired;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vnetdesk.model.ValidationException;

/**
 * What the inventory says is on one host: the networks that must be present
 * there and the VM NICs placed on it. The service layer fills it from the
 * store; the compiler reads nothing else.
 */
public record HostInventory(int hostId, String hostName, List<NetworkOnHost> networks, List<NicOnHost> nics) {

    public HostInventory {
        networks = List.copyOf(networks);
        nics = List.copyOf(nics);
        Set<Integer> ids = new HashSet<>();
        for (NetworkOnHost n : networks) {
            if (!ids.add(n.network().id())) {
                throw ValidationException.invalid("NETWORK_ID", n.network().id(),
                        "listed twice in the inventory of host " + hostName);
            }
        }
        Set<String> taps = new HashSet<>();
        for (NicOnHost nic : nics) {
            if (!taps.add(nic.tap())) {
                throw ValidationException.invalid("tap", nic.tap(), "two NICs on host " + hostName + " use this tap");
            }
            if (!ids.contains(nic.networkId())) {
                throw ValidationException.invalid("NETWORK_ID", nic.networkId(), "NIC " + nic.tap() + " on host "
                        + hostName + " is on a network missing from the host's inventory");
            }
        }
    }
}
