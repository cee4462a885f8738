package vnetdesk.ui.network;


import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import vnetdesk.ui.common.EditorSession;
import vnetdesk.ui.common.Tables;
import vnetdesk.ui.common.netform.ArFormPane;

/**
 * The Addresses tab: in edit mode the AR table with Add / Modify / Remove,
 * the address map of the chosen AR and the free ranges; in create mode the
 * form of the new network's first AR.
 */
final class AddressesTab {

    private final AddressesViewModel vm;
    private final NetworkEditorViewModel editor;
    private final Runnable changed;
    private final TableView<ArRow> table;

    private final LeasesViewModel leases;

    AddressesTab(AddressesViewModel vm, NetworkEditorViewModel editor, LeasesViewModel leases, Runnable changed) {
        this.vm = vm;
        this.leases = leases;
        this.editor = editor;
        this.changed = changed;
        this.table = new TableView<>(vm.rows());
    }

    Tab build() {
        return vnetdesk.ui.common.LazyTab.of("Addresses", this::content);
    }

    private javafx.scene.Node content() {
        table.setId("ar-table");
        table.getColumns().add(Tables.column("AR", 40, ArRow::id));
        table.getColumns().add(Tables.column("Type", 70, ArRow::type));
        table.getColumns().add(Tables.column("First", 130, ArRow::first));
        table.getColumns().add(Tables.column("Last", 130, ArRow::last));
        table.getColumns().add(Tables.column("First MAC", 150, ArRow::firstMac));
        table.getColumns().add(Tables.column("Last MAC", 150, ArRow::lastMac));
        table.getColumns().add(Tables.column("IPv6 prefixes", 120, ArRow::prefixes));
        table.getColumns().add(Tables.column("Size", 95, (ArRow r) -> r.size()));
        table.getColumns().add(Tables.usage("Used", 160, ArRow::usage, r -> r.used() + " / " + r.size()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No address ranges. Add one to lease addresses from this network."));
        Button add = new Button("Add…");
        add.setId("ar-add");
        Button modify = new Button("Modify…");
        modify.setId("ar-modify");
        Button remove = new Button("Remove");
        remove.setId("ar-remove");
        modify.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> NetworkDialogs.addressRange(window(), "Add address range", vm.newArForm(), vm, changed));
        modify.setOnAction(e -> NetworkDialogs.addressRange(window(), "Modify address range "
                + table.getSelectionModel().getSelectedItem().id(),
                vm.modifyForm(table.getSelectionModel().getSelectedItem()), vm, changed));
        remove.setOnAction(e -> vm.remove(table.getSelectionModel().getSelectedItem(), changed));
        HBox buttons = new HBox(6, add, modify, remove);
        buttons.setPadding(new Insets(6, 0, 6, 0));
        javafx.scene.control.ListView<vnetdesk.service.QueryService.FreeRange> free =
                new javafx.scene.control.ListView<>(leases.freeRanges());
        free.setId("ar-free-ranges");
        free.setPrefHeight(110);
        free.setPlaceholder(LeasesTab.placeholder("ar-free-ranges-empty", leases.freeRangesMessageProperty()));
        free.setCellFactory(l -> new FreeRangeCell());
        VBox freeBox = new VBox(4, new Label("Free ranges"), free);
        VBox.setVgrow(free, javafx.scene.layout.Priority.ALWAYS);
        freeBox.setPrefWidth(250);
        freeBox.setMinWidth(180);
        javafx.scene.Node map = new AddressMapView(vm.map()).build();
        HBox.setHgrow(map, javafx.scene.layout.Priority.ALWAYS);
        HBox lower = new HBox(10, map, freeBox);
        lower.setPadding(new Insets(6, 0, 0, 0));
        // the map follows the AR chosen in the table (the first one when none is)
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.showMap(java.util.Optional.of(now));
            }
        });
        Label overlaps = new Label();
        overlaps.setId("ar-overlaps");
        overlaps.getStyleClass().add("warning-banner");
        overlaps.setWrapText(true);
        overlaps.setMaxWidth(Double.MAX_VALUE);
        overlaps.textProperty().bind(vm.overlapsProperty());
        overlaps.visibleProperty().bind(overlaps.textProperty().isNotEmpty());
        overlaps.managedProperty().bind(overlaps.visibleProperty());
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(table, lower);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.25);
        BorderPane edit = new BorderPane(split, new VBox(4, overlaps, buttons), null, null, null);
        edit.setPadding(new Insets(8));

        javafx.scene.control.CheckBox withAr = new javafx.scene.control.CheckBox("Create the network with this address range");
        withAr.setId("with-first-ar");
        withAr.selectedProperty().bindBidirectional(editor.withFirstArProperty());
        javafx.scene.Node arForm = ArFormPane.build(editor.firstAr(), "first-ar-");
        arForm.disableProperty().bind(withAr.selectedProperty().not());
        VBox create = new VBox(8, withAr, arForm);
        create.setPadding(new Insets(12));

        StackPane content = new StackPane(edit, create);
        edit.visibleProperty().bind(editor.modeProperty().isEqualTo(EditorSession.Mode.EDIT));
        create.visibleProperty().bind(edit.visibleProperty().not());
        return content;
    }

    private Window window() {
        return table.getScene().getWindow();
    }

}
