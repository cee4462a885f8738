package vnetdesk.ui.secgroup;

import java.util.List;
import java.util.Optional;

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
 * The security groups master table: loads the list in the background,
 * filters it, and keeps the selection across reloads.
 */
public final class SecurityGroupListViewModel {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final ObservableList<SecurityGroupRow> all = FXCollections.observableArrayList();
    private final FilteredList<SecurityGroupRow> shown = new FilteredList<>(all, r -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Optional<Integer>> selectedId = new SimpleObjectProperty<>(Optional.empty());
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);

    public SecurityGroupListViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        filter.addListener((o, was, now) -> shown.setPredicate(r -> r.matches(now)));
    }

    /** Reads the groups again; the selection stays on the same id if it still exists. */
    public void reload() {
        runner.run("Loading security groups",
                () -> inventory.securityGroups().list(actor).stream().map(SecurityGroupRow::of).toList(),
                this::show, e -> dialogs.showError("Cannot load the security groups", e));
    }

    private void show(List<SecurityGroupRow> rows) {
        Optional<Integer> keep = selectedId.get();
        all.setAll(rows);
        count.set(rows.size());
        if (keep.isPresent() && rows.stream().noneMatch(r -> r.id() == keep.get())) {
            selectedId.set(Optional.empty());
        }
    }

    /** The rows that pass the filter, in load order (the table sorts its own view). */
    public ObservableList<SecurityGroupRow> rows() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Optional<Integer>> selectedIdProperty() {
        return selectedId;
    }

    public Optional<SecurityGroupRow> selectedRow() {
        return selectedId.get().flatMap(id -> all.stream().filter(r -> r.id() == id).findFirst());
    }

    /** How many groups the user may see (for the navigation). */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }
}
