package vnetdesk.service.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import vnetdesk.ipam.UsedIndexSet;
import vnetdesk.model.AddressRange;
import vnetdesk.store.LeaseRepository;

/**
 * Keeps the used-index set of each AR in memory so allocation does not scan
 * the lease table. A cached set is trusted only while the AR's VERSION in the
 * database equals the version it was loaded at; any other writer (another
 * console on a shared database) bumps it and forces a reload.
 */
public final class AllocatorCache {

    private record Key(int networkId, int arId) {
    }

    private record Entry(long version, UsedIndexSet set) {
    }

    private final LeaseRepository leases;
    private final Map<Key, Entry> entries = new HashMap<>();

    public AllocatorCache(LeaseRepository leases) {
        this.leases = leases;
    }

    /**
     * The used set of an AR as of {@code version} (read under the AR row lock by
     * the caller). The returned set may be changed by the caller inside its
     * transaction; it must then call {@link #committed} or {@link #discard}.
     */
    public synchronized UsedIndexSet forWrite(Connection c, int networkId, AddressRange ar, long version)
            throws SQLException {
        Key key = new Key(networkId, ar.id());
        Entry e = entries.get(key);
        if (e != null && e.version == version && e.set.lastIndex() == ar.lastIndex()) {
            return e.set;
        }
        UsedIndexSet set = load(c, networkId, ar);
        entries.put(key, new Entry(version, set));
        return set;
    }

    public synchronized void committed(int networkId, int arId, long newVersion) {
        Key key = new Key(networkId, arId);
        Entry e = entries.get(key);
        if (e != null) {
            entries.put(key, new Entry(newVersion, e.set));
        }
    }

    public synchronized void discard(int networkId, int arId) {
        entries.remove(new Key(networkId, arId));
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized void discardNetwork(int networkId) {
        entries.keySet().removeIf(k -> k.networkId == networkId);
    }

    private UsedIndexSet load(Connection c, int networkId, AddressRange ar) throws SQLException {
        UsedIndexSet set = new UsedIndexSet(ar.lastIndex());
        leases.forEachIndex(c, networkId, ar.id(), idx -> {
            if (ar.containsIndex(idx)) {
                set.add(idx);
            }
        });
        return set;
    }
}
