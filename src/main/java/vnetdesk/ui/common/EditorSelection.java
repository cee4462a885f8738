package vnetdesk.ui.common;

import java.util.Optional;
import java.util.function.ToIntFunction;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Keeps a section's master table and its editor in step: picking a row (or
 * New) first settles the unsaved edits of the object shown; what the actions
 * and the editor report — saved, created, changed, deleted — updates the
 * list, the selection and the editor the same way in every section.
 */
public final class EditorSelection<R, S> {

    private final ObjectProperty<Optional<Integer>> selectedId;
    private final Runnable reloadList;
    private final EditorSession<S> editor;
    private final Runnable showFirstTab;
    private final SelectionFollower<R> follower;

    /**
     * {@code rows} and {@code idOf}: the table's objects; {@code selectedId}
     * and {@code reloadList}: the list ViewModel's selection and reload;
     * {@code showFirstTab}: brings the editor's first tab forward for a new object.
     * Create it once the table shows its rows (sorted): it reselects after the
     * table has seen a change of the rows.
     */
    public EditorSelection(TableView<R> table, ObservableList<R> rows, ToIntFunction<R> idOf,
                           ObjectProperty<Optional<Integer>> selectedId, Runnable reloadList,
                           EditorSession<S> editor, Runnable showFirstTab) {
        this.selectedId = selectedId;
        this.reloadList = reloadList;
        this.editor = editor;
        this.showFirstTab = showFirstTab;
        this.follower = new SelectionFollower<>(table, rows, selectedId, idOf, this::select);
    }

    /** Shows object {@code id} and selects its row, once unsaved edits of the one shown are settled. */
    public void select(int id) {
        editor.leave(() -> {
            selectedId.set(Optional.of(id));
            follower.reselect();
            editor.edit(id, () -> { });
        });
    }

    /** Starts a new object in the editor, once unsaved edits of the one shown are settled. */
    public void startCreate() {
        editor.leave(() -> {
            selectedId.set(Optional.empty());
            follower.reselect();
            editor.startCreate();
            showFirstTab.run();
        });
    }

    /** An object saved through the editor: the editor shows it already; the list selects it. */
    public void saved(int id) {
        selectedId.set(Optional.of(id));
        reloadList.run();
    }

    /** An object created elsewhere (a copy): opened like a picked row. */
    public void created(int id) {
        reloadList.run();
        select(id);
    }

    /** An object renamed, locked, re-owned …: the list and, with its edits kept, the editor read it again. */
    public void changed(int id) {
        reloadList.run();
        editor.refreshIfShowing(id);
    }

    /** The object shown was deleted: its unsaved edits have nowhere to go, so nothing is asked. */
    public void deleted() {
        selectedId.set(Optional.empty());
        editor.startCreate();
        showFirstTab.run();
        reloadList.run();
    }

    /** What the whole-object actions report to. */
    public OwnedObjectActions.Followup followup() {
        return new OwnedObjectActions.Followup(this::created, this::changed, this::deleted);
    }
}
