package vnetdesk.ui.host;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
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

/**
 * The selected host's detail: a header with where Plan and Apply are for
 * now, the General tab (cluster, address and login settings, pending
 * changes, last apply, the VMs on it, Edit…), the Probe, Networks and
 * Firewall tabs ({@link HostStateTabs}) and the History tab (its apply
 * outcomes, newest first, the selected one's message in full below).
 */
final class HostDetail {

    private final HostsViewModel vm;
    private final ObjectBinding<Optional<HostRow>> selected;

    HostDetail(HostsViewModel vm) {
        this.vm = vm;
        this.selected = vm.list().selected();
    }

    /**
     * {@code edit} opens the Edit dialog of the selected host; {@code probe}
     * (in the header) probes it; {@code sync} opens its plan, offered in the
     * header when the host was found out of sync.
     */
    Node node(Runnable edit, Runnable sync, Runnable probe) {
        Label title = new Label();
        title.setId("host-title");
        title.getStyleClass().add("detail-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> selected.get().map(h -> "Host " + h.label())
                .orElse("No host selected"), selected));
        Label note = new Label(HostsViewModel.PLAN_APPLY_NOTE);
        note.setId("host-plan-note");
        note.getStyleClass().add("field-hint");
        note.setWrapText(true);
        Button syncButton = new Button("Sync…");
        syncButton.setId("host-sync");
        syncButton.setTooltip(new javafx.scene.control.Tooltip("The host differed from the inventory at its last"
                + " check: show what would make it so, and apply from there"));
        syncButton.setOnAction(e -> sync.run());
        syncButton.visibleProperty().bind(Bindings.createBooleanBinding(() -> selected.get()
                .map(h -> h.drift() == HostRow.Drift.OUT_OF_SYNC).orElse(false), selected));
        syncButton.managedProperty().bind(syncButton.visibleProperty());
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(grow, Priority.ALWAYS);
        Button probeButton = new Button("Probe");
        probeButton.setId("host-probe");
        probeButton.setTooltip(new javafx.scene.control.Tooltip("Log in to the host and find what it offers (root,"
                + " kernel, drivers)"));
        probeButton.setOnAction(e -> probe.run());
        probeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get().isEmpty(), selected)
                .or(vm.probe().runningProperty()));
        javafx.scene.layout.HBox header = new javafx.scene.layout.HBox(8, new VBox(2, title, note), grow, probeButton,
                syncButton);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 10, 8, 10));
        header.getStyleClass().add("detail-header");
        HostStateTabs state = new HostStateTabs(vm, vm.times());
        TabPane tabs = new TabPane(tab("General", general(edit)), tab("Probe", state.probe()),
                tab("Networks", state.networks()), tab("Firewall", state.firewall()), tab("History", history()));
        tabs.setId("host-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return new VBox(header, tabs);
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private Node general(Runnable edit) {
        FormGrid g = new FormGrid();
        g.add("Cluster", bound("host-cluster", HostRow::cluster));
        g.add("Address", bound("host-address-value", h -> h.address().isEmpty() ? "not set (Edit…)" : h.address()));
        g.add("Port", bound("host-port", h -> String.valueOf(h.connection().port())));
        g.add("User", bound("host-user", h -> h.connection().user()));
        g.add("Identity", bound("host-identity", HostRow::identityText));
        g.add("Pending changes", bound("host-pending", HostRow::pendingText), FormGrid.hint("Changed in the"
                + " inventory since the host's last successful apply."));
        g.add("Last apply", bound("host-last-apply", h -> h.lastApplyText().isEmpty() ? "never"
                : h.lastApplyText()));
        g.add("Connection", bound("host-connection", HostRow::connectionText));
        g.add("Drift", bound("host-drift", h -> h.drift().text() + h.status().drift().map(d -> " (checked "
                + vm.times().shortTime(d.at()) + ")" + (d.differences().isEmpty() ? ""
                : ": " + String.join("; ", d.differences()))).orElse("")));
        ListView<String> vms = new ListView<>();
        vms.setId("host-vms");
        vms.setPrefHeight(120);
        vms.setPlaceholder(new Label("No VM is placed on this host"));
        selected.addListener((o, was, now) -> vms.getItems().setAll(now.map(HostRow::vms).orElse(List.of())));
        g.add("VMs on it", vms);
        Button editButton = new Button("Edit…");
        editButton.setId("host-detail-edit");
        editButton.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get().isEmpty(), selected));
        editButton.setOnAction(e -> edit.run());
        g.wide(new HBox(editButton));
        ScrollPane scroll = new ScrollPane(g.node());
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Label bound(String id, Function<HostRow, String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(Bindings.createStringBinding(() -> selected.get().map(text).orElse(""), selected));
        return l;
    }

    private Node history() {
        TableView<HistoryRow> table = new TableView<>(vm.history());
        table.setId("host-history");
        table.getColumns().addAll(List.of(
                Tables.column("Started", 150, HistoryRow::started),
                Tables.column("Finished", 150, HistoryRow::finished),
                Tables.column("Result", 170, HistoryRow::result),
                Tables.column("Failed step", 90, HistoryRow::failedStep),
                Tables.column("Commands", 85, HistoryRow::commands),
                Tables.column("Message", 400, HistoryRow::message)));
        table.setPlaceholder(new Label("Nothing was applied to this host yet"));
        TextArea message = new TextArea();
        message.setId("host-history-message");
        message.setEditable(false);
        message.setWrapText(true);
        message.setPrefRowCount(4);
        message.setPromptText("The selected apply's message, in full");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                message.setText(now == null ? "" : now.message()));
        BorderPane pane = new BorderPane(table);
        pane.setBottom(message);
        BorderPane.setMargin(message, new Insets(6, 0, 0, 0));
        pane.setPadding(new Insets(6));
        return pane;
    }
}
