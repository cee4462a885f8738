package vnetdesk.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import vnetdesk.model.LockLevel;

/**
 * A VM read from {@code onevm show -x} or {@code onevm list -x} XML, as
 * written: only the structure and the numbers are checked here; names,
 * states, hosts and NICs are validated by the importing service.
 *
 * @param at               where the {@code <VM>} element starts
 * @param id               {@code ID}
 * @param name             {@code NAME}
 * @param uid              {@code UID} (an id of the cloud the file came from)
 * @param gid              {@code GID}
 * @param ownerName        {@code UNAME}
 * @param groupName        {@code GNAME}
 * @param permissionsOctal the {@code PERMISSIONS} bits as three octal digits; none in a pool listing
 * @param lock             the {@code LOCK/LOCKED} level, if locked
 * @param state            {@code STATE}, OpenNebula's number
 * @param lcmState         {@code LCM_STATE}
 * @param placement        the last {@code HISTORY_RECORDS/HISTORY} (highest {@code SEQ}): where the VM
 *                         is or was placed
 * @param userTemplate     the {@code USER_TEMPLATE} leaf elements, upper-case names, in document order
 *                         (vectors in it are not read)
 * @param nics             the {@code TEMPLATE/NIC} elements, in document order
 */
public record ImportedVm(XmlPosition at, OptionalInt id, Optional<String> name, OptionalInt uid, OptionalInt gid,
                         Optional<String> ownerName, Optional<String> groupName, Optional<String> permissionsOctal,
                         Optional<LockLevel> lock, OptionalInt state, OptionalInt lcmState,
                         Optional<Placement> placement, Map<String, String> userTemplate, List<ImportedNic> nics) {

    public ImportedVm {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(gid, "gid");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(permissionsOctal, "permissionsOctal");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lcmState, "lcmState");
        Objects.requireNonNull(placement, "placement");
        userTemplate = Collections.unmodifiableMap(new LinkedHashMap<>(userTemplate));
        nics = List.copyOf(nics);
    }

    /**
     * A host the VM is or was placed on, as its history names it.
     *
     * @param hostName  {@code HOSTNAME}
     * @param hostId    {@code HID} (an id of the cloud the file came from)
     * @param clusterId {@code CID}
     */
    public record Placement(Optional<String> hostName, OptionalInt hostId, OptionalInt clusterId) {

        public Placement {
            Objects.requireNonNull(hostName, "hostName");
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(clusterId, "clusterId");
        }
    }
}
