package vnetdesk.ui.host;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The per-host progress list of the Plan and Apply windows: host, state,
 * a progress bar and the step or outcome, a failed host in red. A table
 * rather than ControlsFX's {@code TaskProgressView}, which drops a task once
 * it ends: here the finished rows stay, as the run's record next to its
 * summary. Also the windows' common frame (owned, not modal).
 */
final class HostRunTable {

    /** The red of a failure, as the console's other warnings. */
    static final String RED = "-fx-text-fill: -color-danger-fg;";

    private HostRunTable() {
    }

    static TableView<HostRunRow> of(String id, ObservableList<HostRunRow> rows) {
        TableView<HostRunRow> table = new TableView<>(rows);
        table.setId(id);
        TableColumn<HostRunRow, String> host = new TableColumn<>("Host");
        host.setCellValueFactory(c -> Bindings.createStringBinding(c.getValue()::label));
        host.setPrefWidth(120);
        TableColumn<HostRunRow, String> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> {
            HostRunRow r = c.getValue();
            return Bindings.createStringBinding(() -> r.phaseProperty().get().isEmpty() ? r.state().words()
                    : r.state().words() + " · " + r.phaseProperty().get(), r.stateProperty(), r.phaseProperty());
        });
        state.setPrefWidth(170);
        TableColumn<HostRunRow, Number> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(c -> c.getValue().fractionProperty());
        progress.setCellFactory(c -> new BarCell());
        progress.setPrefWidth(130);
        TableColumn<HostRunRow, String> message = new TableColumn<>("Step or outcome");
        message.setCellValueFactory(c -> c.getValue().messageProperty());
        message.setPrefWidth(460);
        table.getColumns().setAll(java.util.List.of(host, state, progress, message));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(HostRunRow item, boolean empty) {
                super.updateItem(item, empty);
                styleProperty().unbind();
                if (empty || item == null) {
                    setStyle("");
                } else {
                    styleProperty().bind(Bindings.when(item.stateProperty().isEqualTo(HostRunRow.State.FAILED))
                            .then("-fx-text-background-color: -color-danger-fg;").otherwise(""));
                }
            }
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        return table;
    }

    /** A window owned by {@code owner}, not modal (the console stays usable), with the console's stylesheet. */
    static Stage window(Window owner, String title, Region content, double width, double height) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(title);
        Scene scene = new Scene(content, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        return stage;
    }

    static Button button(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        return b;
    }

    /** A fraction as a bar; negative is a busy bar (a rollback). */
    private static final class BarCell extends TableCell<HostRunRow, Number> {
        private final ProgressBar bar = new ProgressBar();

        BarCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(Number item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            double f = item.doubleValue();
            bar.setProgress(f < 0 ? ProgressBar.INDETERMINATE_PROGRESS : f);
            setGraphic(bar);
        }
    }
}
