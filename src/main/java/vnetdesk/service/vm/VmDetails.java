package vnetdesk.service.vm;

import java.util.List;
import java.util.Optional;

import vnetdesk.model.Qos;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.Vm;

/**
 * A VM as lists and the detail show it: the VM, its owner's and group's
 * names, its host, and per NIC its network, tap device, effective security
 * groups and QoS.
 */
public record VmDetails(Vm vm, String ownerName, String groupName, Optional<Host> host, List<NicDetails> nics) {

    /**
     * One NIC with what derives from its network: the tap device, the groups
     * it gets (network, AR, its own), the QoS in force (its own override, else
     * the network's), and the network (none while it waits for automatic selection).
     */
    public record NicDetails(Nic nic, String tapName, Optional<VirtualNetwork> network, List<Integer> securityGroups,
                             Qos qos) {

        static NicDetails of(Vm vm, Nic nic, Optional<VirtualNetwork> network) {
            List<Integer> groups = network.map(n -> VmRows.effectiveGroups(n, nic.lease().orElseThrow().arId(), nic))
                    .orElse(nic.securityGroups());
            Qos qos = nic.qos().or(() -> network.map(VirtualNetwork::qos)).orElse(Qos.NONE);
            return new NicDetails(nic, nic.tapName(vm.id()), network, groups, qos);
        }
    }
}
