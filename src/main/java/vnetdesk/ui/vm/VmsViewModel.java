package vnetdesk.ui.vm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.vm.VmService.Action;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.OwnedObjectActions;
import vnetdesk.ui.common.RowList;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.ConsoleHosts;

/**
 * The VMs section's state: the VMs table, the selected VM's detail, and the
 * VM's life — deploy to a host, state changes — with the whole-object actions
 * (rename, clone, delete, lock, change owner) through {@link OwnedObjectActions}.
 * Whatever changes leases (a new or deleted VM, a NIC attached or detached)
 * is reported so the networks can be read again.
 */
public final class VmsViewModel {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final RowList<VmRow> list;
    private final VmDetailViewModel detail;
    private final OwnedObjectActions owned;
    private final Runnable leasesChanged;
    private final ConsoleHosts hosts;

    /** {@code leasesChanged} runs after anything that takes or releases leases. */
    public VmsViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs, ConsoleHosts hosts,
                        Runnable leasesChanged) {
        this.hosts = hosts;
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.leasesChanged = leasesChanged;
        this.list = new RowList<>(runner, dialogs, "VMs",
                () -> inventory.vms().list(actor).stream().map(VmRow::of).toList(), VmRow::id, VmRow::matches);
        this.detail = new VmDetailViewModel(inventory, actor, runner, dialogs, hosts);
        detail.setOnLeasesChanged(this::nicsChanged);
        list.selectedIdProperty().addListener((o, was, now) -> detail.show(now));
        this.owned = new OwnedObjectActions(inventory.vms(), inventory.users(), actor, runner, dialogs,
                new OwnedObjectActions.Followup(this::created, this::changed, this::deleted));
    }

    /** Reads the VMs and the VM shown again (F5: the CLI or another console may have changed them). */
    public void reload() {
        list.reload();
        detail.refresh();
    }

    public RowList<VmRow> list() {
        return list;
    }

    public VmDetailViewModel detail() {
        return detail;
    }

    public OwnedObjectActions owned() {
        return owned;
    }

    /** The New VM form (name and an optional VM template). */
    public NewVmViewModel newVm() {
        return new NewVmViewModel(inventory, actor, runner);
    }

    /** Reads what the Attach NIC wizard needs for the selected VM in the background, then hands it to {@code open}. */
    public void attachNic(Consumer<AttachNicViewModel> open) {
        list.selectedRow().ifPresent(r -> AttachNicViewModel.open(inventory, actor, runner, hosts, r.id(), open,
                e -> dialogs.showError("Cannot attach a NIC to VM " + r.label(), e)));
    }

    /**
     * A NIC attached by the wizard: said with what its host did ({@code outcome}:
     * applied, or why the change is pending), and the VM, the list and the
     * networks read again.
     */
    public void attached(int vmId, int index, String outcome) {
        dialogs.notify("NIC " + index + " attached to VM " + list.row(vmId).map(VmRow::label).orElse(String.valueOf(vmId))
                + (outcome.isEmpty() ? "" : ". " + outcome));
        nicsChanged();
    }

    /** A VM made here (New VM, a clone) or given a NIC: listed, selected and shown. */
    public void created(int id) {
        boolean shown = list.selectedIdProperty().get().equals(Optional.of(id));
        list.reloadSelecting(id);
        if (shown) {
            detail.refresh();
        }
        leasesChanged.run();
    }

    /** A NIC was attached to or detached from the VM shown. */
    public void nicsChanged() {
        list.reload();
        detail.refresh();
        leasesChanged.run();
    }

    private void changed(int id) {
        list.reload();
        if (detail.shownId().equals(Optional.of(id))) {
            detail.refresh();
        }
    }

    private void deleted() {
        list.selectedIdProperty().set(Optional.empty());
        list.reload();
        leasesChanged.run();
    }

    /** Asks for a host (read in the background) and places the VM there, RUNNING. */
    public void deploy(VmRow vm) {
        runner.run("Reading hosts", () -> inventory.hosts().list(actor), hosts -> {
            if (hosts.isEmpty()) {
                dialogs.notify("No host in the inventory: add one in Hosts first");
                return;
            }
            Map<String, Integer> choices = new LinkedHashMap<>();
            hosts.forEach(h -> choices.put(h.host().label() + " (cluster " + h.cluster().label() + ")",
                    h.host().id()));
            List<String> labels = List.copyOf(choices.keySet());
            dialogs.askChoice("Deploy VM", "Host to place VM " + vm.label() + " on (its NICs' networks must be in"
                    + " the host's cluster)", labels, labels.get(0)).map(choices::get).ifPresent(host ->
                    runner.run("Deploying VM " + vm.id(), () -> {
                        inventory.vms().deploy(actor, ObjectRef.id(vm.id()), ObjectRef.id(host));
                        return vm.id();
                    }, id -> {
                        dialogs.notify("VM " + vm.label() + " deployed (recorded in the inventory; hosts are not"
                                + " connected yet)");
                        nicsChanged();
                    }, e -> dialogs.showError("Cannot deploy VM " + vm.label(), e)));
        }, e -> dialogs.showError("Cannot read the hosts", e));
    }

    /** A state change (power off, resume, undeploy …); refused by the service from a state it does not start from. */
    public void act(VmRow vm, Action action) {
        String verb = action.name().toLowerCase(Locale.ROOT);
        runner.run("VM " + vm.id() + ": " + verb, () -> {
            inventory.vms().act(actor, ObjectRef.id(vm.id()), action);
            return vm.id();
        }, this::changed, e -> dialogs.showError("Cannot " + verb + " VM " + vm.label(), e));
    }
}
