package vnetdesk.ui.template;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.OwnedObjectActions;
import vnetdesk.ui.common.SelectionFollower;
import vnetdesk.ui.common.Tables;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.ToolAction;

/**
 * The Network Templates view: its action bar (New, Instantiate…, Clone,
 * Rename, Lock, Unlock, Change owner…, Delete), the filterable table, and the
 * selected template's editor. Ids: {@code template-table},
 * {@code template-filter}, {@code tpl-<action>} for the actions.
 */
public final class NetworkTemplatesView {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final IntConsumer openNetwork;
    private final TemplateListViewModel list;
    private final TemplateEditorViewModel editor;
    private final OwnedObjectActions actions;
    private final TemplateDetailView detail;
    private final TableView<TemplateRow> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    private final ConsoleSection section;
    private SelectionFollower<TemplateRow> selection;

    /**
     * Builds the view (the window loads the templates: {@link #reload()}).
     * {@code openNetwork} gets the id of each network made by Instantiate, so
     * the window can show it.
     */
    public NetworkTemplatesView(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs,
                                IntConsumer openNetwork) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.openNetwork = openNetwork;
        this.list = new TemplateListViewModel(inventory, actor, runner, dialogs);
        this.editor = new TemplateEditorViewModel(inventory, actor, runner, dialogs);
        editor.setOnSavedWhileLeaving(this::saved);
        this.actions = new OwnedObjectActions(inventory.templates(), inventory.users(), actor, runner, dialogs,
                new OwnedObjectActions.Followup(this::created, this::changed, this::deleted));
        // after a chmod the editor has re-read the template itself; the table only needs the new row
        this.detail = new TemplateDetailView(editor, this::saved, () -> withRow(actions::changeOwner),
                id -> list.reload());
        build();
        section = ConsoleSection.of("Network Templates", "template", root).counting(list.countProperty())
                .withActions(buildActions()).reading(list::reload, list::reload).leaving(editor::leave);
    }

    private void build() {
        SortedList<TemplateRow> sorted = new SortedList<>(list.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("template-table");
        table.getColumns().add(Tables.column("ID", 50, TemplateRow::id));
        table.getColumns().add(Tables.column("Name", 200, TemplateRow::name));
        table.getColumns().add(Tables.column("Owner", 100, TemplateRow::owner));
        table.getColumns().add(Tables.column("Group", 100, TemplateRow::group));
        table.getColumns().add(Tables.column("Driver", 215, TemplateRow::driver));
        table.getColumns().add(Tables.column("ARs", 50, TemplateRow::ars));
        table.getColumns().add(Tables.column("Lock", 70, TemplateRow::lock));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No network templates you may use — create one with New."));
        selection = new SelectionFollower<>(table, list.rows(), list.selectedIdProperty(), TemplateRow::id,
                this::select);

        TextField filter = new TextField();
        filter.setId("template-filter");
        filter.setPromptText("Filter templates (name, id, driver, owner, group)");
        filter.textProperty().bindBidirectional(list.filterProperty());
        VBox master = new VBox(6, filter, table);
        master.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(master, detail.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.34);
        root.setCenter(split);
    }

    private List<List<ToolAction>> buildActions() {
        BooleanBinding none = table.getSelectionModel().selectedItemProperty().isNull();
        BooleanBinding locked = Bindings.createBooleanBinding(() -> selected().map(TemplateRow::locked)
                .orElse(false), table.getSelectionModel().selectedItemProperty());
        return List.of(
                List.of(ToolAction.of("tpl-new", "New", "new", "A new network template", this::startCreate),
                        ToolAction.of("tpl-instantiate", "Instantiate…", "instantiate",
                                "Create a network from the selected template",
                                () -> selected().ifPresent(this::openInstantiate)).disabledWhen(none)),
                List.of(ToolAction.of("tpl-clone", "Clone", "clone", "Copy the selected template under a new name",
                                () -> withRow(actions::cloneObject)).disabledWhen(none),
                        ToolAction.of("tpl-rename", "Rename", "rename", "Rename the selected template",
                                () -> withRow(actions::rename)).disabledWhen(none),
                        ToolAction.of("tpl-lock", "Lock", "lock", "Lock (MANAGE): update and delete are refused",
                                () -> withRow(actions::lock)).disabledWhen(none.or(locked)),
                        ToolAction.of("tpl-unlock", "Unlock", "unlock", "Unlock the selected template",
                                () -> withRow(actions::unlock)).disabledWhen(none.or(locked.not())),
                        ToolAction.of("tpl-chown", "Change owner…", "user",
                                "Give the selected template another owner or group",
                                () -> withRow(actions::changeOwner)).disabledWhen(none)),
                List.of(ToolAction.of("tpl-delete", "Delete", "delete", "Delete the selected template",
                        () -> withRow(actions::delete)).disabledWhen(none)));
    }

    private Optional<TemplateRow> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private void withRow(Consumer<OwnedObjectActions.Target> action) {
        selected().map(TemplateRow::target).ifPresent(action);
    }

    /** Shows template {@code id} and selects its row, once unsaved edits of the one shown are settled. */
    public void select(int id) {
        editor.leave(() -> {
            list.selectedIdProperty().set(Optional.of(id));
            selection.reselect();
            editor.edit(id, () -> { });
        });
    }

    private void startCreate() {
        editor.leave(() -> {
            list.selectedIdProperty().set(Optional.empty());
            selection.reselect();
            detail.newTemplate();
        });
    }

    private void openInstantiate(TemplateRow row) {
        InstantiateDialog.show(root.getScene().getWindow(),
                new InstantiateViewModel(inventory, actor, runner, dialogs, row), openNetwork);
    }

    /** Runs {@code proceed} once unsaved edits of the template shown are saved or dropped (not on Cancel). */
    public void leave(Runnable proceed) {
        editor.leave(proceed);
    }

    /** Reads the templates again (the selection stays on the same template if it still exists). */
    public void reload() {
        list.reload();
    }

    /** The view as a section of the console: the table and editor, the count, the actions. */
    public ConsoleSection section() {
        return section;
    }

    private void saved(int id) {
        list.selectedIdProperty().set(Optional.of(id));
        list.reload();
    }

    private void created(int id) {
        list.reload();
        select(id);
    }

    private void changed(int id) {
        list.reload();
        editor.refreshIfShowing(id);
    }

    private void deleted() {
        list.selectedIdProperty().set(Optional.empty());
        detail.newTemplate();
        list.reload();
    }
}
