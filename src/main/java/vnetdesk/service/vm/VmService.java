package vnetdesk.service.vm;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import vnetdesk.model.Actor;
import vnetdesk.model.Attributes;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.GuestContext;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.Vm;
import vnetdesk.model.vm.VmState;
import vnetdesk.service.LeaseService;
import vnetdesk.service.OwnedObjectService;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.OwnedObjects;
import vnetdesk.service.core.RefLookup;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.HostRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.UserRepository;
import vnetdesk.store.VmRepository;
import vnetdesk.template.ImportedVm;
import vnetdesk.template.Template;

/**
 * VMs: create from an OpenNebula VM template (its NICs take their leases in
 * the same transaction), deploy to a host (when NICs with
 * {@code NETWORK_MODE = auto} get their network), state changes, attach and
 * detach of NICs, delete (every lease released), and the operations every
 * owned object has. Rights as OpenNebula: MANAGE on the VM to change it, USE
 * on a network (and on each security group) to put a NIC on it.
 */
public final class VmService implements OwnedObjectService {

    /** What a user can do to a VM's state besides deploying and deleting it. */
    public enum Action {
        /** RUNNING → POWEROFF (stays on its host). */
        POWEROFF,
        /** POWEROFF or SUSPENDED → RUNNING; STOPPED or UNDEPLOYED → PENDING (to be deployed again). */
        RESUME,
        /** RUNNING → SUSPENDED (stays on its host). */
        SUSPEND,
        /** RUNNING → STOPPED (leaves its host). */
        STOP,
        /** RUNNING or POWEROFF → UNDEPLOYED (leaves its host). */
        UNDEPLOY,
        /** PENDING → HOLD. */
        HOLD,
        /** HOLD → PENDING. */
        RELEASE
    }

    private final Tx tx;
    private final Access access;
    private final VmRepository vms;
    private final HostRepository hosts;
    private final UserRepository users;
    private final NetworkRepository ids;
    private final VmRows rows;
    private final VmNics nics;
    private final VmReads reads;
    private final VmImport imports;

    public VmService(ServiceContext ctx, LeaseService leases) {
        this.tx = ctx.tx();
        this.access = ctx.access();
        this.vms = ctx.vms();
        this.hosts = ctx.hosts();
        this.users = ctx.users();
        this.ids = ctx.networks();
        this.rows = new VmRows(vms, ctx.refs());
        this.nics = new VmNics(ctx, leases, rows);
        this.reads = new VmReads(ctx, rows, nics);
        this.imports = new VmImport(ctx, leases);
    }

    @Override
    public ResourceType type() {
        return ResourceType.VM;
    }

    @Override
    public boolean lockable() {
        return true;
    }

    /**
     * Creates a PENDING VM from an OpenNebula VM template: {@code NAME}
     * (default {@code one-<id>}), {@code NIC = [ … ]} vectors (leases taken now,
     * automatic ones chosen at deploy), and the other single attributes as its
     * user template. Returns the id.
     */
    public int create(Actor actor, Template template) {
        VmTemplate parsed = VmTemplate.parse(template);
        return tx.write((c, hooks) -> {
            Access.Checker rights = access.of(c, actor);
            rights.requireCreate(ResourceType.VM, List.of());
            int id = ids.nextId(c, "VM");
            String name = parsed.name().orElse("one-" + id);
            Ownership owner = new Ownership(rights.actor().uid(), rights.actor().gid(), Permissions.DEFAULT);
            Vm vm = new Vm(id, name, owner, Optional.empty(), VmState.PENDING, Optional.empty(), parsed.attributes(),
                    List.of(), 0);
            vms.insert(c, VmRows.row(vm));
            List<Nic> attached = new ArrayList<>();
            for (NicRequest request : parsed.nics()) {
                Vm now = vm.withNics(attached);
                attached.add(nics.attach(c, hooks, rights, now, now.nextNicIndex(), request));
            }
            return id;
        });
    }

    /**
     * Creates the VMs read from {@code onevm show -x} / {@code onevm list -x} XML with their ids, states, NIC
     * indexes and leases, in one transaction: all of them, or none (see {@link VmImport}, {@link VmImportNics}).
     * Needs the CREATE right on VMs and USE on each NIC's network.
     *
     * @param source the file name, for messages
     */
    public VmImportResult importVms(Actor actor, List<ImportedVm> vms, String source) {
        List<ImportedVm> all = List.copyOf(vms);
        return tx.write((c, hooks) -> imports.run(c, hooks, access.of(c, actor), all, source));
    }

