package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.ArCatalog;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.VmRepository;

/** Which VMs a security group reaches: the query behind its VMs tab, its update and its commit. */
final class SecurityGroupVms {

    private final ArCatalog catalog;
    private final LeaseRepository leases;
    private final VmRepository vmRows;

    SecurityGroupVms(ArCatalog catalog, LeaseRepository leases, VmRepository vmRows) {
        this.catalog = catalog;
        this.leases = leases;
        this.vmRows = vmRows;
    }

    /**
     * The VMs with a NIC in the group: NICs on a network that has it (also
     * leases of VMs the inventory does not hold, e.g. from an imported
     * network), and NICs that get it from their address range or name it
     * themselves; with {@code rights}, only those on networks the actor may see.
     */
    SortedSet<Integer> of(Connection c, int groupId, Optional<Access.Checker> rights) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        Map<Integer, VirtualNetwork> byId = new LinkedHashMap<>();
        for (VirtualNetwork n : catalog.networks(c)) {
            byId.put(n.id(), n);
            if (n.securityGroups().contains(groupId) && rights.map(r -> r.may(n, Right.USE)).orElse(true)) {
                ids.add(n.id());
            }
        }
        SortedSet<Integer> out = leases.vmsOn(c, ids);
        for (VmRepository.NicRow nic : vmRows.nics(c)) {
            boolean own = NetworkAttributes.idList("SECURITY_GROUPS", nic.attributes().get("SECURITY_GROUPS"))
                    .orElse(List.of()).contains(groupId);
            boolean fromAr = nic.lease().flatMap(l -> Optional.ofNullable(byId.get(l.networkId()))
                            .flatMap(n -> n.addressRange(l.arId())))
                    .flatMap(ar -> NetworkAttributes.idList("SECURITY_GROUPS", ar.attributes().get("SECURITY_GROUPS")))
                    .orElse(List.of()).contains(groupId);
            if (own || fromAr) {
                out.add(nic.vmId());
            }
        }
        return out;
    }
}
