package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import vnetdesk.model.VirtualNetwork;
import vnetdesk.store.NetworkRepository;

/**
 * All networks with their ARs, cached for lookups that must touch every AR
 * ("who holds this address?"). Reloaded when the inventory's AR generation
 * changes, so it is never stale, even with other writers.
 */
final class ArCatalog {

    private final NetworkRepository networks;
    private long generation = -1;
    private List<VirtualNetwork> all = List.of();

    ArCatalog(NetworkRepository networks) {
        this.networks = networks;
    }

    synchronized List<VirtualNetwork> networks(Connection c) throws SQLException {
        long current = networks.arGeneration(c);
        if (current != generation) {
            all = networks.list(c);
            generation = current;
        }
        return all;
    }
}