    public List<VmDetails> list(Actor actor) {
        return tx.read(c -> {
            Access.Checker rights = access.of(c, actor);
            Map<Integer, VirtualNetwork> networks = new LinkedHashMap<>();
            List<VmDetails> out = new ArrayList<>();
            for (Vm vm : rows.all(c)) {
                if (rights.may(VmRows.guarded(vm), Right.USE)) {
                    out.add(reads.details(c, vm, networks));
                }
            }
            return out;
        });
    }

    /**
     * The VMs whose network configuration a host must carry — those on it
     * with a running domain (RUNNING, SUSPENDED) — with their NICs' details.
     * No right is checked: the host engine reads for the administrator who
     * manages the host.
     */
    public List<VmDetails> runningOn(int hostId) {
        return tx.read(c -> {
            Map<Integer, VirtualNetwork> networks = new LinkedHashMap<>();
            List<VmDetails> out = new ArrayList<>();
            for (Vm vm : rows.all(c)) {
                if (vm.hostId().equals(Optional.of(hostId)) && vm.state().hasRunningDomain()) {
                    out.add(reads.details(c, vm, networks));
                }
            }
            return out;
        });
    }

    /** The host a VM is placed on (any state that has one); empty when it has none or is gone. */
    public Optional<Integer> placement(int vmId) {
        return tx.read(c -> vms.find(c, vmId).flatMap(VmRepository.VmRow::hostId));
    }

    public VmDetails show(Actor actor, ObjectRef ref) {
        return tx.read(c -> {
            Vm vm = rows.resolve(c, ref);
            access.of(c, actor).requireRight(VmRows.guarded(vm), Right.USE, "show");
            return reads.details(c, vm, new LinkedHashMap<>());
        });
    }

    /**
     * Places a VM that is not on a host (PENDING, HOLD, STOPPED, UNDEPLOYED)
     * on {@code hostRef}, RUNNING: every NIC's network must be in the host's
     * cluster, and NICs waiting for automatic selection get their network now.
     */
    public void deploy(Actor actor, ObjectRef ref, ObjectRef hostRef) {
        tx.write((c, hooks) -> {
            Vm vm = rows.resolve(c, ref);
            Host host = resolveHost(c, hostRef);
            Access.Checker rights = access.of(c, actor);
            rights.require(VmRows.guarded(vm), Right.MANAGE, "deploy");
            if (vm.state().onHost() || vm.state() == VmState.DONE) {
                throw new ConflictException("VM " + vm.label() + " is " + vm.state()
                        + "; only a VM that is not on a host (PENDING, HOLD, STOPPED, UNDEPLOYED) can be deployed");
            }
            Vm placed = nics.placeOn(c, hooks, rights, vm, host);
            vms.update(c, VmRows.row(placed.withState(VmState.RUNNING, Optional.of(host.id()))));
            return null;
        });
    }

    /** A state change (see {@link Action}); refused from a state the action does not start from. */
    public void act(Actor actor, ObjectRef ref, Action action) {
        tx.write((c, hooks) -> {
            Vm vm = rows.resolve(c, ref);
            access.of(c, actor).require(VmRows.guarded(vm), Right.MANAGE, action.name().toLowerCase(Locale.ROOT));
            VmState from = vm.state();
            Vm to = switch (action) {
                case POWEROFF -> from == VmState.RUNNING ? vm.withState(VmState.POWEROFF, vm.hostId()) : null;
                case SUSPEND -> from == VmState.RUNNING ? vm.withState(VmState.SUSPENDED, vm.hostId()) : null;
                case RESUME -> from == VmState.POWEROFF || from == VmState.SUSPENDED
                        ? vm.withState(VmState.RUNNING, vm.hostId())
                        : from == VmState.STOPPED || from == VmState.UNDEPLOYED
                        ? vm.withState(VmState.PENDING, Optional.empty()) : null;
                case STOP -> from == VmState.RUNNING ? vm.withState(VmState.STOPPED, Optional.empty()) : null;
                case UNDEPLOY -> from == VmState.RUNNING || from == VmState.POWEROFF
                        ? vm.withState(VmState.UNDEPLOYED, Optional.empty()) : null;
                case HOLD -> from == VmState.PENDING ? vm.withState(VmState.HOLD, Optional.empty()) : null;
                case RELEASE -> from == VmState.HOLD ? vm.withState(VmState.PENDING, Optional.empty()) : null;
            };
            if (to == null) {
                throw new ConflictException("VM " + vm.label() + " is " + from + "; "
                        + action.name().toLowerCase(Locale.ROOT) + " does not apply to a " + from + " VM");
            }
            vms.update(c, VmRows.row(to));
            return null;
        });
    }

