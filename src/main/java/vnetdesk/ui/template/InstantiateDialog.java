package vnetdesk.ui.template;

import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import vnetdesk.ui.common.FieldErrors;
import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.netform.ArFormPane;

/**
 * The Instantiate dialog over an {@link InstantiateViewModel}: name, extra
 * attributes, the inline address range, the no-AR reminder, and Instantiate,
 * which keeps the dialog open while anything is refused. Ids: dialog pane
 * {@code instantiate-dialog}, fields {@code instantiate-name},
 * {@code instantiate-extra}, {@code instantiate-ar-<ATTRIBUTE>}, the reminder
 * {@code instantiate-reminder}, the button {@code instantiate-ok}.
 */
final class InstantiateDialog {

    private InstantiateDialog() {
    }

    static void show(Window owner, InstantiateViewModel vm, IntConsumer created) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Instantiate network template");
        d.setHeaderText("New network from template " + vm.template().id() + ":" + vm.template().name());
        d.getDialogPane().setId("instantiate-dialog");
        d.setResizable(true);
        FieldErrors errors = new FieldErrors(vm.errors());
        FormGrid g = new FormGrid();
        TextField name = new TextField();
        name.setId("instantiate-name");
        name.setPromptText("name of the new network");
        name.textProperty().bindBidirectional(vm.nameProperty());
        g.add("Network name", name, errors.register(InstantiateViewModel.NAME, name));
        TextArea extra = new TextArea();
        extra.setId("instantiate-extra");
        extra.getStyleClass().add("code");
        extra.setPrefRowCount(3);
        extra.setPromptText("optional, in template syntax; overrides the template's values (e.g. MTU = 9000)");
        extra.textProperty().bindBidirectional(vm.extraProperty());
        g.add("Extra attributes", extra, errors.register(InstantiateViewModel.EXTRA, extra));
        g.section("Address range (optional)");
        g.wide(ArFormPane.build(vm.ar(), "instantiate-ar-"));
        g.wide(message(vm, InstantiateViewModel.AR, "instantiate-ar-refused"));
        Label reminder = new Label();
        reminder.setId("instantiate-reminder");
        reminder.getStyleClass().add("warning-banner");
        reminder.setWrapText(true);
        reminder.textProperty().bind(vm.reminderProperty());
        reminder.visibleProperty().bind(vm.reminderProperty().isNotEmpty());
        reminder.managedProperty().bind(reminder.visibleProperty());
        g.wide(reminder);
        g.wide(message(vm, InstantiateViewModel.GENERAL, "instantiate-refused"));
        g.node().setPrefWidth(640);
        d.getDialogPane().setContent(g.node());
        ButtonType ok = new ButtonType("Instantiate", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) d.getDialogPane().lookupButton(ok);
        okButton.setId("instantiate-ok");
        okButton.disableProperty().bind(vm.busyProperty());
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.instantiate(id -> {
                d.close();
                created.accept(id);
            });
        });
        d.show();
        name.requestFocus();
    }

    /** A red line showing the view model's error under {@code key}, hidden while there is none. */
    private static Label message(InstantiateViewModel vm, String key, String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        Runnable update = () -> l.setText(vm.errors().getOrDefault(key, ""));
        vm.errors().addListener((MapChangeListener<String, String>) c -> update.run());
        update.run();
        l.visibleProperty().bind(Bindings.isNotEmpty(l.textProperty()));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
