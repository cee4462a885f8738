package vnetdesk.service.vm;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.ResourceType;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.model.vm.Vm;
import vnetdesk.service.LeaseService;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.NetworkRefs;
import vnetdesk.service.core.OwnedObjects;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.SecurityGroupStateRepository;
import vnetdesk.store.VmRepository;

/**
 * A VM's NICs inside the caller's transaction: attach (the lease taken with
 * the NIC), detach (the lease released), and placing a VM on a host (every
 * NIC's network in the host's cluster; automatic NICs get their network).
 * A NIC attached to a group makes the VM outdated in that group until the
 * host firewall is applied.
 */
final class VmNics {

    private final NetworkRefs refs;
    private final LeaseService leases;
    private final VmRepository vms;
    private final VmRows rows;
    private final OwnedObjects securityGroups;
    private final SecurityGroupStateRepository states = new SecurityGroupStateRepository();
    private final AutomaticNetworks automatic;

    VmNics(ServiceContext ctx, LeaseService leases, VmRows rows) {
        this.refs = ctx.refs();
        this.leases = leases;
        this.vms = ctx.vms();
        this.rows = rows;
        this.securityGroups = new OwnedObjects(ctx, ResourceType.SECGROUP, OwnedObjectRepository.securityGroups(),
                row -> List.of());
        this.automatic = new AutomaticNetworks(ctx);
    }

    /**
     * Attaches NIC {@code index} to {@code vm} (its NICs need not be loaded) as
     * {@code request} asks. A NIC for automatic selection gets its network now
     * if the VM is on a host, else when it is deployed. The VM row itself is
     * the caller's to write.
     */
    Nic attach(Connection c, Tx.Hooks hooks, Access.Checker rights, Vm vm, int index, NicRequest request)
            throws SQLException {
        securityGroups.requireUsable(c, rights, "SECURITY_GROUPS", request.securityGroups());
        Nic nic;
        if (request.automatic().isPresent()) {
            NicRequest.Automatic auto = request.automatic().get();
            // a VM not on a host keeps the request until its deploy: it must be readable then
            AutomaticNetworks.check(auto.requirements(), auto.rank());
            Nic waiting = new Nic(index, new NicNetwork.Automatic(auto.requirements(), auto.rank()),
                    request.securityGroups(), request.qos(), request.model(), request.attributes());
            vms.insertNic(c, NicAttributes.row(vm.id(), waiting));
            nic = waiting;
            if (vm.hostId().isPresent()) {
                nic = connect(c, hooks, rights, vm, waiting, automatic.choose(c, rights, vm, waiting,
                        vm.hostId().get()), Optional.empty(), Optional.empty());
            }
            return nic;
        }
        NetworkRefs.Resolved r = refs.resolveWithState(c, request.network().orElseThrow());
        rights.require(r.network(), Right.USE, "attach a NIC to");
        if (vm.hostId().isPresent()) {
            automatic.requireInHostCluster(c, vm.hostId().get(), r.network(), index);
        }
        Lease lease = leases.allocateIn(c, hooks, r, new LeaseOwner.VmNic(vm.id(), index), request.address(),
                request.arId());
        nic = new Nic(index, new NicNetwork.Leased(lease.networkId(), lease.arId(), lease.index(), lease.addresses()),
                request.securityGroups(), request.qos(), request.model(), request.attributes());
        vms.insertNic(c, NicAttributes.row(vm.id(), nic));
        markOutdated(c, vm.id(), r.network(), nic);
        return nic;
    }

    /** Gives a waiting NIC (already stored) the network chosen for it, with a lease. */
    private Nic connect(Connection c, Tx.Hooks hooks, Access.Checker rights, Vm vm, Nic waiting, int networkId,
                        Optional<String> address, Optional<Integer> arId) throws SQLException {
        NetworkRefs.Resolved r = refs.resolveWithState(c, ObjectRef.id(networkId));
        rights.require(r.network(), Right.USE, "attach a NIC to");
        Lease lease = leases.allocateIn(c, hooks, r, new LeaseOwner.VmNic(vm.id(), waiting.index()), address, arId);
        Nic nic = waiting.withNetwork(new NicNetwork.Leased(lease.networkId(), lease.arId(), lease.index(),
                lease.addresses()));
        vms.updateNic(c, NicAttributes.row(vm.id(), nic));
        markOutdated(c, vm.id(), r.network(), nic);
        return nic;
    }

    /** Removes a stored NIC and releases its lease. */
    void detach(Connection c, Tx.Hooks hooks, VmRepository.NicRow nic) throws SQLException {
        vms.deleteNic(c, nic.vmId(), nic.index());
        if (nic.lease().isPresent()) {
            VmRepository.LeaseKey l = nic.lease().get();
            leases.freeIn(c, hooks, refs.resolveWithState(c, ObjectRef.id(l.networkId())), l.arId(), l.index(),
                    new LeaseOwner.VmNic(nic.vmId(), nic.index()));
        }
    }

    /**
     * The VM's NICs once it is placed on {@code host}: a NIC on a network
     * outside the host's cluster refuses the placement; a NIC waiting for
     * automatic selection gets the best network of the host's cluster.
     */
    Vm placeOn(Connection c, Tx.Hooks hooks, Access.Checker rights, Vm vm, Host host) throws SQLException {
        rights.requireRight(automatic.guarded(host), Right.USE, "deploy to");
        List<Nic> placed = new ArrayList<>();
        for (Nic nic : vm.nics()) {
            if (nic.lease().isPresent()) {
                VirtualNetwork n = refs.resolve(c, ObjectRef.id(nic.lease().get().networkId()));
                automatic.requireInHostCluster(c, host.id(), n, nic.index());
                placed.add(nic);
            } else {
                placed.add(connect(c, hooks, rights, vm, nic, automatic.choose(c, rights, vm, nic, host.id()),
                        Optional.empty(), Optional.empty()));
            }
        }
        return vm.withNics(placed);
    }

    /** The groups of a new NIC see the VM as not applied yet (outdated) until a host apply. */
    private void markOutdated(Connection c, int vmId, VirtualNetwork n, Nic nic) throws SQLException {
        for (int group : VmRows.effectiveGroups(n, nic.lease().orElseThrow().arId(), nic)) {
            states.markOutdated(c, group, vmId);
        }
    }

    void forgetSecurityGroupStates(Connection c, int vmId) throws SQLException {
        states.forgetVm(c, vmId);
    }

    /**
     * What automatic selection would choose for a new NIC of {@code vm}: on
     * its host, or on {@code hostId} for a VM not placed yet.
     */
    NetworkChoice preview(Connection c, Vm vm, int hostId, String requirements, String rank) throws SQLException {
        return AutomaticNetworks.choice(automatic.select(c, vm, hostId, requirements, rank));
    }

    /** A NIC like {@code nic} for a copy of its VM: same network or request, groups, QoS, model; next free address. */
    static NicRequest sameAs(Nic nic) {
        Optional<ObjectRef> network = nic.lease().map(l -> ObjectRef.id(l.networkId()));
        Optional<NicRequest.Automatic> auto = nic.network() instanceof NicNetwork.Automatic a
                ? Optional.of(new NicRequest.Automatic(a.requirements(), a.rank())) : Optional.empty();
        return new NicRequest(network, auto, Optional.empty(), Optional.empty(), nic.securityGroups(), nic.qos(),
                nic.model(), nic.attributes());
    }

}
