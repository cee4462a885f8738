package vnetdesk.ui.host;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.MasterDetail;
import vnetdesk.ui.common.SelectionFollower;
import vnetdesk.ui.common.Tables;
import vnetdesk.ui.common.ToolAction;

/**
 * The Hosts section: the hosts of the inventory (address and login, cluster,
 * VMs, connection, probe, drift badge, pending changes, last apply; the
 * navigation's badge counts the hosts with pending changes), the selected
 * host's detail (with Probe, and Sync… when the host was found out of sync),
 * the New host, Edit…, Check drift, Rename and Delete actions, and Plan… /
 * Plan all… / Apply… / Apply pending…, which open the Plan and Apply windows.
 */
public final class HostsView {

    private final HostsViewModel vm;
    private final TableView<HostRow> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    private final ConsoleSection section;
    private final HostRunActions runs;

    public HostsView(HostsViewModel vm) {
        this.vm = vm;
        this.runs = vm.runs(javafx.application.Platform::runLater);
        MasterDetail.table(table, "host-table", vm.list().rows(), List.of(
                // the user is on the General tab: the row keeps its width for the columns
                Tables.column("ID", 35, HostRow::id),
                Tables.column("Name", 85, HostRow::name),
                Tables.column("Address", 115, HostRow::addressText),
                Tables.column("Cluster", 80, HostRow::cluster),
                Tables.column("VMs", 50, h -> h.vms().size()),
                Tables.column("Connection", 125, HostRow::connectionText),
                Tables.column("Probe", 180, HostRow::probeText),
                driftColumn(),
                Tables.column("Pending", 80, HostRow::pendingText),
                Tables.column("Last apply", 150, HostRow::lastApplyText)),
                "No hosts yet — add one with New host.");
        // several hosts may be selected for Plan… and Apply…; the detail shows the last one clicked
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        new SelectionFollower<>(table, vm.list().rows(), vm.list().selectedIdProperty(), HostRow::id,
                id -> vm.list().selectedIdProperty().set(Optional.of(id)));
        root.setCenter(MasterDetail.of(table, vm.list().filterProperty(), "host-filter",
                "Filter hosts (id, name, cluster, address, user, VM)", new HostDetail(vm).node(this::edit, this::sync, () -> withRow(vm.probe()::probe)), 0.55));
        root.setId("hosts-view");
        section = ConsoleSection.of("Hosts", "host", root).counting(vm.list().countProperty())
                .badged(vm.pendingCountBinding()).withActions(actions()).reading(vm.list()::reload, vm.list()::reload);
    }

    /** The Drift column: a badge coloured by where the host stood at its last check. */
    private static TableColumn<HostRow, HostRow.Drift> driftColumn() {
        TableColumn<HostRow, HostRow.Drift> drift = Tables.column("Drift", 110, HostRow::drift);
        drift.setCellFactory(c -> new TableCell<>() {
            private final Label badge = new Label();

            @Override
            protected void updateItem(HostRow.Drift d, boolean empty) {
                super.updateItem(d, empty);
                setText(null);
                if (empty || d == null) {
                    setGraphic(null);
                    return;
                }
                badge.setText(d.text());
                badge.getStyleClass().setAll("label", "drift-badge", d.styleClass());
                setGraphic(badge);
            }
        });
        return drift;
    }

    private List<List<ToolAction>> actions() {
        BooleanBinding none = vm.list().selectedIdProperty().isEqualTo(Optional.empty());
        return List.of(
                List.of(ToolAction.of("host-new", "New host", "new", "Add a host to the inventory", this::newHost)),
                List.of(ToolAction.of("host-edit", "Edit…", "address",
                                "Change the address, port, user or identity the console reaches the host with",
                                this::edit).disabledWhen(none),
                        ToolAction.of("host-check-drift", "Check drift", "drift",
                                "Read every host and compare it with what the inventory implies, changing nothing",
                                vm::checkDrift).disabledWhen(vm.checkingDriftProperty()),
                        ToolAction.of("host-rename", "Rename…", "rename", "Rename the selected host",
                                () -> withRow(vm::rename)).disabledWhen(none),
                        ToolAction.of("host-delete", "Delete", "delete", "Delete the selected host",
                                () -> withRow(vm::delete)).disabledWhen(none)),
                List.of(ToolAction.of("host-plan", "Plan…", "plan", "Read the selected hosts (Ctrl/Shift+click for"
                                + " several) and show what an apply would change, with the exact commands",
                                () -> runs.planSelected(selectedRows()).ifPresent(p -> PlanWindow.show(window(), p)))
                                .disabledWhen(none),
                        ToolAction.of("host-plan-all", "Plan all…", "plan", "Plan every host you may manage",
                                () -> runs.planAll().ifPresent(p -> PlanWindow.show(window(), p))),
                        ToolAction.of("host-apply", "Apply…", "apply", "Make the selected hosts as the inventory"
                                + " wants them", () -> runs.applySelected(selectedRows())
                                .ifPresent(a -> ApplyWindow.show(window(), a))).disabledWhen(none),
                        ToolAction.of("host-apply-pending", "Apply pending…", "apply", "Apply to every host with"
                                + " pending changes", () -> runs.applyPending()
                                .ifPresent(a -> ApplyWindow.show(window(), a)))));
    }

    /** The rows selected in the table, in table order (several with Ctrl/Shift+click). */
    private List<HostRow> selectedRows() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private javafx.stage.Window window() {
        return root.getScene().getWindow();
    }

    private void withRow(Consumer<HostRow> action) {
        vm.list().selectedRow().ifPresent(action);
    }

    private void newHost() {
        HostDialog.show(root.getScene().getWindow(), vm.newHost(), vm::created);
    }

    /** Sync on a host found out of sync: its plan, applied from the Plan window. */
    private void sync() {
        runs.planSelected().ifPresent(p -> PlanWindow.show(window(), p));
    }

    private void edit() {
        withRow(h -> HostDialog.show(root.getScene().getWindow(), vm.edit(h), vm::edited));
    }

    /** A detail's title in the header band every detail of the console has (the Clusters view's too). */
    static HBox header(Label title) {
        HBox header = new HBox(title);
        header.setPadding(new Insets(8, 10, 8, 10));
        header.getStyleClass().add("detail-header");
        return header;
    }

    /** The view as a section of the console: the table and detail, the count, the host actions. */
    public ConsoleSection section() {
        return section;
    }
}
