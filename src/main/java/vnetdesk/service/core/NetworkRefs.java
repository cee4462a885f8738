package vnetdesk.service.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vnetdesk.model.NotFoundException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.store.LeaseRepository.ArState;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.NetworkRepository.Stamp;

/**
 * Resolves a network given by id or by name, as the CLI and UI accept both,
 * and keeps the networks it loaded: a cached network is reused while its
 * version and the inventory's AR generation are unchanged, which one small
 * query tells (the same query returns the AR lease counters).
 */
public final class NetworkRefs {

    /** A current network and the lease counters of its ARs. */
    public record Resolved(VirtualNetwork network, Map<Integer, ArState> arStates) {
        public ArState state(int arId) {
            ArState s = arStates.get(arId);
            if (s == null) {
                throw new NotFoundException("network " + network.label() + " has no address range " + arId);
            }
            return s;
        }
    }

    private record Cached(long version, long arGeneration, VirtualNetwork network) {
    }

    private final NetworkRepository repo;
    private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

    public NetworkRefs(NetworkRepository repo) {
        this.repo = repo;
    }

    /** Forgets every cached network (after a rollback, which may have let one see uncommitted rows). */
    public void clear() {
        cache.clear();
    }

    public VirtualNetwork resolve(Connection c, ObjectRef ref) throws SQLException {
        return resolveWithState(c, ref).network();
    }

    public Resolved resolveWithState(Connection c, ObjectRef ref) throws SQLException {
        int id = RefLookup.idOf(c, ref, "NETWORK", "network", repo::idsByName);
        Stamp stamp = repo.stamp(c, id).orElseThrow(() -> RefLookup.notFound("network", ref));
        Cached cached = cache.get(id);
        if (cached == null || cached.version != stamp.version() || cached.arGeneration != stamp.arGeneration()) {
            VirtualNetwork n = repo.find(c, id)
                    .orElseThrow(() -> RefLookup.notFound("network", ref));
            cached = new Cached(stamp.version(), stamp.arGeneration(), n);
            if (n.version() == stamp.version()) {
                cache.put(id, cached);
            }
        }
        return new Resolved(cached.network, stamp.arStates());
    }
}
