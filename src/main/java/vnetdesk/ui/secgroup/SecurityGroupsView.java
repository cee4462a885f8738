package vnetdesk.ui.secgroup;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.service.SecurityGroupService.GroupDetails;
import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.EditorSelection;
import vnetdesk.ui.common.EditorSession;
import vnetdesk.ui.common.MasterDetail;
import vnetdesk.ui.common.OwnedObjectActions;
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
    private final EditorSelection<SecurityGroupRow, GroupDetails> selection;

    public SecurityGroupsView(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs, ConsoleHosts hosts) {
        this.list = new SecurityGroupListViewModel(inventory, actor, runner, dialogs);
        this.editor = new SecurityGroupEditorViewModel(inventory, actor, runner, dialogs);
        this.vms = new SecurityGroupVmsViewModel(inventory, actor, runner, dialogs, hosts, editor);
        buildTable();
        this.selection = new EditorSelection<>(table, list.rows(), SecurityGroupRow::id, list.selectedIdProperty(),
                list::reload, editor, this::showFirstTab);
        this.actions = new OwnedObjectActions(inventory.securityGroups(), inventory.users(), actor, runner, dialogs,
                selection.followup());
        this.detail = new SecurityGroupDetailView(editor, vms, () -> withRow(actions::changeOwner),
                p -> editor.currentProperty().get().ifPresent(d ->
                        actions.changePermissions(SecurityGroupRow.of(d.summary()).target(), p)), selection::saved);
        editor.setOnSavedWhileLeaving(id -> list.reload());
        root.setCenter(MasterDetail.of(table, list.filterProperty(), "sg-filter",
                "Filter security groups (id, name, owner, group, network)", detail.node(), 0.35));
        root.setId("sg-view");
        section = ConsoleSection.of("Security Groups", "shield", root).counting(list.countProperty())
                .withActions(buildActions()).reading(list::reload, list::reload).leaving(editor::leave);
    }

    private void buildTable() {
        MasterDetail.table(table, "sg-table", list.rows(), List.of(
                Tables.column("ID", 50, SecurityGroupRow::id),
                Tables.column("Name", 180, SecurityGroupRow::name),
                Tables.column("Owner", 100, SecurityGroupRow::owner),
                Tables.column("Group", 100, SecurityGroupRow::group),
                Tables.column("Rules", 60, SecurityGroupRow::rules),
                Tables.column("Networks", 250, SecurityGroupRow::networks)), "No security groups you may see.");
    }

    private List<List<ToolAction>> buildActions() {
        BooleanBinding none = list.selectedIdProperty().isEqualTo(Optional.empty());
        BooleanBinding noCommit = editor.modeProperty().isEqualTo(EditorSession.Mode.CREATE)
                .or(editor.dirtyProperty()).or(editor.busyProperty()).or(vms.committingProperty());
        return List.of(
                List.of(ToolAction.of("sg-new", "New", "new", "Create a security group", selection::startCreate)),
                List.of(ToolAction.of("sg-delete", "Delete", "delete", "Delete the selected group",
                                () -> withRow(actions::delete)).disabledWhen(none),
                        ToolAction.of("sg-clone", "Clone…", "clone", "Copy the selected group under a new name",
                                () -> withRow(actions::cloneObject)).disabledWhen(none),
                        ToolAction.of("sg-rename", "Rename…", "rename", "Rename the selected group",
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

    /** Shows group {@code id} once the user may leave the group shown (asks about unsaved edits). */
    public void select(int id) {
        selection.select(id);
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

    private void showFirstTab() {
        detail.selectFirstTab();
    }
}
