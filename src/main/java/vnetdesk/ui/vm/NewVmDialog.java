package vnetdesk.ui.vm;

import java.util.function.IntConsumer;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import vnetdesk.ui.common.FormGrid;

/**
 * The New VM dialog over a {@link NewVmViewModel}: a name and an optional
 * VM template; Create keeps the dialog open while the service refuses.
 * Ids: {@code vm-new-dialog}, {@code vm-new-name}, {@code vm-new-template},
 * {@code vm-new-refusal}, {@code vm-new-ok}.
 */
final class NewVmDialog {

    private NewVmDialog() {
    }

    static void show(Window owner, NewVmViewModel vm, IntConsumer created) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("New VM");
        d.setHeaderText("A new VM (PENDING, on no host); its NICs take their leases now");
        d.getDialogPane().setId("vm-new-dialog");
        d.setResizable(true);
        FormGrid g = new FormGrid();
        TextField name = new TextField();
        name.setId("vm-new-name");
        name.setPromptText("e.g. web-1 (empty: one-<id>, or the template's NAME)");
        name.textProperty().bindBidirectional(vm.nameProperty());
        g.add("Name", name);
        TextArea template = new TextArea();
        template.setId("vm-new-template");
        template.getStyleClass().add("code");
        template.setPrefRowCount(6);
        template.setPromptText("optional, e.g. NIC = [ NETWORK = \"office-lan\" ]");
        template.textProperty().bindBidirectional(vm.templateProperty());
        g.add("VM template", template, FormGrid.hint("OpenNebula VM template syntax. Only the networking is kept:"
                + " NIC vectors (NIC = [ NETWORK = \"lan\" ], NIC = [ NETWORK_MODE = \"auto\", SCHED_REQUIREMENTS"
                + " = \"…\" ]) and single attributes such as GATEWAY_IFACE = 0; DISK and other vectors are refused."
                + " NICs can also be attached later with the Attach NIC wizard."));
        Label refusal = new Label();
        refusal.setId("vm-new-refusal");
        refusal.getStyleClass().add("field-error");
        refusal.setWrapText(true);
        refusal.textProperty().bind(vm.refusalProperty());
        g.wide(refusal);
        d.getDialogPane().setContent(g.node());
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(create);
        ok.setId("vm-new-ok");
        ok.disableProperty().bind(vm.canCreateBinding().not());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.create(id -> {
                d.close();
                created.accept(id);
            });
        });
        d.show();
        name.requestFocus();
    }
}
