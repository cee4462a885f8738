package vnetdesk.ui.secgroup;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
import vnetdesk.ui.common.EditorSession;
import vnetdesk.ui.common.OwnedObjectActions;
import vnetdesk.ui.common.SelectionFollower;
import vnetdesk.ui.common.Tables;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.ToolAction;

/**
 * The Security Groups view: its own action bar, the filterable master table,
 * and the selected group's editor (General, Rules, VMs). Leaving a group with
 * unsaved edits asks first; a refused move puts the selection back.
 */
public final class SecurityGroupsView {

    private final SecurityGroupListViewModel list;
    private final SecurityGroupEditorViewModel editor;
    private final SecurityGroupVmsViewModel vms;
    private final OwnedObjectActions actions;
    private final SecurityGroupDetailView detail;
    private final TableView<SecurityGroupRow> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    private final ConsoleSection section;
    private SelectionFollower<SecurityGroupRow> selection;

    public SecurityGroupsView(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.list = new SecurityGroupListViewModel(inventory, actor, runner, dialogs);
        this.editor = new SecurityGroupEditorViewModel(inventory, actor, runner, dialogs);
        this.vms = new SecurityGroupVmsViewModel(inventory, actor, runner, dialogs, editor);
        this.actions = new OwnedObjectActions(inventory.securityGroups(), inventory.users(), actor, runner, dialogs,
                new OwnedObjectActions.Followup(this::created, this::changed, this::deleted));
        this.detail = new SecurityGroupDetailView(editor, vms, () -> withRow(actions::changeOwner),
                p -> editor.currentProperty().get().ifPresent(d ->
                        actions.changePermissions(SecurityGroupRow.of(d.summary()).target(), p)), this::saved);
        editor.setOnSavedWhileLeaving(id -> list.reload());
        buildTable();
        TextField filter = new TextField();
        filter.setId("sg-filter");
        filter.setPromptText("Filter security groups (id, name, owner, group, network)");
        filter.textProperty().bindBidirectional(list.filterProperty());
        VBox master = new VBox(6, filter, table);
        master.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(master, detail.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        root.setCenter(split);
        root.setId("sg-view");
        section = ConsoleSection.of("Security Groups", "shield", root).counting(list.countProperty())
                .withActions(buildActions()).reading(list::reload, list::reload).leaving(editor::leave);
    }

    private void buildTable() {
        SortedList<SecurityGroupRow> sorted = new SortedList<>(list.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("sg-table");
        table.getColumns().add(Tables.column("ID", 50, SecurityGroupRow::id));
        table.getColumns().add(Tables.column("Name", 180, SecurityGroupRow::name));
        table.getColumns().add(Tables.column("Owner", 100, SecurityGroupRow::owner));
        table.getColumns().add(Tables.column("Group", 100, SecurityGroupRow::group));
        table.getColumns().add(Tables.column("Rules", 60, SecurityGroupRow::rules));
        table.getColumns().add(Tables.column("Networks", 250, SecurityGroupRow::networks));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No security groups you may see."));
        selection = new SelectionFollower<>(table, list.rows(), list.selectedIdProperty(), SecurityGroupRow::id,
                this::select);
    }

    private List<List<ToolAction>> buildActions() {
        BooleanBinding none = list.selectedIdProperty().isEqualTo(Optional.empty());
        BooleanBinding noCommit = editor.modeProperty().isEqualTo(EditorSession.Mode.CREATE)
                .or(editor.dirtyProperty()).or(editor.busyProperty());
        return List.of(
                List.of(ToolAction.of("sg-new", "New", "new", "Create a security group", this::startCreate)),
                List.of(ToolAction.of("sg-delete", "Delete", "delete", "Delete the selected group",
                                () -> withRow(actions::delete)).disabledWhen(none),
                        ToolAction.of("sg-clone", "Clone", "clone", "Copy the selected group under a new name",
                                () -> withRow(actions::cloneObject)).disabledWhen(none),
                        ToolAction.of("sg-rename", "Rename", "rename", "Rename the selected group",
                                () -> withRow(actions::rename)).disabledWhen(none),
                        ToolAction.of("sg-chown", "Change owner…", "user",
                                "Give the selected group another owner and group",
                                () -> withRow(actions::changeOwner)).disabledWhen(none)),
                List.of(ToolAction.of("sg-commit", "Commit", "commit",
                                "Re-apply the stored rules to every VM of the group", () -> vms.commit(false))
                                .disabledWhen(noCommit),
                        ToolAction.of("sg-retry", "Retry failed", "retry",
                                "Re-apply the rules to outdated and failed VMs only", () -> vms.commit(true))
                                .disabledWhen(noCommit)));
    }

    private void withRow(Consumer<OwnedObjectActions.Target> action) {
        list.selectedRow().map(SecurityGroupRow::target).ifPresent(action);
    }

    /** After a rename, chown or chmod: the list and the shown group are read again (edits kept). */
    private void changed(int id) {
        list.reload();
        if (editor.currentProperty().get().filter(d -> d.summary().group().id() == id).isPresent()) {
            editor.refresh();
        }
    }

    private void saved(int id) {
        list.selectedIdProperty().set(Optional.of(id));
        list.reload();
    }

    private void created(int id) {
        list.reload();
        select(id);
    }

    private void deleted() {
        list.selectedIdProperty().set(Optional.empty());
        editor.startCreate();
        detail.selectFirstTab();
        list.reload();
    }

    /** Shows group {@code id} once the user may leave the group shown (asks about unsaved edits). */
    public void select(int id) {
        editor.leave(() -> {
            list.selectedIdProperty().set(Optional.of(id));
            selection.reselect();
            editor.edit(id, () -> { });
        });
    }

    /** Starts a new group in the editor once the user may leave the group shown. */
    public void startCreate() {
        editor.leave(() -> {
            list.selectedIdProperty().set(Optional.empty());
            selection.reselect();
            editor.startCreate();
            detail.selectFirstTab();
        });
    }

    /** Runs {@code proceed} once the group shown may be left (asks about unsaved edits; not on Cancel). */
    public void leave(Runnable proceed) {
        editor.leave(proceed);
    }

    /** Reads the security groups (the first load too: call it once after building the view); edits stay. */
    public void reload() {
        list.reload();
    }

    /** The view as a section of the console: the table and editor, the count, the actions. */
    public ConsoleSection section() {
        return section;
    }
}