    /** Attaches a NIC (its lease taken in the same transaction); returns its index. */
    public int attachNic(Actor actor, ObjectRef ref, NicRequest request) {
        return tx.write((c, hooks) -> {
            // the VM as stored, NIC addresses not computed: an attach needs only the VM and its NIC indexes
            VmRepository.VmRow row = rows.row(c, ref);
            Vm vm = VmRows.withoutNics(row);
            Access.Checker rights = access.of(c, actor);
            rights.require(VmRows.guarded(vm), Right.MANAGE, "attach a NIC to");
            int index = row.nics().stream().mapToInt(VmRepository.NicRow::index).max().orElse(-1) + 1;
            // the VM row is not rewritten: a NIC is its own row, and two consoles taking one index conflict on it
            nics.attach(c, hooks, rights, vm, index, request);
            return index;
        });
    }

    /**
     * What automatic network selection would choose for a new NIC of the VM
     * (on its host; a VM not placed yet needs {@code host}), with every
     * rejected network's reason. Changes nothing.
     */
    public NetworkChoice previewNetwork(Actor actor, ObjectRef ref, Optional<ObjectRef> host, String requirements,
                                        String rank) {
        return tx.read(c -> {
            Vm vm = rows.resolve(c, ref);
            access.of(c, actor).requireRight(VmRows.guarded(vm), Right.USE, "show");
            int hostId = host.isPresent() ? resolveHost(c, host.get()).id() : vm.hostId().orElseThrow(() ->
                    new ConflictException("VM " + vm.label() + " is not on a host; name the host to choose for"));
            return nics.preview(c, vm, hostId, requirements, rank);
        });
    }

    /**
     * Checks the expressions of an automatic NIC as its attach will, reading
     * nothing: a malformed one is refused with a {@link ValidationException}
     * naming its field, whose message ends in {@code at <position>} (1-based,
     * in characters) — the console marks that place as the user types.
     */
    public void checkAutomatic(String requirements, String rank) {
        AutomaticNetworks.check(requirements, rank);
    }

    /**
     * What attaching {@code request} would do — the lease it would take, the
     * NIC's guest context, the default route — found by attaching in a
     * transaction that is then rolled back. Refused as the attach would be.
     */
    public AttachPreview previewAttach(Actor actor, ObjectRef ref, NicRequest request) {
        return reads.previewAttach(actor, ref, request);
    }

    /** The guest context of the VM's NICs ({@code vm context}): ETHi_* attributes and the default route. */
    public GuestContext context(Actor actor, ObjectRef ref) {
        return reads.context(actor, ref);
    }

    /** Detaches NIC {@code index}: the NIC goes and its lease is released. */
    public void detachNic(Actor actor, ObjectRef ref, int index) {
        tx.write((c, hooks) -> {
            VmRepository.VmRow row = rows.row(c, ref);
            Vm vm = VmRows.withoutNics(row);
            access.of(c, actor).require(VmRows.guarded(vm), Right.MANAGE, "detach a NIC from");
            VmRepository.NicRow nic = row.nics().stream().filter(n -> n.index() == index).findFirst()
                    .orElseThrow(() -> new ConflictException("NIC", "NIC: VM " + vm.label() + " has no NIC " + index
                            + " (it has " + (row.nics().isEmpty() ? "none" : String.join(", ", row.nics().stream()
                            .map(n -> String.valueOf(n.index())).toList())) + ")"));
            nics.detach(c, hooks, nic);
            return null;
        });
    }

    /** Deletes a VM: every NIC's lease is released (OpenNebula's terminate; the id is never used again). */
    @Override
    public void delete(Actor actor, ObjectRef ref) {
        tx.write((c, hooks) -> {
            VmRepository.VmRow row = rows.row(c, ref);
            Vm vm = VmRows.withoutNics(row);
            access.of(c, actor).require(VmRows.guarded(vm), Right.MANAGE, "delete");
            for (VmRepository.NicRow nic : row.nics()) {
                nics.detach(c, hooks, nic);
            }
            nics.forgetSecurityGroupStates(c, vm.id());
            vms.delete(c, vm.id());
            return null;
        });
    }

