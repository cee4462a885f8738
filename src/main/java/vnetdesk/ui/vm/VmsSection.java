package vnetdesk.ui.vm;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;

import vnetdesk.model.Actor;
import vnetdesk.model.vm.VmState;
import vnetdesk.service.Inventory;
import vnetdesk.service.vm.VmService.Action;
import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.MasterDetail;
import vnetdesk.ui.common.OwnedObjectActions;
import vnetdesk.ui.common.SelectionFollower;
import vnetdesk.ui.common.Tables;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.ui.common.ToolAction;
import vnetdesk.ui.common.Toolbars;

/**
 * The VMs section of the console: the VMs table (state, host, NIC
 * addresses) above the selected VM's General, NICs and Context tabs, with
 * the VM actions in the toolbar — New VM, the VM's life (deploy, power off,
 * resume, undeploy; the rarer state changes in the table's context menu),
 * Attach NIC (the wizard), Detach NIC and Delete; rename, clone, lock and
 * change owner sit on the General tab and in the context menu.
 */
public final class VmsSection {

    private final VmsViewModel vm;
    private final TableView<VmRow> table = new TableView<>();
    private final VmDetailView detail;
    private final SplitPane root;
    private final ConsoleSection section;

    /** {@code leasesChanged} runs after anything that takes or releases leases (the networks read them again). */
    public VmsSection(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs, ConsoleHosts hosts,
                      Runnable leasesChanged) {
        this.vm = new VmsViewModel(inventory, actor, runner, dialogs, hosts, leasesChanged);
        List<ToolAction> owned = ownedActions();
        this.detail = new VmDetailView(vm.detail(), this::attachNic, owned);
        MasterDetail.table(table, "vm-table", vm.list().rows(), List.of(
                Tables.column("ID", 50, VmRow::id),
                Tables.column("Name", 170, VmRow::name),
                Tables.column("Owner", 90, VmRow::owner),
                Tables.column("State", 100, VmRow::state),
                Tables.column("Host", 130, VmRow::host),
                Tables.column("Lock", 70, VmRow::lock),
                Tables.column("NIC addresses", 300, VmRow::addresses)),
                "No VMs yet — create one with New VM (its NICs take leases of your networks).");
        new SelectionFollower<>(table, vm.list().rows(), vm.list().selectedIdProperty(), VmRow::id,
                id -> vm.list().selectedIdProperty().set(Optional.of(id)));
        root = MasterDetail.of(table, vm.list().filterProperty(), "vm-filter",
                "Filter VMs (id, name, owner, state, host, address)", detail.node(), 0.4);
        root.setId("vms-view");
        List<List<ToolAction>> actions = actions();
        table.setContextMenu(contextMenu(actions, owned));
        section = ConsoleSection.of("VMs", "vm", root).counting(vm.list().countProperty()).withActions(actions)
                .reading(vm::reload, vm::reload);
    }

    private List<List<ToolAction>> actions() {
        BooleanBinding none = vm.list().selectedIdProperty().isEqualTo(Optional.empty());
        OwnedObjectActions owned = vm.owned();
        return List.of(
                List.of(ToolAction.of("vm-new", "New VM", "new", "Create a VM (optionally from a VM template)",
                        this::newVm)),
                List.of(stateAction("vm-deploy", "Deploy…", "deploy", "Place the VM on a host",
                                EnumSet.of(VmState.PENDING, VmState.HOLD, VmState.STOPPED, VmState.UNDEPLOYED),
                                r -> vm.deploy(r)),
                        stateAction("vm-poweroff", "Power off", "poweroff", "Power the VM off (it stays on its host)",
                                EnumSet.of(VmState.RUNNING), r -> vm.act(r, Action.POWEROFF)),
                        stateAction("vm-resume", "Resume", "instantiate", "Resume a powered-off, suspended, stopped"
                                        + " or undeployed VM",
                                EnumSet.of(VmState.POWEROFF, VmState.SUSPENDED, VmState.STOPPED, VmState.UNDEPLOYED),
                                r -> vm.act(r, Action.RESUME)),
                        stateAction("vm-undeploy", "Undeploy", "undeploy", "Take the VM off its host (NICs and"
                                + " leases stay)", EnumSet.of(VmState.RUNNING, VmState.POWEROFF),
                                r -> vm.act(r, Action.UNDEPLOY))),
                List.of(ToolAction.of("vm-attach", "Attach NIC…", "attach", "Attach a NIC to the selected VM (wizard)",
                                this::attachNic).disabledWhen(none),
                        ToolAction.of("vm-detach", "Detach NIC", "detach", "Detach the NIC picked in the NICs tab"
                                        + " (its lease is released)", vm.detail()::detachSelected)
                                .disabledWhen(vm.detail().selectedNicProperty().isEqualTo(Optional.empty()))),
                List.of(ToolAction.of("vm-delete", "Delete", "delete", "Delete the selected VM (its leases are"
                        + " released)", () -> withRow(r -> owned.delete(r.target()))).disabledWhen(none)));
    }

