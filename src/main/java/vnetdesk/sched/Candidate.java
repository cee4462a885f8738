package vnetdesk.sched;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import vnetdesk.model.Attributes;

/**
 * One network that automatic selection may choose, with the facts the caller
 * (the service, which reads the inventory and knows the VM's owner) gathered.
 *
 * @param id           the network id; the lower wins a tie of rank
 * @param label        how messages name it, {@code id:name}
 * @param attributes   what {@code SCHED_REQUIREMENTS} and {@code SCHED_RANK} read: the
 *                     network's attributes and template (NAME, VN_MAD, BRIDGE, VLAN_ID,
 *                     custom ones such as TRAFFIC_TYPE) and counts such as USED_LEASES
 *                     and FREE_LEASES; names are upper-cased
 * @param clusterIds   the clusters the network is in
 * @param mayUse       whether the VM's owner holds the USE right on the network
 * @param hasFreeLease whether the network has an address left to lease
 */
public record Candidate(int id, String label, Map<String, String> attributes, List<Integer> clusterIds,
                        boolean mayUse, boolean hasFreeLease) {

    public Candidate {
        Objects.requireNonNull(label, "label");
        attributes = Attributes.copyOf(attributes);
        clusterIds = List.copyOf(clusterIds);
    }
}
