package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.store.NetworkRepository;

/** Readable names of lease owners: "VM:3 NIC:0", "HOLD", "NET:7 (name)". */
final class OwnerNames {

    private final NetworkRepository networks;

    OwnerNames(NetworkRepository networks) {
        this.networks = networks;
    }

    String describe(Connection c, LeaseOwner owner) throws SQLException {
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
