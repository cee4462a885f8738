package vnetdesk.ui.network;

import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;

/**
 * The networks master table: loads the list in the background, filters it by
 * the filter box, and keeps the selection across reloads.
 */
public final class NetworkListViewModel {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final ObservableList<NetworkRow> all = FXCollections.observableArrayList();
    private final FilteredList<NetworkRow> shown = new FilteredList<>(all, r -> true);
    private final ObservableList<NetworkRow> allView = FXCollections.unmodifiableObservableList(all);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Optional<Integer>> selectedId = new SimpleObjectProperty<>(Optional.empty());
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final StringBinding emptyMessage;

    public NetworkListViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        filter.addListener((o, was, now) -> shown.setPredicate(r -> r.matches(now)));
        emptyMessage = Bindings.createStringBinding(this::emptyMessage, loaded, all, filter);
    }

    /** What an empty table means: still loading, a filter that matches nothing, or really no network. */
    private String emptyMessage() {
        if (!loaded.get()) {
            return "Loading the networks…";
        }
        if (!all.isEmpty()) {
            return "No network matches \u201c" + filter.get().trim() + "\u201d.";
        }
        // an administrator sees every network, so the inventory is empty and may take the sample
        return actor.isAdmin() ? "No virtual networks yet — create one with New, or File → Load sample."
                : "No virtual network you may see — create one with New, or ask an administrator to share one.";
    }

    /** Reads the networks again (after any change); the selection stays on the same id if it still exists. */
    public void reload() {
        runner.run("Loading networks", () -> inventory.queries().list(actor).stream().map(NetworkRow::of).toList(),
                this::show, e -> dialogs.showError("Cannot load the networks", e));
    }

    private void show(List<NetworkRow> rows) {
        Optional<Integer> keep = selectedId.get();
        all.setAll(rows);
        loaded.set(true);
        if (keep.isPresent() && rows.stream().noneMatch(r -> r.id() == keep.get())) {
            selectedId.set(Optional.empty());
        }
    }

    /** The rows that pass the filter, in load order (the table sorts its own view). */
    public ObservableList<NetworkRow> rows() {
        return shown;
    }

    /** Every network, unfiltered (for counts in the navigation). */
    public ObservableList<NetworkRow> allRows() {
        return allView;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Optional<Integer>> selectedIdProperty() {
        return selectedId;
    }

    public Optional<NetworkRow> selectedRow() {
        return selectedId.get().flatMap(id -> all.stream().filter(r -> r.id() == id).findFirst());
    }

    /** What the table says while it shows no row. */
    public StringBinding emptyMessageBinding() {
        return emptyMessage;
    }

    /** True once the first load has finished (the table shows "loading…" until then). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