    /**
     * A copy for planning: a new PENDING VM owned by the actor with the same
     * user template and one NIC per NIC of the source on the same network
     * (or the same automatic request), each with the next free address.
     */
    @Override
    public int clone(Actor actor, ObjectRef ref, String newName) {
        String name = NetworkAttributes.checkName("NAME", newName);
        return tx.write((c, hooks) -> {
            Vm source = rows.resolve(c, ref);
            Access.Checker rights = access.of(c, actor);
            rights.requireRight(VmRows.guarded(source), Right.USE, "clone");
            rights.requireCreate(ResourceType.VM, List.of());
            int id = ids.nextId(c, "VM");
            Ownership owner = new Ownership(rights.actor().uid(), rights.actor().gid(), Permissions.DEFAULT);
            Vm copy = new Vm(id, name, owner, Optional.empty(), VmState.PENDING, Optional.empty(),
                    source.attributes(), List.of(), 0);
            vms.insert(c, VmRows.row(copy));
            List<Nic> attached = new ArrayList<>();
            for (Nic nic : source.nics()) {
                Vm now = copy.withNics(attached);
                attached.add(nics.attach(c, hooks, rights, now, nic.index(), VmNics.sameAs(nic)));
            }
            return id;
        });
    }

    @Override
    public void rename(Actor actor, ObjectRef ref, String newName) {
        String name = NetworkAttributes.checkName("NAME", newName);
        change(actor, ref, Right.MANAGE, "rename", vm -> new Vm(vm.id(), name, vm.ownership(), vm.lock(),
                vm.state(), vm.hostId(), vm.attributes(), vm.nics(), vm.version()));
    }

    @Override
    public void chown(Actor actor, ObjectRef ref, Optional<String> user, Optional<String> group) {
        tx.write((c, hooks) -> {
            Vm vm = rows.resolve(c, ref);
            access.of(c, actor).require(VmRows.guarded(vm), Right.ADMIN, "change the owner of");
            Ownership to = OwnedObjects.newOwnership(c, users, vm.ownership(), user, group);
            vms.update(c, VmRows.row(new Vm(vm.id(), vm.name(), to, vm.lock(), vm.state(), vm.hostId(),
                    vm.attributes(), vm.nics(), vm.version())));
            return null;
        });
    }

    @Override
    public void chmod(Actor actor, ObjectRef ref, Permissions permissions) {
        tx.write((c, hooks) -> {
            Vm vm = rows.resolve(c, ref);
            access.of(c, actor).requireChmod(VmRows.guarded(vm), permissions);
            vms.update(c, VmRows.row(new Vm(vm.id(), vm.name(), vm.ownership().withPermissions(permissions),
                    vm.lock(), vm.state(), vm.hostId(), vm.attributes(), vm.nics(), vm.version())));
            return null;
        });
    }

    @Override
    public void lock(Actor actor, ObjectRef ref, LockLevel level) {
        setLock(actor, ref, Optional.of(level));
    }

    @Override
    public void unlock(Actor actor, ObjectRef ref) {
        setLock(actor, ref, Optional.empty());
    }

    private void setLock(Actor actor, ObjectRef ref, Optional<LockLevel> level) {
        tx.write((c, hooks) -> {
            Vm vm = rows.resolve(c, ref);
            access.of(c, actor).requireRight(VmRows.guarded(vm), Right.MANAGE, level.isPresent() ? "lock" : "unlock");
            vms.update(c, VmRows.row(new Vm(vm.id(), vm.name(), vm.ownership(), level, vm.state(), vm.hostId(),
                    vm.attributes(), vm.nics(), vm.version())));
            return null;
        });
    }

    /** Replaces (or, with {@code append}, merges) the VM's user template attributes; NICs are attached and detached. */
    public void update(Actor actor, ObjectRef ref, Template template, boolean append) {
        if (!template.vectors("NIC").isEmpty()) {
            throw new ValidationException("NIC", "NIC: NICs are changed with nic-attach and nic-detach, not update");
        }
        if (template.single("NAME").isPresent()) {
            throw new ValidationException("NAME", "NAME: a VM is renamed with rename, not update");
        }
        Map<String, String> given = VmTemplate.parse(template).attributes();
        change(actor, ref, Right.MANAGE, "update", vm -> {
            Map<String, String> merged = new LinkedHashMap<>(append ? vm.attributes() : Map.of());
            merged.putAll(Attributes.upperKeys(given));
            return new Vm(vm.id(), vm.name(), vm.ownership(), vm.lock(), vm.state(), vm.hostId(), merged, vm.nics(),
                    vm.version());
        });
    }

    private void change(Actor actor, ObjectRef ref, Right right, String operation,
                        UnaryOperator<Vm> edit) {
        tx.write((c, hooks) -> {
            Vm vm = rows.resolve(c, ref);
            access.of(c, actor).require(VmRows.guarded(vm), right, operation);
            vms.update(c, VmRows.row(edit.apply(vm)));
            return null;
        });
    }

    private Host resolveHost(Connection c, ObjectRef ref) throws SQLException {
        int id = RefLookup.idOf(c, ref, "HOST", "host", hosts::idsByName);
        return hosts.find(c, id).orElseThrow(() -> RefLookup.notFound("host", ref));
    }
}
