package vnetdesk.service.vm;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.Attributes;
import vnetdesk.model.ConflictException;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.Vm;
import vnetdesk.model.vm.VmState;
import vnetdesk.service.LeaseService;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.ErrorContext;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.service.host.InventoryObjects;
import vnetdesk.store.HostRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.UserRepository;
import vnetdesk.store.VmRepository;
import vnetdesk.template.ImportedVm;

/**
 * Imports VMs read from {@code onevm show -x} / {@code onevm list -x} XML in
 * the caller's transaction, keeping their ids (an id the inventory already
 * has is refused; the id sequence moves past the imported ones), state and
 * lock. An administrator's import gives each VM to the user and group the
 * file names when they exist here, another user's import makes them the
 * importer's. A VM on a host ({@code RUNNING}, {@code POWEROFF},
 * {@code SUSPENDED}) is placed on the host of that name, which must exist;
 * the others are not placed. The NICs are {@link VmImportNics}'s.
 */
final class VmImport {

    /** Ids stay within what a reference by id accepts (nine digits). */
    static final int MAX_ID = 999_999_999;

    private final VmRepository vms;
    private final HostRepository hosts;
    private final UserRepository users;
    private final NetworkRepository ids;
    private final VmImportNics nics;

    VmImport(ServiceContext ctx, LeaseService leases) {
        this.vms = ctx.vms();
        this.hosts = ctx.hosts();
        this.users = ctx.users();
        this.ids = ctx.networks();
        this.nics = new VmImportNics(ctx, leases);
    }

    VmImportResult run(Connection c, Tx.Hooks hooks, Access.Checker rights, List<ImportedVm> in, String source)
            throws SQLException {
        rights.requireCreate(ResourceType.VM, List.of());
        refuseTakenIds(c, in, source);
        List<String> notes = new ArrayList<>();
        List<Integer> created = new ArrayList<>();
        for (ImportedVm x : in) {
            int id = x.id().getAsInt();
            String context = source + ": " + x.at().text() + ": VM " + id
                    + x.name().map(n -> ":" + ValidationException.printable(n)).orElse("");
            Vm vm = ErrorContext.inStore(context, () -> vm(c, rights, x, context, notes));
            vms.insert(c, VmRows.row(vm));
            nics.importNics(c, hooks, rights, vm, x.nics(), source);
            created.add(id);
        }
        if (!created.isEmpty()) {
            ids.moveIdSequencePast(c, "VM", created.stream().mapToInt(Integer::intValue).max().getAsInt());
        }
        return new VmImportResult(created, notes);
    }

    /** Every VM names an id, once in the file, that no VM of the inventory has. */
    private void refuseTakenIds(Connection c, List<ImportedVm> in, String source) throws SQLException {
        Map<Integer, ImportedVm> seen = new HashMap<>();
        for (ImportedVm x : in) {
            String at = source + ": " + x.at().text() + ": ";
            if (x.id().isEmpty()) {
                throw new ValidationException("ID", at + "ID: the VM has no <ID>; VMs are imported with their ids");
            }
            int id = x.id().getAsInt();
            if (id > MAX_ID) {
                throw new ValidationException("ID", at + "ID: " + id + " is above " + MAX_ID + ", the highest VM id");
            }
            ImportedVm twin = seen.putIfAbsent(id, x);
            if (twin != null) {
                throw new ValidationException("ID", at + "ID: two VMs in the file have ID " + id + " (the other at "
                        + twin.at().text() + ")");
            }
            Optional<String> existing = vms.name(c, id);
            if (existing.isPresent()) {
                throw new ConflictException("ID", at + "ID: the inventory already has VM " + id + ":"
                        + existing.get() + "; VMs are imported with their ids, so delete that VM first or leave this"
                        + " one out");
            }
        }
    }

