package vnetdesk.service.interchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.AttributeVector;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.Numbers;
import vnetdesk.model.ValidationException;

/**
 * The JSON backup format of the inventory, as read from a file: networks with
 * their ids, owners, attributes, address ranges and leases, and in a
 * whole-inventory backup clusters, hosts and VMs. The records hold
 * the values as written (checked for JSON type and range only) plus where each
 * object starts, so later validation can point at it.
 *
 * <pre>
 * {"format": "vnetdesk-inventory", "version": 3, "networks": [
 *   {"id": 0, "uid": 0, "gid": 0, "permissions": "640", "lock": null, "nextArId": 1,
 *    "bridgeGenerated": true, "pickedVlanId": null, "parentNetworkId": null,
 *    "attributes": {"NAME": "web", "VN_MAD": "bridge", "BRIDGE": "onebr0", ...},
 *    "addressRanges": [{"arId": 0, "attributes": {"TYPE": "IP4", ...}, "roundRobinCursor": null,
 *                       "leases": [{"index": "5", "owner": "HOLD"}]}]}]}
 * </pre>
 * Lease indexes (and the round-robin cursor) are strings because they are unsigned 64-bit numbers; owners
 * are {@code HOLD}, {@code VM:<vm id>:<nic index>} or {@code NET:<reservation network id>}. A backup of
 * the whole inventory also has an {@code "access"} object before the networks (users, groups, ACL rules,
 * security groups, network templates; see {@link JsonBackupAccess}), {@code "clusters"} and {@code "hosts"}
 * before and {@code "vms"} after them (see {@link JsonBackupVms}); a backup of named networks has none.
 * Version 1 backups (before VMs) and version 2 backups (hosts without connection settings, which then get
 * the defaults) are read too.
 */
final class JsonBackup {

    static final String FORMAT = "vnetdesk-inventory";
    static final int VERSION = 3;
    /** The oldest version this vnetdesk restores: 1 has no clusters, hosts and VMs. */
    static final int OLDEST_VERSION = 1;

    /** Ids stay within what a reference by id accepts (nine digits). */
    static final int MAX_ID = 999_999_999;

    private JsonBackup() {
    }

    /** Where an object starts in the file, for messages. */
    record Where(String source, int line, int column) {
        String text() {
            return source + ": line " + line + ", column " + column;
        }
    }

    /**
     * One network as written.
     *
     * @param bridgeGenerated whether vnetdesk chose the bridge name (BRIDGE is always in the attributes)
     * @param pickedVlanId    the VLAN id picked for AUTOMATIC_VLAN_ID=YES, which the attributes do not carry
     * @param vectors         the template vectors kept from an imported document (field {@code vectors},
     *                        written only when there are some)
     */
    record Network(Where at, int id, int uid, int gid, String permissions, Optional<String> lock, int nextArId,
                   boolean bridgeGenerated, Optional<Integer> pickedVlanId, Optional<Integer> parentNetworkId,
                   Map<String, String> attributes, List<AttributeVector> vectors, List<Ar> addressRanges) {
    }

    /**
     * One address range as written: its id, {@code AddressRange.toAttributes()}, its leases.
     *
     * @param roundRobinCursor the last index handed out under ALLOCATION=ROUND_ROBIN, if any
     */
    record Ar(Where at, int arId, Map<String, String> attributes, Optional<String> roundRobinCursor,
              List<LeaseEntry> leases) {
    }

    /** One lease as written. */
    record LeaseEntry(Where at, String index, String owner) {
    }

    /** The clusters, hosts and VMs of a whole-inventory backup, as written; lists the file leaves out are empty. */
    record VmSection(List<ClusterEntry> clusters, List<HostEntry> hosts, List<VmEntry> vms) {
    }

    /** One cluster as written. */
    record ClusterEntry(Where at, int id, String name) {
    }

    /** One host as written; a version 2 backup has no connection settings. */
    record HostEntry(Where at, int id, String name, int clusterId, String address, Map<String, String> attributes,
                     Optional<ConnectionEntry> connection) {
    }

    /** How the console logs in to a host: {@code identity} is {@code agent}, {@code password} or a key file's path. */
    record ConnectionEntry(Where at, int port, String user, String identity) {
    }

    /** One VM as written: its stored form, the user template as {@code attributes}, the state's name. */
    record VmEntry(Where at, int id, String name, int uid, int gid, String permissions, Optional<String> lock,
                   String state, Optional<Integer> hostId, Map<String, String> attributes, List<NicEntry> nics) {
    }

    /** One NIC as written: its index, its lease (none while it waits for automatic selection), its attributes. */
    record NicEntry(Where at, int nicId, Optional<LeaseRef> lease, Map<String, String> attributes) {
    }

    /** The lease a NIC holds: index {@code index} (an unsigned number as a string) of AR {@code arId}. */
    record LeaseRef(Where at, int networkId, int arId, String index) {
    }

    /** The backup notation of an owner. */
    static String ownerText(LeaseOwner owner) {
        if (owner instanceof LeaseOwner.VmNic v) {
            return "VM:" + v.vmId() + ":" + v.nicIndex();
        }
        if (owner instanceof LeaseOwner.Reservation r) {
            return "NET:" + r.networkId();
        }
        return "HOLD";
    }

    /** Parses the backup notation of an owner. */
    static LeaseOwner parseOwner(String text) {
        if (text.equals("HOLD")) {
            return LeaseOwner.HOLD;
        }
        String[] parts = text.split(":", -1);
        if (parts.length == 3 && parts[0].equals("VM")) {
            return new LeaseOwner.VmNic(Numbers.parseInt("owner", parts[1], 0, Integer.MAX_VALUE),
                    Numbers.parseInt("owner", parts[2], 0, Integer.MAX_VALUE));
        }
        if (parts.length == 2 && parts[0].equals("NET")) {
            return new LeaseOwner.Reservation(Numbers.parseInt("owner", parts[1], 0, MAX_ID));
        }
        throw ValidationException.invalid("owner", text,
                "expected HOLD, VM:<vm id>:<nic index> or NET:<reservation network id>");
    }

    /** An unsigned 64-bit index as the format writes it (a string of digits). */
    static long parseIndex(String field, String text) {
        if (!text.matches("[0-9]{1,20}")) {
            throw ValidationException.invalid(field, text, "expected a whole number written as a string, such as \"5\"");
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw ValidationException.invalid(field, text, "larger than the largest index "
                    + Long.toUnsignedString(-1L));
        }
    }
}
