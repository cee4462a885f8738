package vnetdesk.service.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.model.vm.Vm;
import vnetdesk.store.VmRepository.LeaseKey;
import vnetdesk.store.VmRepository.NicRow;
import vnetdesk.store.VmRepository.VmRow;

/**
 * A VM in its stored form that comes from outside the inventory (a backup
 * being restored), rebuilt through the rules of VM input: the name, each user
 * template attribute, and each NIC's attributes as its {@code NIC = [ … ]}
 * vector would be checked (groups, QoS, model, the expressions of automatic
 * selection), so a tampered file gets the errors user input gets. What depends
 * on the rest of the inventory (owner, host, the leases) is the restorer's.
 */
public final class StoredVms {

    private StoredVms() {
    }

    /**
     * The row as vnetdesk stores such a VM, at version 0.
     *
     * @param addresses the addresses of a NIC's lease, which the restorer has checked
     */
    public static VmRow rebuilt(VmRow row, Function<LeaseKey, LeaseAddresses> addresses) {
        String name = NetworkAttributes.checkName("name", row.name());
        row.attributes().forEach(VmTemplate::checkUserAttribute);
        List<Nic> nics = new ArrayList<>();
        for (NicRow stored : row.nics()) {
            Map<String, String> vector = new LinkedHashMap<>(stored.attributes());
            stored.lease().ifPresent(k -> vector.put("NETWORK_ID", Integer.toString(k.networkId())));
            NicRequest request = NicAttributes.request("NIC " + stored.index(), vector);
            NicNetwork network;
            if (stored.lease().isPresent()) {
                LeaseKey k = stored.lease().get();
                network = new NicNetwork.Leased(k.networkId(), k.arId(), k.index(), addresses.apply(k));
            } else {
                NicRequest.Automatic auto = request.automatic().orElseThrow();
                network = new NicNetwork.Automatic(auto.requirements(), auto.rank());
            }
            nics.add(new Nic(stored.index(), network, request.securityGroups(), request.qos(), request.model(),
                    request.attributes()));
        }
        return VmRows.row(new Vm(row.id(), name, row.ownership(), row.lock(), row.state(), row.hostId(),
                row.attributes(), nics, 0));
    }
}
