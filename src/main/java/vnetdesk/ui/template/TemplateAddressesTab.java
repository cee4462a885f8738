package vnetdesk.ui.template;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.LazyTab;
import vnetdesk.ui.common.Tables;
import vnetdesk.ui.common.netform.ArForm;
import vnetdesk.ui.common.netform.ArFormPane;

/**
 * The Addresses tab of a template: its AR vectors, each network made from it
 * gets; Add (a dialog validated like a network's AR) and Remove change the
 * form, Save stores them.
 */
final class TemplateAddressesTab {

    private final TemplateEditorViewModel vm;
    private final TableView<TemplateAr> table;

    TemplateAddressesTab(TemplateEditorViewModel vm) {
        this.vm = vm;
        this.table = new TableView<>(vm.ars());
    }

    Tab build() {
        return LazyTab.of("Addresses", this::content);
    }

    private Node content() {
        table.setId("tpl-ar-table");
        table.getColumns().add(Tables.column("Type", 110, TemplateAr::type));
        table.getColumns().add(Tables.column("First address", 170, TemplateAr::first));
        table.getColumns().add(Tables.column("Size", 90, TemplateAr::size));
        table.getColumns().add(Tables.column("First MAC", 150, TemplateAr::mac));
        table.getColumns().add(Tables.column("IPv6 prefixes", 200, TemplateAr::prefixes));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No address ranges: networks made from this template get theirs when they"
                + " are instantiated."));
        Button add = new Button("Add…");
        add.setId("tpl-ar-add");
        add.setOnAction(e -> openAdd());
        Button remove = new Button("Remove");
        remove.setId("tpl-ar-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeAr(table.getSelectionModel().getSelectedItem()));
        HBox buttons = new HBox(6, add, remove);
        buttons.setPadding(new Insets(6, 0, 6, 0));
        VBox bottom = new VBox(4, buttons, FormGrid.hint("Address ranges are checked here; overlaps with other"
                + " networks are checked when a network is instantiated. Save stores the changes."));
        BorderPane pane = new BorderPane(table, null, null, bottom, null);
        pane.setPadding(new Insets(8));
        return pane;
    }

    /** The Add address range dialog: Add stays open and shows every error until the AR is valid. */
    private void openAdd() {
        ArForm form = new ArForm();
        Dialog<Void> d = new Dialog<>();
        d.initOwner(table.getScene().getWindow());
        d.setTitle("Add address range");
        d.setHeaderText("Add an address range to the template");
        d.getDialogPane().setId("tpl-ar-dialog");
        d.setResizable(true);
        VBox box = new VBox(6, ArFormPane.build(form, "tpl-ar-"));
        box.setPrefWidth(560);
        d.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) d.getDialogPane().lookupButton(ok);
        okButton.setId("tpl-ar-ok");
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.addAr(form)) {
                e.consume();
            }
        });
        d.show();
    }
}