    /** The VM without its NICs: identity, owner, state, host and user template, each checked. */
    private Vm vm(Connection c, Access.Checker rights, ImportedVm x, String context, List<String> notes)
            throws SQLException {
        int id = x.id().getAsInt();
        String name = x.name().map(n -> NetworkAttributes.checkName("NAME", n)).orElse("one-" + id);
        Permissions permissions = x.permissionsOctal().map(p -> Permissions.parseOctal("PERMISSIONS", p))
                .orElse(Permissions.DEFAULT);
        Ownership owner = owner(c, rights.actor(), x, permissions, context, notes);
        VmState state = x.state().isEmpty() ? VmState.PENDING
                : VmState.ofOne("STATE", x.state().getAsInt(), x.lcmState().orElse(0));
        if (state == VmState.DONE) {
            throw ValidationException.invalid("STATE", x.state().getAsInt(), "a VM that is DONE has given its"
                    + " leases back; leave it out of the file");
        }
        Optional<Integer> host = Optional.empty();
        if (state.onHost()) {
            Host h = host(c, x, state);
            rights.requireRight(InventoryObjects.guarded(h), Right.USE, "deploy to");
            host = Optional.of(h.id());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        x.userTemplate().forEach((k, v) -> {
            VmTemplate.checkUserAttribute(k, v);
            attributes.put(Attributes.name(k), v);
        });
        return new Vm(id, name, owner, x.lock(), state, host, attributes, List.of(), 0);
    }

    /**
     * An administrator's import: the user and group the file names (UNAME, GNAME) when they exist
     * here, else the importer and the owner's group, with a note. Anyone else's: the importer.
     */
    private Ownership owner(Connection c, Actor actor, ImportedVm x, Permissions permissions, String context,
                            List<String> notes) throws SQLException {
        if (!actor.isAdmin()) {
            x.ownerName().filter(n -> !n.equals(actor.name())).ifPresent(n -> notes.add(context + ": owned by "
                    + actor.name() + ", who imports it; the file names user " + ValidationException.printable(n)
                    + " (only an administrator imports VMs for other users)"));
            return new Ownership(actor.uid(), actor.gid(), permissions);
        }
        Optional<UserRepository.UserRow> user = x.ownerName().isPresent()
                ? users.findUser(c, x.ownerName().get()) : Optional.empty();
        if (x.ownerName().isPresent() && user.isEmpty()) {
            notes.add(context + ": user " + ValidationException.printable(x.ownerName().get())
                    + " does not exist here; the VM is " + actor.name() + "'s");
        }
        int uid = user.map(UserRepository.UserRow::id).orElse(actor.uid());
        int ownersGroup = user.map(UserRepository.UserRow::gid).orElse(actor.gid());
        Optional<Integer> group = x.groupName().isPresent() ? users.findGroup(c, x.groupName().get()) : Optional.empty();
        if (x.groupName().isPresent() && group.isEmpty()) {
            notes.add(context + ": group " + ValidationException.printable(x.groupName().get())
                    + " does not exist here; the VM is in its owner's group");
        }
        return new Ownership(uid, group.orElse(ownersGroup), permissions);
    }

    /**
     * The host a VM in an on-host state is placed on: by the HOSTNAME of its last history record
     * (host ids of another cloud name other hosts here), by HID only when there is no name.
     */
    private Host host(Connection c, ImportedVm x, VmState state) throws SQLException {
        ImportedVm.Placement p = x.placement().orElseThrow(() -> new ValidationException("HISTORY_RECORDS",
                "HISTORY_RECORDS: the VM is " + state + ", so it is on a host, but the file names none (no HISTORY"
                        + " with a HOSTNAME)"));
        if (p.hostName().isPresent()) {
            String name = p.hostName().get();
            List<Integer> named = hosts.idsByName(c, name);
            Optional<Host> h = named.isEmpty() ? Optional.empty() : hosts.find(c, named.get(0));
            return h.orElseThrow(() -> new NotFoundException("HOSTNAME: the VM is " + state + " on host \""
                    + ValidationException.printable(name) + "\", which is not in the inventory; add the host first"
                    + " (in the cluster whose networks the VM uses), then import again"));
        }
        if (p.hostId().isPresent()) {
            return hosts.find(c, p.hostId().getAsInt()).orElseThrow(() -> new NotFoundException("HID: the VM is " + state
                    + " on host " + p.hostId().getAsInt() + ", which is not in the inventory; add the host first"));
        }
        throw new ValidationException("HOSTNAME", "HOSTNAME: the VM is " + state + ", so it is on a host, but its"
                + " last HISTORY names none");
    }
}
