package vnetdesk.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;
import java.util.function.ToIntFunction;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The state of a master table that only lists (VMs, hosts, clusters): the
 * rows read in the background, the filter, the selected id kept across
 * reloads while that object still exists, and the count for the navigation.
 */
public final class RowList<R> {

    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final String what;
    private final Callable<List<R>> read;
    private final ToIntFunction<R> idOf;
    private final ObservableList<R> all = FXCollections.observableArrayList();
    private final ObservableList<R> allView = FXCollections.unmodifiableObservableList(all);
    private final FilteredList<R> shown = new FilteredList<>(all, r -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Optional<Integer>> selectedId = new SimpleObjectProperty<>(Optional.empty());
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final ObjectBinding<Optional<R>> selected;

    /**
     * {@code what} names the objects in the status bar and in errors ("VMs");
     * {@code read} runs on the worker; {@code matches} tells whether a row passes the filter text.
     */
    public RowList(TaskRunner runner, Dialogs dialogs, String what, Callable<List<R>> read, ToIntFunction<R> idOf,
                   BiPredicate<R, String> matches) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.what = what;
        this.read = read;
        this.idOf = idOf;
        this.selected = Bindings.createObjectBinding(this::selectedRow, selectedId, all);
        filter.addListener((o, was, now) -> shown.setPredicate(r -> now == null || now.isBlank()
                || matches.test(r, now.trim())));
    }

    /** Reads the rows again; the selection stays on the same id if it still exists. */
    public void reload() {
        runner.run("Loading " + what, read, this::show, e -> dialogs.showError("Cannot load the " + what, e));
    }

    /** Selects {@code id} (an object just made) and reads the rows again. */
    public void reloadSelecting(int id) {
        selectedId.set(Optional.of(id));
        reload();
    }

    private void show(List<R> rows) {
        Optional<Integer> keep = selectedId.get();
        all.setAll(rows);
        count.set(rows.size());
        if (keep.isPresent() && rows.stream().noneMatch(r -> idOf.applyAsInt(r) == keep.get())) {
            selectedId.set(Optional.empty());
        }
    }

    /** The rows that pass the filter, in load order (the table sorts its own view). */
    public ObservableList<R> rows() {
        return shown;
    }

    /** Every row as last read, whatever the filter (for sums over the whole list, such as a status bar's). */
    public ObservableList<R> unfiltered() {
        return allView;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Optional<Integer>> selectedIdProperty() {
        return selectedId;
    }

    /** The row of the selected id, as last read. */
    public Optional<R> selectedRow() {
        return selectedId.get().flatMap(id -> all.stream().filter(r -> idOf.applyAsInt(r) == id).findFirst());
    }

    /** The selected row, following the selection and every reload (a detail pane shows it). */
    public ObjectBinding<Optional<R>> selected() {
        return selected;
    }

    /** The row of {@code id}, as last read. */
    public Optional<R> row(int id) {
        return all.stream().filter(r -> idOf.applyAsInt(r) == id).findFirst();
    }

    /** How many objects the user may see (the navigation's count). */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ToIntFunction<R> idOf() {
        return idOf;
    }
}
