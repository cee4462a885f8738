package vnetdesk.ui.network;

import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.netform.ArForm;
import vnetdesk.ui.common.netform.ArFormPane;

/** The Hold IP, Reserve and Add / Modify AR dialogs of the network view. */
final class NetworkDialogs {

    private NetworkDialogs() {
    }

    private static <T> Dialog<T> dialog(Window owner, String title, String id) {
        Dialog<T> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(title);
        d.getDialogPane().setId(id);
        d.setResizable(true);
        return d;
    }

    /** Hold IP: the typed addresses are checked live; Hold stays disabled until all are free. */
    static void hold(Window owner, String network, HoldViewModel vm, Runnable onHeld) {
        Dialog<Void> d = dialog(owner, "Hold addresses of " + network, "hold-dialog");
        TextArea input = new TextArea();
        input.setId("hold-input");
        input.setPromptText("10.0.0.5\n10.0.0.7, 10.0.0.9\n10.0.0.20-10.0.0.29");
        input.setPrefRowCount(4);
        input.textProperty().bindBidirectional(vm.inputProperty());
        ListView<HoldViewModel.Check> checks = new ListView<>(vm.checks());
        checks.setId("hold-checks");
        checks.setPrefHeight(150);
        checks.setPlaceholder(new Label("Type addresses above: one, a list, or FIRST-LAST ranges"));
        checks.setCellFactory(l -> new ListCell<>() {
            {
                // a long reason wraps instead of widening the list behind a horizontal scroll bar
                vnetdesk.ui.common.FullText.wrapInList(this);
            }

            @Override
            protected void updateItem(HoldViewModel.Check c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll("check-ok", "check-bad");
                if (empty || c == null) {
                    setText(null);
                    return;
                }
                setText(c.token() + " — " + c.detail());
                getStyleClass().add(c.state() == HoldViewModel.State.FREE || c.state() == HoldViewModel.State.RANGE
                        ? "check-ok" : "check-bad");
            }
        });
        Label error = new Label();
        error.setId("hold-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        VBox box = new VBox(8, new Label("Addresses to hold (all or nothing):"), input, checks, error);
        box.setPadding(new Insets(8));
        box.setPrefWidth(520);
        d.getDialogPane().setContent(box);
        ButtonType holdType = new ButtonType("Hold", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(holdType, ButtonType.CLOSE);
        Button holdButton = (Button) d.getDialogPane().lookupButton(holdType);
        holdButton.setId("hold-button");
        holdButton.disableProperty().bind(vm.canHoldBinding().not());
        holdButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open for the next hold; Close ends it
            vm.hold(leases -> onHeld.run());
        });
        d.show();
        input.requestFocus();
    }

    /** Reserve: size into a new reservation (name) or an existing one, optional AR and first address. */
    static void reserve(Window owner, String network, ReserveViewModel vm, java.util.List<Integer> arIds,
                        Consumer<Integer> onReserved) {
        Dialog<Void> d = dialog(owner, "Reserve addresses of " + network, "reserve-dialog");
        FormGrid g = new FormGrid();
        TextField size = new TextField();
        size.setId("reserve-size");
        size.textProperty().bindBidirectional(vm.sizeProperty());
        g.add("Size", size);
        CheckBox existing = new CheckBox("add to an existing reservation");
        existing.setId("reserve-existing");
        existing.selectedProperty().bindBidirectional(vm.intoExistingProperty());
        g.add("", existing);
        TextField name = new TextField();
        name.setId("reserve-name");
        name.setPromptText("required: the new network's name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.disableProperty().bind(existing.selectedProperty());
        g.add("New reservation name", name);
        TextField into = new TextField();
        into.setId("reserve-into");
        into.setPromptText("name or id");
        into.textProperty().bindBidirectional(vm.intoProperty());
        into.disableProperty().bind(existing.selectedProperty().not());
        g.add("Existing reservation", into);
        javafx.scene.control.ComboBox<String> ar = new javafx.scene.control.ComboBox<>(FXCollections.observableArrayList());
        ar.getItems().add("any");
        arIds.forEach(i -> ar.getItems().add(String.valueOf(i)));
        ar.setValue("any");
        ar.valueProperty().addListener((o, was, now) -> vm.arIdProperty().set("any".equals(now) ? "" : now));
        g.add("Address range", ar);
        TextField first = new TextField();
        first.setId("reserve-first");
        first.setPromptText("optional: first address of the block");
        first.textProperty().bindBidirectional(vm.firstAddressProperty());
        g.add("First address", first);
        Label error = new Label();
        error.setId("reserve-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        g.wide(error);
        d.getDialogPane().setContent(g.node());
        ButtonType reserveType = new ButtonType("Reserve", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(reserveType, ButtonType.CANCEL);
        Button reserveButton = (Button) d.getDialogPane().lookupButton(reserveType);
        reserveButton.setId("reserve-button");
        reserveButton.disableProperty().bind(vm.validBinding().not());
        reserveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.reserve(id -> {
                d.close();
                onReserved.accept(id);
            });
        });
        d.show();
    }

    /** Add or Modify address range. */
    static void addressRange(Window owner, String title, ArForm form, AddressesViewModel vm, Runnable onDone) {
        Dialog<Void> d = dialog(owner, title, "ar-dialog");
        Label refused = new Label();
        refused.setId("ar-refused");
        refused.getStyleClass().add("field-error");
        refused.setWrapText(true);
        VBox box = new VBox(6, ArFormPane.build(form, "ar-"), refused);
        box.setPrefWidth(560);
        d.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(form.isModify() ? "Save" : "Add", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) d.getDialogPane().lookupButton(ok);
        okButton.setId("ar-ok");
        javafx.beans.property.BooleanProperty submitting = new javafx.beans.property.SimpleBooleanProperty(false);
        okButton.disableProperty().bind(submitting);
        okButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            refused.setText("");
            if (!form.validBinding().get()) {
                form.revealErrors();
                return;
            }
            submitting.set(true);
            vm.submit(form, () -> {
                d.close();
                onDone.run();
            }, why -> {
                submitting.set(false);
                refused.setText(why);
            });
        });
        d.show();
    }
}
