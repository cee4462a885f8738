package vnetdesk.ui.template;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.service.NetworkTemplateService.TemplateSummary;
import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.EditorSelection;
import vnetdesk.ui.common.MasterDetail;
import vnetdesk.ui.common.OwnedObjectActions;
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
    private final EditorSelection<TemplateRow, TemplateSummary> selection;

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
        buildTable();
        this.selection = new EditorSelection<>(table, list.rows(), TemplateRow::id, list.selectedIdProperty(),
                list::reload, editor, this::showFirstTab);
        editor.setOnSavedWhileLeaving(selection::saved);
        this.actions = new OwnedObjectActions(inventory.templates(), inventory.users(), actor, runner, dialogs,
                selection.followup());
        // after a chmod the editor has re-read the template itself; the table only needs the new row
        this.detail = new TemplateDetailView(editor, selection::saved, () -> withRow(actions::changeOwner),
                id -> list.reload());
        root.setCenter(MasterDetail.of(table, list.filterProperty(), "template-filter",
                "Filter templates (name, id, driver, owner, group)", detail.node(), 0.34));
        section = ConsoleSection.of("Network Templates", "template", root).counting(list.countProperty())
                .withActions(buildActions()).reading(list::reload, list::reload).leaving(editor::leave);
    }

    private void buildTable() {
        MasterDetail.table(table, "template-table", list.rows(), List.of(
                Tables.column("ID", 50, TemplateRow::id),
                Tables.column("Name", 200, TemplateRow::name),
                Tables.column("Owner", 100, TemplateRow::owner),
                Tables.column("Group", 100, TemplateRow::group),
                Tables.column("Driver", 215, TemplateRow::driver),
                Tables.column("ARs", 50, TemplateRow::ars),
                Tables.column("Lock", 70, TemplateRow::lock)),
                "No network templates you may use — create one with New.");
    }

    private List<List<ToolAction>> buildActions() {
        BooleanBinding none = table.getSelectionModel().selectedItemProperty().isNull();
        BooleanBinding locked = Bindings.createBooleanBinding(() -> selected().map(TemplateRow::locked)
                .orElse(false), table.getSelectionModel().selectedItemProperty());
        return List.of(
                List.of(ToolAction.of("tpl-new", "New", "new", "A new network template", selection::startCreate),
                        ToolAction.of("tpl-instantiate", "Instantiate…", "instantiate",
                                "Create a network from the selected template",
                                () -> selected().ifPresent(this::openInstantiate)).disabledWhen(none)),
                List.of(ToolAction.of("tpl-clone", "Clone…", "clone", "Copy the selected template under a new name",
                                () -> withRow(actions::cloneObject)).disabledWhen(none),
                        ToolAction.of("tpl-rename", "Rename…", "rename", "Rename the selected template",
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
        selection.select(id);
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

    private void showFirstTab() {
        detail.selectFirstTab();
    }
}
