package vnetdesk.service.vm;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.GuestContext;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.Vm;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.HostRepository;
import vnetdesk.store.UserRepository;

/**
 * What {@link VmService} shows of VMs without changing them: a VM's details
 * (owner names, host, each NIC's network, tap, groups and QoS), its guest
 * context, and the preview of an attach (made and rolled back).
 */
final class VmReads {

    private final Tx tx;
    private final Access access;
    private final HostRepository hosts;
    private final UserRepository users;
    private final VmRows rows;
    private final VmNics nics;

    VmReads(ServiceContext ctx, VmRows rows, VmNics nics) {
        this.tx = ctx.tx();
        this.access = ctx.access();
        this.hosts = ctx.hosts();
        this.users = ctx.users();
        this.rows = rows;
        this.nics = nics;
    }

    VmDetails details(Connection c, Vm vm, Map<Integer, VirtualNetwork> networks) throws SQLException {
        Map<Integer, String> userNames = users.userNames(c);
        Map<Integer, String> groupNames = users.groupNames(c);
        Optional<Host> host = vm.hostId().isPresent() ? hosts.find(c, vm.hostId().get()) : Optional.empty();
        List<VmDetails.NicDetails> out = new ArrayList<>();
        for (Nic nic : vm.nics()) {
            out.add(VmDetails.NicDetails.of(vm, nic,
                    nic.lease().isPresent() ? Optional.of(rows.network(c, nic.lease().get().networkId(), networks))
                            : Optional.empty()));
        }
        return new VmDetails(vm, userNames.getOrDefault(vm.ownership().uid(), "#" + vm.ownership().uid()),
                groupNames.getOrDefault(vm.ownership().gid(), "#" + vm.ownership().gid()), host, out);
    }

    AttachPreview previewAttach(Actor actor, ObjectRef ref, NicRequest request) {
        try {
            tx.write((c, hooks) -> {
                Vm vm = rows.resolve(c, ref);
                Access.Checker rights = access.of(c, actor);
                rights.require(VmRows.guarded(vm), Right.MANAGE, "attach a NIC to");
                Nic nic = nics.attach(c, hooks, rights, vm, vm.nextNicIndex(), request);
                List<Nic> after = new ArrayList<>(vm.nics());
                after.add(nic);
                Map<Integer, VirtualNetwork> networks = new LinkedHashMap<>();
                Vm attached = vm.withNics(after);
                for (Nic n : attached.nics()) {
                    if (n.lease().isPresent()) {
                        rows.network(c, n.lease().get().networkId(), networks);
                    }
                }
                IntFunction<Optional<VirtualNetwork>> lookup = id -> Optional.ofNullable(networks.get(id));
                GuestContext context = GuestContext.of(attached, lookup);
                throw new PreviewDone(new AttachPreview(VmDetails.NicDetails.of(attached, nic,
                        nic.lease().map(l -> networks.get(l.networkId()))), context.nic(nic.index()),
                        context.defaultRouteNic(), GuestContext.routeChangeWarning(vm, attached, lookup),
                        context.warnings()));
            });
        } catch (PreviewDone done) {
            return done.preview;
        }
        throw new IllegalStateException("the preview transaction ended without a preview");
    }

    /** Carries a preview out of its transaction, which the throw rolls back. */
    private static final class PreviewDone extends RuntimeException {
        private final transient AttachPreview preview;

        PreviewDone(AttachPreview preview) {
            super(null, null, false, false);
            this.preview = preview;
        }
    }

    GuestContext context(Actor actor, ObjectRef ref) {
        return tx.read(c -> {
            Vm vm = rows.resolve(c, ref);
            access.of(c, actor).requireRight(VmRows.guarded(vm), Right.USE, "show the context of");
            Map<Integer, VirtualNetwork> networks = new LinkedHashMap<>();
            for (Nic n : vm.nics()) {
                if (n.lease().isPresent()) {
                    rows.network(c, n.lease().get().networkId(), networks);
                }
            }
            return GuestContext.of(vm, id -> Optional.ofNullable(networks.get(id)));
        });
    }
}
