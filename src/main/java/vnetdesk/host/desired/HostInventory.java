package vnetdesk.host.desired;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vnetdesk.model.ValidationException;

/**
 * What the inventory says is on one host: the networks that must be present
 * there and the VM NICs placed on it. The service layer fills it from the
 * store; the compiler reads nothing else. Networks whose driver vnetdesk does
 * not manage on hosts are listed like the others and set apart by
 * {@link #managedOnly()} and {@link #skipped()}.
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

    /** This inventory without the networks vnetdesk does not manage on hosts and the NICs on them. */
    public HostInventory managedOnly() {
        List<NetworkOnHost> managed = networks.stream().filter(n -> n.network().conf().driver().managedOnHosts())
                .toList();
        if (managed.size() == networks.size()) {
            return this;
        }
        Set<Integer> ids = new HashSet<>();
        managed.forEach(n -> ids.add(n.network().id()));
        return new HostInventory(hostId, hostName, managed, nics.stream().filter(n -> ids.contains(n.networkId()))
                .toList());
    }

    /** The networks here vnetdesk does not manage on hosts, each with the taps of its NICs, in inventory order. */
    public List<SkippedNetwork> skipped() {
        List<SkippedNetwork> out = new ArrayList<>();
        for (NetworkOnHost n : networks) {
            if (!n.network().conf().driver().managedOnHosts()) {
                out.add(new SkippedNetwork(n.network(), nics.stream()
                        .filter(nic -> nic.networkId() == n.network().id()).map(NicOnHost::tap).toList()));
            }
        }
        return out;
    }
}
