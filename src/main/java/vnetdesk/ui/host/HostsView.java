package vnetdesk.ui.host;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.FieldErrors;
import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.MasterDetail;
import vnetdesk.ui.common.SelectionFollower;
import vnetdesk.ui.common.Tables;
import vnetdesk.ui.common.ToolAction;

/**
 * The Hosts section: the hosts of the inventory (cluster, address, VMs on
 * it) and the New host, Rename, Set address and Delete actions. It says
 * plainly that hosts are not connected yet: SSH, plan and apply are the next
 * version's.
 */
public final class HostsView {

    /** What the view says about connections until the host engine exists. */
    static final String NOT_CONNECTED = "Not connected: in this version hosts are inventory records (cluster,"
            + " address, the VMs placed on them). Connecting over SSH — host keys, plan, apply and drift — comes"
            + " with the next version.";

    private final HostsViewModel vm;
    private final TableView<HostRow> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    private final ConsoleSection section;

    public HostsView(HostsViewModel vm) {
        this.vm = vm;
        MasterDetail.table(table, "host-table", vm.list().rows(), List.of(
                Tables.column("ID", 50, HostRow::id),
                Tables.column("Name", 180, HostRow::name),
                Tables.column("Cluster", 150, HostRow::cluster),
                Tables.column("Address", 180, h -> h.address().isEmpty() ? "not set" : h.address()),
                Tables.column("VMs", 60, h -> h.vms().size())),
                "No hosts yet — add one with New host. Connecting to hosts comes with the next version.");
        new SelectionFollower<>(table, vm.list().rows(), vm.list().selectedIdProperty(), HostRow::id,
                id -> vm.list().selectedIdProperty().set(Optional.of(id)));
        root.setCenter(MasterDetail.of(table, vm.list().filterProperty(), "host-filter",
                "Filter hosts (id, name, cluster, address, VM)", detail(), 0.45));
        root.setId("hosts-view");
        section = ConsoleSection.of("Hosts", "host", root).counting(vm.list().countProperty())
                .withActions(actions()).reading(vm.list()::reload, vm.list()::reload);
    }

    private List<List<ToolAction>> actions() {
        BooleanBinding none = vm.list().selectedIdProperty().isEqualTo(Optional.empty());
        return List.of(
                List.of(ToolAction.of("host-new", "New host", "new", "Add a host to the inventory", this::newHost)),
                List.of(ToolAction.of("host-rename", "Rename", "rename", "Rename the selected host",
                                () -> withRow(vm::rename)).disabledWhen(none),
                        ToolAction.of("host-address", "Set address…", "address",
                                "Set the address (host name or IP) the console will reach the host at",
                                () -> withRow(vm::setAddress)).disabledWhen(none),
                        ToolAction.of("host-delete", "Delete", "delete", "Delete the selected host",
                                () -> withRow(vm::delete)).disabledWhen(none)));
    }

    private void withRow(Consumer<HostRow> action) {
        vm.list().selectedRow().ifPresent(action);
    }

    private Node detail() {
        Label title = new Label();
        title.setId("host-title");
        title.getStyleClass().add("detail-title");
        var selected = vm.list().selected();
        title.textProperty().bind(Bindings.createStringBinding(() -> selected.get().map(h -> "Host " + h.label())
                .orElse("No host selected"), selected));
        FormGrid g = new FormGrid();
        g.add("Cluster", bound("host-cluster", () -> selected.get().map(HostRow::cluster).orElse("")));
        g.add("Address", bound("host-address-value", () -> selected.get()
                .map(h -> h.address().isEmpty() ? "not set (Set address…)" : h.address()).orElse("")));
        Label connection = new Label(NOT_CONNECTED);
        connection.setId("host-connection");
        connection.setWrapText(true);
        connection.getStyleClass().add("field-hint");
        g.add("Connection", connection);
        ListView<String> vms = new ListView<>();
        vms.setId("host-vms");
        vms.setPrefHeight(140);
        vms.setPlaceholder(new Label("No VM is placed on this host"));
        selected.addListener((o, was, now) -> vms.getItems().setAll(now.map(HostRow::vms).orElse(List.of())));
        g.add("VMs on it", vms);
        return new VBox(header(title), g.node());
    }

    /** The detail's title in the header band every detail of the console has. */
    static HBox header(Label title) {
        HBox header = new HBox(title);
        header.setPadding(new Insets(8, 10, 8, 10));
        header.getStyleClass().add("detail-header");
        return header;
    }

    private Label bound(String id, Callable<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(Bindings.createStringBinding(text, vm.list().selected()));
        return l;
    }

    /** New host: name, cluster and address in one form; a refusal stays on the form, on its field. */
    private void newHost() {
        HostFormViewModel form = vm.newHost();
        Window owner = root.getScene().getWindow();
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("New host");
        d.setHeaderText("Add a host to the inventory (connecting to it comes with the next version)");
        d.getDialogPane().setId("host-dialog");
        FieldErrors errors = new FieldErrors(form.errors());
        FormGrid g = new FormGrid();
        TextField name = new TextField();
        name.setId("host-form-name");
        name.setPromptText("e.g. kvm1");
        name.textProperty().bindBidirectional(form.nameProperty());
        g.add("Name", name, errors.register("NAME", name));
        ComboBox<String> cluster = new ComboBox<>(form.clusters());
        cluster.setId("host-form-cluster");
        cluster.valueProperty().bindBidirectional(form.clusterProperty());
        g.add("Cluster", cluster, FormGrid.hint("The host's bridges carry the networks of its cluster."));
        TextField address = new TextField();
        address.setId("host-form-address");
        address.setPromptText("host name or IP address; may be set later");
        address.textProperty().bindBidirectional(form.addressProperty());
        g.add("Address", address, errors.register("ADDRESS", address));
        Label refusal = new Label();
        refusal.setId("host-form-refusal");
        refusal.getStyleClass().add("field-error");
        refusal.setWrapText(true);
        refusal.textProperty().bind(form.refusalProperty());
        g.wide(refusal);
        d.getDialogPane().setContent(g.node());
        ButtonType add = new ButtonType("Add host", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(add);
        ok.setId("host-form-ok");
        ok.disableProperty().bind(form.canCreateBinding().not());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            form.create(id -> {
                d.close();
                vm.created(id);
            });
        });
        form.load();
        d.show();
        name.requestFocus();
    }

    /** The view as a section of the console: the table and detail, the count, the host actions. */
    public ConsoleSection section() {
        return section;
    }
}
