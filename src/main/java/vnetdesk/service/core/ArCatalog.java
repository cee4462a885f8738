package vnetdesk.service.core;

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
public final class ArCatalog {

    private final NetworkRepository networks;
    private long generation = -1;
    private List<VirtualNetwork> all = List.of();

    public ArCatalog(NetworkRepository networks) {
        this.networks = networks;
    }

    /**
     * Every network with its ARs as {@code c} sees them. Inside a write
     * transaction the view may include uncommitted changes, so it is returned
     * but not kept.
     */
    public synchronized List<VirtualNetwork> networks(Connection c) throws SQLException {
        long current = networks.arGeneration(c);
        if (current == generation) {
            return all;
        }
        List<VirtualNetwork> loaded = networks.list(c);
        if (c.getAutoCommit()) {
            all = loaded;
            generation = current;
        }
        return loaded;
    }
}
