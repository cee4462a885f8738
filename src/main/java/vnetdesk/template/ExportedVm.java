package vnetdesk.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vnetdesk.model.Qos;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.Vm;

/**
 * A VM with what its {@code onevm show -x} XML names besides the VM itself:
 * the names of its owner and group, the host it is placed on, and per NIC
 * the network of its lease with that network's owner, and the security
 * groups and QoS the NIC gets.
 *
 * @param nics one per NIC of the VM, in the VM's NIC order
 */
public record ExportedVm(Vm vm, String ownerName, String groupName, Optional<Host> host, List<ExportedNic> nics) {

    public ExportedVm {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(host, "host");
        nics = List.copyOf(nics);
        if (!nics.stream().map(ExportedNic::nic).toList().equals(vm.nics())) {
            throw new IllegalArgumentException("VM " + vm.label() + ": the exported NICs are not the VM's NICs");
        }
    }

    /**
     * One NIC as exported.
     *
     * @param network          the network of its lease; none while it waits for automatic selection
     * @param networkOwnerName the user owning that network ({@code NETWORK_UNAME}); empty without a network
     * @param securityGroups   the groups the NIC gets: the network's, its AR's and its own
     * @param qos              the QoS in force: the NIC's own, else the network's ({@link Qos#NONE} for none)
     */
    public record ExportedNic(Nic nic, Optional<VirtualNetwork> network, String networkOwnerName,
                              List<Integer> securityGroups, Qos qos) {

        public ExportedNic {
            Objects.requireNonNull(nic, "nic");
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(networkOwnerName, "networkOwnerName");
            securityGroups = List.copyOf(securityGroups);
            Objects.requireNonNull(qos, "qos");
            if (network.isPresent() != nic.lease().isPresent()
                    || network.isPresent() && network.get().id() != nic.lease().get().networkId()) {
                throw new IllegalArgumentException("NIC " + nic.index() + ": the network is not the one of its lease");
            }
        }
    }
}
