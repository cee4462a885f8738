package vnetdesk.service.core;

import java.sql.Connection;
import java.sql.SQLException;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.store.NetworkRepository;

/** Readable names of lease owners: "VM:3 NIC:0", "HOLD", "NET:7 (name)". */
public final class OwnerNames {

    private final NetworkRepository networks;

    public OwnerNames(NetworkRepository networks) {
        this.networks = networks;
    }

    public String describe(Connection c, LeaseOwner owner) throws SQLException {
        if (owner instanceof LeaseOwner.Reservation r) {
            return networks.find(c, r.networkId()).map(VirtualNetwork::name)
                    .map(name -> owner.label() + " (reservation " + name + ")").orElse(owner.label());
        }
        if (owner instanceof LeaseOwner.Hold) {
            return "a hold (HOLD)";
        }
        return owner.label();
    }
}
