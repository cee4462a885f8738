package vnetdesk.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A virtual network: General (name, description, clusters, ownership, lock),
 * Conf, QoS, context and custom attributes, security groups and address ranges.
 *
 * @param attributes      context attributes (NETWORK_ADDRESS, GATEWAY, DNS, …) and
 *                        custom tags, upper-case names, in the order given
 * @param vectors         template vectors kept as read (an imported network's unmodelled vectors), in order
 * @param parentNetworkId set when this network is a reservation from another
 * @param nextArId        the id the next AR gets (AR ids are never reused)
 * @param version         optimistic-locking version as read; the store bumps it on every change
 */
public record VirtualNetwork(int id, String name, String description, List<Integer> clusterIds,
                             Ownership ownership, Optional<LockLevel> lock, NetworkConf conf, Qos qos,
                             Map<String, String> attributes, List<AttributeVector> vectors,
                             List<Integer> securityGroups, List<AddressRange> addressRanges,
                             Optional<Integer> parentNetworkId, int nextArId, long version) {

    public VirtualNetwork {
        clusterIds = List.copyOf(clusterIds);
        attributes = Attributes.copyOf(attributes);
        vectors = List.copyOf(vectors);
        securityGroups = List.copyOf(securityGroups);
        addressRanges = List.copyOf(addressRanges);
    }

    /** A network without template vectors, as every network not imported from another cloud is. */
    public VirtualNetwork(int id, String name, String description, List<Integer> clusterIds, Ownership ownership,
                          Optional<LockLevel> lock, NetworkConf conf, Qos qos, Map<String, String> attributes,
                          List<Integer> securityGroups, List<AddressRange> addressRanges,
                          Optional<Integer> parentNetworkId, int nextArId, long version) {
        this(id, name, description, clusterIds, ownership, lock, conf, qos, attributes, List.of(), securityGroups,
                addressRanges, parentNetworkId, nextArId, version);
    }

    public Optional<AddressRange> addressRange(int arId) {
        return addressRanges.stream().filter(a -> a.id() == arId).findFirst();
    }

    /** How many addresses the network's ranges hold together; beyond a long for a static IPv6 /64. */
    public BigInteger totalSize() {
        BigInteger total = BigInteger.ZERO;
        for (AddressRange ar : addressRanges) {
            total = total.add(ar.size());
        }
        return total;
    }

    public boolean isReservation() {
        return parentNetworkId.isPresent();
    }

    /** "id:name" as shown next to every object. */
    public String label() {
        return id + ":" + name;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-with-changes helper; the record stays immutable. */
    public static final class Builder {
        private int id;
        private String name;
        private String description;
        private List<Integer> clusterIds;
        private Ownership ownership;
        private Optional<LockLevel> lock;
        private NetworkConf conf;
        private Qos qos;
        private Map<String, String> attributes;
        private List<AttributeVector> vectors;
        private List<Integer> securityGroups;
        private List<AddressRange> addressRanges;
        private Optional<Integer> parentNetworkId;
        private int nextArId;
        private long version;

        private Builder(VirtualNetwork n) {
            id = n.id;
            name = n.name;
            description = n.description;
            clusterIds = n.clusterIds;
            ownership = n.ownership;
            lock = n.lock;
            conf = n.conf;
            qos = n.qos;
            attributes = n.attributes;
            vectors = n.vectors;
            securityGroups = n.securityGroups;
            addressRanges = n.addressRanges;
            parentNetworkId = n.parentNetworkId;
            nextArId = n.nextArId;
            version = n.version;
        }

        public Builder id(int v) { id = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder clusterIds(List<Integer> v) { clusterIds = v; return this; }
        public Builder ownership(Ownership v) { ownership = v; return this; }
        public Builder lock(Optional<LockLevel> v) { lock = v; return this; }
        public Builder conf(NetworkConf v) { conf = v; return this; }
        public Builder qos(Qos v) { qos = v; return this; }
        public Builder attributes(Map<String, String> v) { attributes = v; return this; }
        public Builder vectors(List<AttributeVector> v) { vectors = v; return this; }
        public Builder securityGroups(List<Integer> v) { securityGroups = v; return this; }
        public Builder addressRanges(List<AddressRange> v) { addressRanges = v; return this; }
        public Builder parentNetworkId(Optional<Integer> v) { parentNetworkId = v; return this; }
        public Builder nextArId(int v) { nextArId = v; return this; }
        public Builder version(long v) { version = v; return this; }

        public VirtualNetwork build() {
            return new VirtualNetwork(id, name, description, clusterIds, ownership, lock, conf, qos, attributes,
                    vectors, securityGroups, addressRanges, parentNetworkId, nextArId, version);
        }
    }
}
