package vnetdesk.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import vnetdesk.model.AttributeVector;
import vnetdesk.model.LockLevel;

/**
 * A network read from {@code onevnet show -x} XML, as written: only the XML
 * structure and the ids are checked, the values are validated later by the
 * same paths as any other input.
 *
 * @param id               the top-level {@code ID}, if present
 * @param name             the network name (top-level {@code NAME}, else the template's), {@code ""} if none
 * @param attributes       the {@code TEMPLATE} leaf elements merged with the top-level {@code NAME},
 *                         {@code VN_MAD}, {@code BRIDGE}, {@code PHYDEV} and {@code VLAN_ID} (a non-empty
 *                         top-level value wins); the top-level {@code BRIDGE} only when {@code TEMPLATE}
 *                         names a bridge too (else it was generated, and is left out so that a new
 *                         name is generated); {@code VLAN_ID_AUTOMATIC=1} becomes
 *                         {@code AUTOMATIC_VLAN_ID=YES} without a {@code VLAN_ID}; the {@code CLUSTERS} ids
 *                         become {@code CLUSTER_IDS} when {@code TEMPLATE} has none; upper-case names,
 *                         in document order
 * @param vectors          the {@code TEMPLATE} vectors (elements holding elements), in document order
 * @param owner            the {@code UID}, {@code GID}, {@code UNAME} and {@code GNAME}, when all four are given
 * @param permissionsOctal the {@code PERMISSIONS} bits as three octal digits such as {@code 640}
 * @param lock             the {@code LOCK/LOCKED} level (1 USE, 2 MANAGE, 3 ADMIN, 4 ALL), if locked
 * @param parentNetworkId  {@code PARENT_NETWORK_ID} when the network is a reservation
 * @param addressRanges    the {@code AR_POOL/AR} elements, in document order
 */
public record ImportedNetwork(OptionalInt id, String name, Map<String, String> attributes,
                              List<AttributeVector> vectors, Optional<Owner> owner,
                              Optional<String> permissionsOctal, Optional<LockLevel> lock,
                              OptionalInt parentNetworkId,
                              List<ImportedAr> addressRanges) {

    public ImportedNetwork {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        vectors = List.copyOf(vectors);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(permissionsOctal, "permissionsOctal");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(parentNetworkId, "parentNetworkId");
        addressRanges = List.copyOf(addressRanges);
    }

    /** The same network with other address ranges. */
    public ImportedNetwork withAddressRanges(List<ImportedAr> ranges) {
        return new ImportedNetwork(id, name, attributes, vectors, owner, permissionsOctal, lock, parentNetworkId,
                ranges);
    }

    /** The owner a document states: user and group by id and by name. */
    public record Owner(int uid, int gid, String userName, String groupName) {

        public Owner {
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(groupName, "groupName");
        }
    }
}