    /**
     * Rename, clone, lock, unlock and change owner: on the General tab and in the context menu. The toolbar
     * keeps the VM's life and its NICs, which no other section has; with these too it would not fit.
     */
    private List<ToolAction> ownedActions() {
        BooleanBinding none = vm.list().selectedIdProperty().isEqualTo(Optional.empty());
        OwnedObjectActions owned = vm.owned();
        return List.of(ToolAction.of("vm-rename", "Rename…", "rename", "Rename the selected VM",
                        () -> withRow(r -> owned.rename(r.target()))).disabledWhen(none),
                ToolAction.of("vm-clone", "Clone…", "clone", "Copy the selected VM (its NICs get new leases)",
                        () -> withRow(r -> owned.cloneObject(r.target()))).disabledWhen(none),
                ToolAction.of("vm-lock", "Lock", "lock", "Lock the selected VM against changes",
                        () -> withRow(r -> owned.lock(r.target()))).disabledWhen(none),
                ToolAction.of("vm-unlock", "Unlock", "unlock", "Unlock the selected VM",
                        () -> withRow(r -> owned.unlock(r.target()))).disabledWhen(none),
                ToolAction.of("vm-chown", "Change owner…", "user", "Give the selected VM another owner",
                        () -> withRow(r -> owned.changeOwner(r.target()))).disabledWhen(none));
    }

    /** An action on the selected VM, enabled only in the states it starts from (the service checks again). */
    private ToolAction stateAction(String id, String text, String icon, String tooltip, Set<VmState> from,
                                   Consumer<VmRow> action) {
        var selected = vm.list().selected();
        return ToolAction.of(id, text, icon, tooltip, () -> withRow(action)).disabledWhen(Bindings.createBooleanBinding(
                () -> selected.get().filter(r -> from.contains(r.state())).isEmpty(), selected));
    }

    private ContextMenu contextMenu(List<List<ToolAction>> actions, List<ToolAction> whole) {
        List<ToolAction> life = actions.get(1);
        List<ToolAction> nics = actions.get(2);
        return new ContextMenu(Toolbars.menuItem("Deploy…", life.get(0)), Toolbars.menuItem("Power off", life.get(1)),
                Toolbars.menuItem("Suspend", stateAction("vm-suspend", "Suspend", "poweroff", "Suspend",
                        EnumSet.of(VmState.RUNNING), r -> vm.act(r, Action.SUSPEND))),
                Toolbars.menuItem("Stop", stateAction("vm-stop", "Stop", "undeploy", "Stop",
                        EnumSet.of(VmState.RUNNING), r -> vm.act(r, Action.STOP))),
                Toolbars.menuItem("Resume", life.get(2)), Toolbars.menuItem("Undeploy", life.get(3)),
                Toolbars.menuItem("Hold", stateAction("vm-hold", "Hold", "lock", "Hold",
                        EnumSet.of(VmState.PENDING), r -> vm.act(r, Action.HOLD))),
                Toolbars.menuItem("Release", stateAction("vm-release", "Release", "unlock", "Release",
                        EnumSet.of(VmState.HOLD), r -> vm.act(r, Action.RELEASE))),
                new SeparatorMenuItem(), Toolbars.menuItem("Attach NIC…", nics.get(0)),
                new SeparatorMenuItem(), Toolbars.menuItem("Rename…", whole.get(0)),
                Toolbars.menuItem("Clone…", whole.get(1)), Toolbars.menuItem("Lock", whole.get(2)),
                Toolbars.menuItem("Unlock", whole.get(3)), Toolbars.menuItem("Change owner…", whole.get(4)),
                new SeparatorMenuItem(), Toolbars.menuItem("Delete…", actions.get(3).get(0)));
    }

    private void withRow(Consumer<VmRow> action) {
        vm.list().selectedRow().ifPresent(action);
    }

    private void newVm() {
        NewVmDialog.show(root.getScene().getWindow(), vm.newVm(), vm::created);
    }

    private void attachNic() {
        vm.list().selectedRow().ifPresent(r -> vm.attachNic(wizard -> AttachNicWizard.show(
                root.getScene().getWindow(), wizard, index -> vm.attached(r.id(), index,
                        wizard.outcomeProperty().get()))));
    }

    /** The VMs as a section of the console: table and tabs, the count, the VM actions. */
    public ConsoleSection section() {
        return section;
    }
}
