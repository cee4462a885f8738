package vnetdesk.service.interchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import vnetdesk.model.AddressRange;
import vnetdesk.model.Lease;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.PropagationState;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.core.Access;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.SecurityGroupStateRepository;
import vnetdesk.store.SecurityGroupStateRepository.VmState;
import vnetdesk.store.UserRepository;
import vnetdesk.template.VnetXmlNetwork;

/**
 * Reads, within the caller's transaction, what an OpenNebula {@code VNET} document states beyond
 * the network's details: each AR's round-robin cursor ({@code NEXT_INDEX}) and the
 * security-group propagation state of the VMs with a NIC on the network.
 */
final class VnetXmlFacts {

    private final NetworkRepository networks;
    private final LeaseRepository leases;
    private final UserRepository users;
    private final SecurityGroupStateRepository states = new SecurityGroupStateRepository();

    VnetXmlFacts(NetworkRepository networks, LeaseRepository leases, UserRepository users) {
        this.networks = networks;
        this.leases = leases;
        this.users = users;
    }

    /** The network's details with its cursors and VM states. */
    VnetXmlNetwork of(Connection c, NetworkDetails details) throws SQLException {
        VirtualNetwork n = details.network();
        Map<Integer, Long> cursors = new HashMap<>();
        for (AddressRange ar : n.addressRanges()) {
            Optional<LeaseRepository.ArState> state = leases.readAr(c, n.id(), ar.id());
            if (state.isPresent() && state.get().roundRobinCursor().isPresent()) {
                cursors.put(ar.id(), state.get().roundRobinCursor().getAsLong());
            }
        }
        return new VnetXmlNetwork(details, cursors, vmStates(c, n));
    }

    /**
     * Every network the actor may use, as {@code onevnet list -x} lists them: with their used
     * counts and leases (the list form writes them in ALLOCATED, as OpenNebula's stored ARs carry them).
     */
    List<VnetXmlNetwork> listed(Connection c, Access.Checker rights) throws SQLException {
        Map<Integer, String> userNames = users.userNames(c);
        Map<Integer, String> groupNames = users.groupNames(c);
        List<VnetXmlNetwork> out = new ArrayList<>();
        for (VirtualNetwork n : networks.list(c)) {
            if (rights.may(n, Right.USE)) {
                NetworkDetails d = new NetworkDetails(n, userNames.getOrDefault(n.ownership().uid(), "?"),
                        groupNames.getOrDefault(n.ownership().gid(), "?"), leases.usedPerAr(c, n.id()), leases(c, n),
                        Map.of());
                out.add(of(c, d));
            }
        }
        return out;
    }

    private List<Lease> leases(Connection c, VirtualNetwork n) throws SQLException {
        List<Lease> out = new ArrayList<>();
        for (AddressRange ar : n.addressRanges()) {
            leases.forEachLease(c, n.id(), ar.id(), row -> out.add(new Lease(n.id(), ar.id(), row.index(),
                    ar.addressesAt(row.index()), row.owner())));
        }
        return out;
    }

    /**
     * Per VM with a NIC on the network, its state across the network's security groups: the one
     * furthest from done (error, then outdated, then updating), as the Leases tab shows it; a VM
     * never applied in a group is outdated there.
     */
    private Map<Integer, PropagationState> vmStates(Connection c, VirtualNetwork n) throws SQLException {
        Map<Integer, PropagationState> out = new HashMap<>();
        if (n.securityGroups().isEmpty()) {
            return out;
        }
        SortedSet<Integer> vms = leases.vmsOn(c, List.of(n.id()));
        for (int group : n.securityGroups()) {
            Map<Integer, VmState> stored = states.states(c, group);
            for (int vm : vms) {
                VmState s = stored.get(vm);
                out.merge(vm, s == null ? PropagationState.OUTDATED : s.state(), VnetXmlFacts::furthestFromDone);
            }
        }
        return out;
    }

    private static PropagationState furthestFromDone(PropagationState a, PropagationState b) {
        return distance(b) > distance(a) ? b : a;
    }

    private static int distance(PropagationState s) {
        return switch (s) {
            case ERROR -> 3;
            case OUTDATED -> 2;
            case UPDATING -> 1;
            case UPDATED -> 0;
        };
    }
}
