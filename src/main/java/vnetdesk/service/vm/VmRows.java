package vnetdesk.service.vm;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.AddressRange;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ResourceType;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.VnetException;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.model.vm.Vm;
import vnetdesk.service.core.Guarded;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.RefLookup;
import vnetdesk.store.VmRepository;
import vnetdesk.store.VmRepository.NicRow;
import vnetdesk.store.VmRepository.VmRow;

/**
 * Between stored rows and {@link Vm}: finds a VM by reference, computes the
 * addresses of each leased NIC from its network's address range, and writes
 * a VM back in its stored form.
 */
final class VmRows {

    private final VmRepository vms;
    private final NetworkRefs refs;

    VmRows(VmRepository vms, NetworkRefs refs) {
        this.vms = vms;
        this.refs = refs;
    }

    Vm resolve(Connection c, ObjectRef ref) throws SQLException {
        return vm(c, row(c, ref), new LinkedHashMap<>());
    }

    /** The stored VM {@code ref} names, as read (for changes that need no NIC addresses). */
    VmRow row(Connection c, ObjectRef ref) throws SQLException {
        int id = RefLookup.idOf(c, ref, "VM", "VM", vms::idsByName);
        return vms.find(c, id).orElseThrow(() -> RefLookup.notFound("VM", ref));
    }

    /** The VM of a row without its NICs: identity, owner, state and host, for checks and messages. */
    static Vm withoutNics(VmRow row) {
        return new Vm(row.id(), row.name(), row.ownership(), row.lock(), row.state(), row.hostId(), row.attributes(),
                List.of(), row.version());
    }

    List<Vm> all(Connection c) throws SQLException {
        Map<Integer, VirtualNetwork> networks = new LinkedHashMap<>();
        List<Vm> out = new ArrayList<>();
        for (VmRow row : vms.list(c)) {
            out.add(vm(c, row, networks));
        }
        return out;
    }

    /** The VM of a row; {@code networks} caches the networks read so far (one read per network, not per NIC). */
    Vm vm(Connection c, VmRow row, Map<Integer, VirtualNetwork> networks) throws SQLException {
        List<Nic> nics = new ArrayList<>();
        for (NicRow nic : row.nics()) {
            NicNetwork network;
            if (nic.lease().isPresent()) {
                VmRepository.LeaseKey key = nic.lease().get();
                VirtualNetwork n = network(c, key.networkId(), networks);
                AddressRange ar = n.addressRange(key.arId()).orElseThrow(() -> new VnetException(
                        "the inventory is inconsistent: NIC " + nic.index() + " of VM " + row.id()
                                + " holds a lease of address range " + key.arId() + " that network " + n.label()
                                + " does not have"));
                network = new NicNetwork.Leased(key.networkId(), key.arId(), key.index(), ar.addressesAt(key.index()));
            } else {
                network = NicAttributes.automatic(nic);
            }
            nics.add(NicAttributes.nic(nic, network));
        }
        return new Vm(row.id(), row.name(), row.ownership(), row.lock(), row.state(), row.hostId(), row.attributes(),
                nics, row.version());
    }

    VirtualNetwork network(Connection c, int id, Map<Integer, VirtualNetwork> networks) throws SQLException {
        VirtualNetwork n = networks.get(id);
        if (n == null) {
            n = refs.resolve(c, ObjectRef.id(id));
            networks.put(id, n);
        }
        return n;
    }

    /** The stored form of a VM and its NICs. */
    static VmRow row(Vm vm) {
        return new VmRow(vm.id(), vm.name(), vm.ownership(), vm.lock(), vm.state(), vm.hostId(), vm.attributes(),
                vm.version(), vm.nics().stream().map(n -> NicAttributes.row(vm.id(), n)).toList());
    }

    static Guarded guarded(Vm vm) {
        return new Guarded(ResourceType.VM, vm.id(), vm.label(), vm.ownership(), vm.lock(), List.of());
    }

    /** The security groups a NIC gets: the network's, its address range's, then its own (each once). */
    static List<Integer> effectiveGroups(VirtualNetwork n, int arId, Nic nic) {
        List<Integer> out = inheritedGroups(n, arId);
        nic.securityGroups().stream().filter(id -> !out.contains(id)).forEach(out::add);
        return out;
    }

    /** The security groups every NIC of address range {@code arId} gets: the network's, then the AR's (each once). */
    static List<Integer> inheritedGroups(VirtualNetwork n, int arId) {
        List<Integer> out = new ArrayList<>(n.securityGroups());
        n.addressRange(arId).flatMap(ar -> Optional.ofNullable(ar.attributes().get("SECURITY_GROUPS")))
                .flatMap(v -> vnetdesk.model.NetworkAttributes.idList("SECURITY_GROUPS", v))
                .ifPresent(ids -> ids.stream().filter(id -> !out.contains(id)).forEach(out::add));
        return out;
    }
}
