package vnetdesk.model;

import java.util.List;
import java.util.Map;

/**
 * A network as shown to a user: the network, owner and group names, used
 * leases per AR, and (when asked for) its leases.
 *
 * @param usedPerAr   used lease count per AR id
 * @param leases      the leases, in AR id then index order (may be a page or empty)
 * @param ownerLabels a readable name per lease owner label (e.g. "NET:7" → "my-reservation")
 */
public record NetworkDetails(VirtualNetwork network, String ownerName, String groupName,
                             Map<Integer, Long> usedPerAr, List<Lease> leases, Map<String, String> ownerLabels) {

    public NetworkDetails {
        usedPerAr = Map.copyOf(usedPerAr);
        leases = List.copyOf(leases);
        ownerLabels = Map.copyOf(ownerLabels);
    }

    public long usedLeases() {
        return usedPerAr.values().stream().mapToLong(Long::longValue).sum();
    }

    public long used(int arId) {
        return usedPerAr.getOrDefault(arId, 0L);
    }
}
