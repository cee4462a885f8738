package vnetdesk.ui.vm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.GuestContext;
import vnetdesk.service.Inventory;
import vnetdesk.service.vm.VmDetails;
import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;

/**
 * The detail of the selected VM: its details, NICs and guest context read
 * together in the background (a read that finishes after another VM was
 * picked is dropped), the NIC picked in the NICs table, and Detach, which
 * asks first and releases the NIC's lease.
 */
public final class VmDetailViewModel {

    /** What the detail shows of one VM; {@code groupNames} labels the security groups the user may see. */
    public record Shown(VmDetails vm, GuestContext context, Map<Integer, String> groupNames) {
    }

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final ConsoleHosts hosts;
    private final ReadOnlyObjectWrapper<Optional<Shown>> current = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableList<NicRow> nics = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<Integer>> selectedNic = new SimpleObjectProperty<>(Optional.empty());
    private long generation;
    private Runnable leasesChanged = () -> { };

    public VmDetailViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs, ConsoleHosts hosts) {
        this.hosts = hosts;
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    /** Runs after a detach (the VMs table and the networks' leases change). */
    public void setOnLeasesChanged(Runnable whenChanged) {
        this.leasesChanged = whenChanged;
    }

    /** Shows VM {@code id}, or nothing. */
    public void show(Optional<Integer> id) {
        long mine = ++generation;
        if (id.isEmpty()) {
            current.set(Optional.empty());
            nics.clear();
            selectedNic.set(Optional.empty());
            return;
        }
        runner.run("Reading VM " + id.get(), () -> read(id.get()), shown -> {
            if (mine == generation) {
                showRead(shown);
            }
        }, e -> {
            if (mine == generation) {
                dialogs.showError("Cannot read VM " + id.get(), e);
            }
        });
    }

    /** Reads the VM shown again (after a change). */
    public void refresh() {
        show(shownId());
    }

    private Shown read(int id) {
        VmDetails vm = inventory.vms().show(actor, ObjectRef.id(id));
        GuestContext context = inventory.vms().context(actor, ObjectRef.id(id));
        Map<Integer, String> names = new LinkedHashMap<>();
        inventory.securityGroups().list(actor).forEach(g -> names.put(g.group().id(), g.group().label()));
        return new Shown(vm, context, names);
    }

    private void showRead(Shown shown) {
        Optional<Integer> keep = selectedNic.get();
        current.set(Optional.of(shown));
        nics.setAll(shown.vm().nics().stream().map(n -> NicRow.of(n, shown.groupNames())).toList());
        if (keep.isPresent() && nics.stream().noneMatch(n -> n.index() == keep.get())) {
            selectedNic.set(Optional.empty());
        }
    }

    /** Detaches the picked NIC after asking (its lease is released) and removes it from the VM's host. */
    public void detachSelected() {
        Optional<Shown> shown = current.get();
        Optional<NicRow> nic = selectedNic.get().flatMap(i -> nics.stream().filter(n -> n.index() == i).findFirst());
        if (shown.isEmpty() || nic.isEmpty()) {
            return;
        }
        String vm = shown.get().vm().vm().label();
        NicRow n = nic.get();
        String lease = n.mac().isEmpty() ? "It has no lease yet (it waits for automatic selection)."
                : "Its lease " + (n.ip().isEmpty() ? n.mac() : n.ip()) + " of network " + n.network()
                + " is released.";
        if (!dialogs.confirm("Detach NIC", "Detach NIC " + n.index() + " from VM " + vm + "? " + lease)) {
            return;
        }
        int vmId = shown.get().vm().vm().id();
        // as the CLI's nic-detach: the NIC leaves the VM's host at once, or its removal stays pending there
        runner.runOnHosts("Detaching NIC " + n.index() + " of VM " + vmId, progress -> hosts.remote()
                .detachNic(actor, ObjectRef.id(vmId), n.index()), change -> {
                    dialogs.notify(change.message());
                    selectedNic.set(Optional.empty());
                    refresh();
                    leasesChanged.run();
                }, e -> dialogs.showError("Cannot detach NIC " + n.index() + " from VM " + vm, e), this::refresh);
    }

    /** The id of the VM shown, if any. */
    public Optional<Integer> shownId() {
        return current.get().map(s -> s.vm().vm().id());
    }

    public ReadOnlyObjectProperty<Optional<Shown>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ObservableList<NicRow> nics() {
        return nics;
    }

    /** The index of the NIC picked in the NICs table. */
    public ObjectProperty<Optional<Integer>> selectedNicProperty() {
        return selectedNic;
    }

    /** The VM's user template attributes as "KEY = value" lines (GATEWAY_IFACE …), in order. */
    public List<String> attributes() {
        return current.get().map(s -> s.vm().vm().attributes().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).toList()).orElse(List.of());
    }
}
