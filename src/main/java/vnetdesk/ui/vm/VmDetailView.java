package vnetdesk.ui.vm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.Tables;
import vnetdesk.ui.common.ToolAction;
import vnetdesk.ui.common.Toolbars;

/**
 * The detail of the selected VM: General (owner, state, host, user template
 * attributes such as GATEWAY_IFACE, and the whole-object actions), NICs (with Attach NIC… and Detach) and
 * Context (the context.sh the guest gets, which NIC owns the default route,
 * and the warnings). Read-only: changes go through the actions.
 */
final class VmDetailView {

    private final VmDetailViewModel vm;
    private final BorderPane root = new BorderPane();

    /** {@code owned}: rename, clone, lock, unlock, change owner — the General tab's row of actions. */
    VmDetailView(VmDetailViewModel vm, Runnable attachNic, List<ToolAction> owned) {
        this.vm = vm;
        Label title = new Label();
        title.setId("vm-title");
        title.getStyleClass().add("detail-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get()
                .map(s -> "VM " + s.vm().vm().label() + "  ·  " + s.vm().vm().state()
                        + s.vm().host().map(h -> " on host " + h.label()).orElse(""))
                .orElse("No VM selected"), vm.currentProperty()));
        HBox header = new HBox(title);
        header.setPadding(new Insets(8, 10, 8, 10));
        header.getStyleClass().add("detail-header");
        TabPane tabs = new TabPane(tab("General", general(owned)), tab("NICs", nics(attachNic)), tab("Context", context()));
        tabs.setId("vm-tabs");
        root.setTop(header);
        root.setCenter(tabs);
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("vm-tab-" + title.toLowerCase(Locale.ROOT));
        t.setClosable(false);
        return t;
    }

    private Node general(List<ToolAction> owned) {
        FormGrid g = new FormGrid();
        g.add("Owner / group", text("vm-owner", s -> s.vm().ownerName() + " / " + s.vm().groupName()));
        g.add("State", text("vm-state", s -> s.vm().vm().state().name()));
        g.add("Host", text("vm-host", s -> s.vm().host().map(h -> h.label())
                .orElse("none (deploy places it on a host)")));
        g.add("Lock", text("vm-lock", s -> s.vm().vm().lock().map(Enum::name).orElse("not locked")));
        ListView<String> attributes = new ListView<>();
        attributes.setId("vm-attributes");
        attributes.setPrefHeight(120);
        attributes.setPlaceholder(new Label("No user template attributes (GATEWAY_IFACE, SCHED_REQUIREMENTS …)"));
        vm.currentProperty().addListener((o, was, now) -> attributes.getItems().setAll(vm.attributes()));
        g.add("Attributes", attributes, FormGrid.hint("GATEWAY_IFACE names the NIC that owns the default route;"
                + " the Attach NIC wizard sets it when you keep the route where it is."));
        HBox buttons = new HBox(2);
        buttons.getStyleClass().add("pane-actions");
        buttons.getChildren().setAll(Toolbars.items(List.of(owned)));
        buttons.setPadding(new Insets(8, 8, 0, 8));
        return new VBox(buttons, g.node());
    }

    private Label text(String id, Function<VmDetailViewModel.Shown, String> value) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get().map(value).orElse(""),
                vm.currentProperty()));
        return l;
    }

    private Node nics(Runnable attachNic) {
        TableView<NicRow> table = new TableView<>(vm.nics());
        table.setId("vm-nics");
        table.getColumns().setAll(List.of(
                Tables.column("NIC", 45, NicRow::index),
                Tables.column("Network", 140, NicRow::network),
                Tables.column("Tap", 90, NicRow::tap),
                Tables.column("IP", 105, NicRow::ip),
                Tables.column("IPv6", 170, NicRow::ip6),
                Tables.column("MAC", 130, NicRow::mac),
                Tables.column("Security groups", 150, NicRow::groups),
                Tables.column("QoS", 160, NicRow::qos)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No NICs — Attach NIC… adds one with a lease of a network"));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                vm.selectedNicProperty().set(Optional.ofNullable(now).map(NicRow::index)));
        vm.selectedNicProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) {
                table.getSelectionModel().clearSelection();
            }
        });
        HBox buttons = new HBox(2);
        buttons.getStyleClass().add("pane-actions");
        buttons.getChildren().setAll(Toolbars.items(List.of(List.of(
                ToolAction.of("vm-nics-attach", "Attach NIC…", "attach", "Attach a NIC (wizard)", attachNic)
                        .disabledWhen(Bindings.createBooleanBinding(() -> vm.currentProperty().get().isEmpty(),
                                vm.currentProperty())),
                ToolAction.of("vm-nics-detach", "Detach", "detach", "Detach the picked NIC (its lease is released)",
                        vm::detachSelected).disabledWhen(vm.selectedNicProperty().isEqualTo(Optional.empty()))))));
        VBox box = new VBox(6, buttons, table);
        box.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private Node context() {
        Label route = text("vm-default-route", s -> s.context().defaultRouteNic()
                .map(i -> "NIC " + i + " owns the default route (only its context has the gateways)")
                .orElse("No default route: none of the VM's NICs has a gateway"));
        Label warnings = text("vm-context-warnings", s -> String.join("\n", s.context().warnings()));
        warnings.getStyleClass().add("warning-banner");
        warnings.setWrapText(true);
        warnings.visibleProperty().bind(warnings.textProperty().isNotEmpty());
        warnings.managedProperty().bind(warnings.visibleProperty());
        TextArea sh = new TextArea();
        sh.setId("vm-context-sh");
        sh.setEditable(false);
        sh.getStyleClass().add("code");
        sh.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get().map(s -> {
            String text = s.context().contextSh();
            return text.isEmpty() ? "# no context: the VM has no NIC with a lease" : text;
        }).orElse(""), vm.currentProperty()));
        Label head = new Label("context.sh (the network part of the guest's context)");
        head.getStyleClass().add("form-section");
        VBox box = new VBox(6, route, warnings, head, sh);
        box.setPadding(new Insets(8));
        VBox.setVgrow(sh, Priority.ALWAYS);
        return box;
    }

    BorderPane node() {
        return root;
    }
}
