package vnetdesk.ui.template;

import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
 * The network templates master table: loads the templates the user may use in
 * the background, filters them by the filter box, and keeps the selection
 * across reloads.
 */
public final class TemplateListViewModel {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final ObservableList<TemplateRow> all = FXCollections.observableArrayList();
    private final FilteredList<TemplateRow> shown = new FilteredList<>(all, r -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Optional<Integer>> selectedId = new SimpleObjectProperty<>(Optional.empty());
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);

    public TemplateListViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        filter.addListener((o, was, now) -> shown.setPredicate(r -> r.matches(now)));
        count.bind(Bindings.size(all));
    }

    /** Reads the templates again; the selection stays on the same id if it still exists. */
    public void reload() {
        runner.run("Loading network templates",
                () -> inventory.templates().list(actor).stream().map(TemplateRow::of).toList(),
                this::show, e -> dialogs.showError("Cannot load the network templates", e));
    }

    private void show(List<TemplateRow> rows) {
        Optional<Integer> keep = selectedId.get();
        all.setAll(rows);
        if (keep.isPresent() && rows.stream().noneMatch(r -> r.id() == keep.get())) {
            selectedId.set(Optional.empty());
        }
    }

    /** The rows that pass the filter, in load order (the table sorts its own view). */
    public ObservableList<TemplateRow> rows() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Optional<Integer>> selectedIdProperty() {
        return selectedId;
    }

    /** How many templates the user may use (for the navigation). */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }
}
