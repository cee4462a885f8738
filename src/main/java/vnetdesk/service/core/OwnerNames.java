package vnetdesk.service.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.VmRepository;

/**
 * Readable names of lease owners: "VM 3:web NIC 0" (or "VM:3 NIC:0" for a VM
 * the inventory does not hold, e.g. one named by an imported network), "a
 * hold (HOLD)", "NET:7 (reservation name)".
 */
public final class OwnerNames {

    private final NetworkRepository networks;
    private final VmRepository vms;

    public OwnerNames(NetworkRepository networks, VmRepository vms) {
        this.networks = networks;
        this.vms = vms;
    }

    public String describe(Connection c, LeaseOwner owner) throws SQLException {
        if (owner instanceof LeaseOwner.Reservation r) {
            return networks.find(c, r.networkId()).map(VirtualNetwork::name)
                    .map(name -> owner.label() + " (reservation " + name + ")").orElse(owner.label());
        }
        if (owner instanceof LeaseOwner.Hold) {
            return "a hold (HOLD)";
        }
        if (owner instanceof LeaseOwner.VmNic nic) {
            return vms.name(c, nic.vmId()).map(name -> "VM " + nic.vmId() + ":" + name + " NIC " + nic.nicIndex())
                    .orElse(owner.label());
        }
        return owner.label();
    }

    /** The short name a Leases table shows next to the owner: the VM's name, the reservation's description. */
    public Optional<String> name(Connection c, LeaseOwner owner) throws SQLException {
        if (owner instanceof LeaseOwner.VmNic nic) {
            return vms.name(c, nic.vmId());
        }
        if (owner instanceof LeaseOwner.Reservation) {
            return Optional.of(describe(c, owner));
        }
        return Optional.empty();
    }
}
