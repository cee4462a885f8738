package vnetdesk.ui.common;

import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Keeps a master table's selection on the object its detail shows: a row the
 * user picks is handed to {@code pick} (which may first ask about unsaved
 * edits); while the detail shows another object — the user cancelled, or the
 * rows were read again — the table selects that one again.
 */
public final class SelectionFollower<R> {

    private final TableView<R> table;
    private final ObjectProperty<Optional<Integer>> shownId;
    private final ToIntFunction<R> idOf;
    private boolean reverting;

    /**
     * {@code rows}: the list the table shows (sorted or not); {@code shownId}: the
     * id of the object the detail shows; {@code pick}: show this id.
     */
    public SelectionFollower(TableView<R> table, ObservableList<R> rows, ObjectProperty<Optional<Integer>> shownId,
                             ToIntFunction<R> idOf, IntConsumer pick) {
        this.table = table;
        this.shownId = shownId;
        this.idOf = idOf;
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (reverting || now == null || shownId.get().equals(Optional.of(idOf.applyAsInt(now)))) {
                return;
            }
            int id = idOf.applyAsInt(now);
            pick.accept(id);
            if (!shownId.get().equals(Optional.of(id))) {
                // the user stayed on the unsaved object (or it is still loading): the selection goes back
                // after this selection change has been processed (changing it inside is not allowed)
                Platform.runLater(this::reselect);
            }
        });
        rows.addListener((ListChangeListener<R>) c -> reselect());
    }

    /** Selects the row of the shown object, or nothing when there is none. */
    public void reselect() {
        Optional<R> row = shownId.get().flatMap(id -> table.getItems().stream()
                .filter(r -> idOf.applyAsInt(r) == id).findFirst());
        R selected = table.getSelectionModel().getSelectedItem();
        if (row.isPresent() ? selected != row.get() : selected != null) {
            reverting = true;
            row.ifPresentOrElse(table.getSelectionModel()::select, table.getSelectionModel()::clearSelection);
            reverting = false;
        }
    }
}
