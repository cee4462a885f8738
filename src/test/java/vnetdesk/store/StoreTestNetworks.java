package vnetdesk.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.ipam.ArFactory;
import vnetdesk.model.AddressRange;
import vnetdesk.model.Mac;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.VirtualNetwork;

/** Networks written straight through the repositories, for store tests that need a row to work on. */
final class StoreTestNetworks {

    private StoreTestNetworks() {
    }

    /** Inserts a bridged network owned by oneadmin with one IPv4 range of 16 addresses (AR 0). */
    static VirtualNetwork insert(Database db, String name) {
        return db.inTransaction(c -> {
            NetworkRepository networks = new NetworkRepository();
            int id = networks.nextId(c, "NETWORK");
            AddressRange ar = new ArFactory(0x0200, prefix -> Mac.of(prefix, 0))
                    .create(0, Map.of("TYPE", "IP4", "IP", "10.0.0.1", "SIZE", "16"), Optional.empty());
            VirtualNetwork n = NetworkAttributes.parse(Map.of("NAME", name, "VN_MAD", "bridge"))
                    .toNetwork(id, new Ownership(0, 0, Permissions.DEFAULT), "br0", false, Optional.empty(),
                            Optional.empty(), List.of(0), List.of(ar), Optional.empty(), 1, 0);
            networks.insert(c, n);
            return n;
        });
    }
}
