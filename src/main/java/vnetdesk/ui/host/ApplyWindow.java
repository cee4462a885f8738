package vnetdesk.ui.host;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Apply window over an {@link ApplyViewModel}: each host's progress
 * (the rows stay when finished), the summary with each failure's message,
 * Cancel, Retry failed and Close. Not modal: the console stays usable, and
 * closing the window while hosts are applied leaves the run going (the
 * status bar shows it and can still stop it).
 */
final class ApplyWindow {

    private ApplyWindow() {
    }

    static Stage show(Window owner, ApplyViewModel vm) {
        Label title = new Label("Apply to hosts");
        title.getStyleClass().add("detail-title");
        Label summary = new Label();
        summary.setId("apply-summary");
        summary.setStyle("-fx-font-weight: bold;");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.when(vm.cancellingProperty())
                .then("Cancelling: hosts not started are skipped, hosts in the middle finish or roll back…")
                .otherwise(vm.summaryProperty()));
        ListView<String> failures = new ListView<>(vm.failures());
        failures.setId("apply-failures");
        failures.setPrefHeight(110);
        failures.setStyle(HostRunTable.RED);
        failures.visibleProperty().bind(Bindings.isNotEmpty(vm.failures()));
        failures.managedProperty().bind(failures.visibleProperty());
        failures.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setStyle(empty ? "" : HostRunTable.RED);
            }
        });
        var table = HostRunTable.of("apply-table", vm.rows());
        VBox.setVgrow(table, Priority.ALWAYS);

        Button cancel = HostRunTable.button("apply-cancel", "Cancel");
        cancel.disableProperty().bind(vm.runningProperty().not().or(vm.cancellingProperty()));
        cancel.setOnAction(e -> vm.cancel());
        Button retry = HostRunTable.button("apply-retry", "Retry failed");
        retry.disableProperty().bind(vm.canRetryBinding().not());
        retry.setOnAction(e -> vm.retryFailed());
        Button close = HostRunTable.button("apply-close", "Close");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, grow, cancel, retry, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(8, title, table, summary, failures, buttons);
        root.setPadding(new Insets(10));
        root.setId("apply-window");
        Stage stage = HostRunTable.window(owner, "Apply", root, 940, 460);
        close.setOnAction(e -> stage.close());
        stage.show();
        return stage;
    }
}
