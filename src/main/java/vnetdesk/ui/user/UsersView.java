package vnetdesk.ui.user;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import vnetdesk.model.AclRule;
import vnetdesk.service.UserService.GroupInfo;
import vnetdesk.service.UserService.UserInfo;
import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.Tables;
import vnetdesk.ui.common.ToolAction;
import vnetdesk.ui.common.Toolbars;

/**
 * Users & Groups: the users (with "Act as this user"), the groups and the ACL
 * rules, each with its actions. Only administrators may change them; the
 * service explains a refusal to anyone else.
 */
public final class UsersView {

    private final UsersViewModel vm;
    private final Consumer<String> actAs;
    private final SplitPane root = new SplitPane();

    /** {@code actAs} reopens the console as the named user. */
    public UsersView(UsersViewModel vm, Consumer<String> actAs) {
        this.vm = vm;
        this.actAs = actAs;
        build();
    }

    private void build() {
        TableView<UserInfo> users = new TableView<>(vm.users());
        users.setId("users-table");
        users.getColumns().add(Tables.column("ID", 60, UserInfo::id));
        users.getColumns().add(Tables.column("Name", 180, UserInfo::name));
        users.getColumns().add(Tables.column("Group", 180, u -> u.gid() + ":" + u.groupName()));
        users.setPlaceholder(new Label("Loading…"));
        var selectedUser = users.getSelectionModel().selectedItemProperty();
        ToolAction actAsUser = ToolAction.of("user-act-as", "Act as this user", "user",
                "Reopen the console as the selected user", () -> actAs.accept(
                        users.getSelectionModel().getSelectedItem().name()))
                .disabledWhen(Bindings.createBooleanBinding(() -> selectedUser.get() == null
                        || selectedUser.get().id() == vm.actor().uid(), selectedUser));
        ToolAction changeGroup = ToolAction.of("user-chgrp", "Change group…", "users",
                "Move the selected user to another group",
                () -> vm.changeGroup(users.getSelectionModel().getSelectedItem())).disabledWhen(selectedUser.isNull());
        ToolAction deleteUser = ToolAction.of("user-delete", "Delete", "delete", "Delete the selected user",
                () -> vm.deleteUser(users.getSelectionModel().getSelectedItem())).disabledWhen(selectedUser.isNull());
        Node usersPane = section("Users", "The console acts as " + vm.actor().name() + ". Every action is checked"
                + " against that user's rights.", users, ToolAction.of("user-new", "New user…", "new",
                        "Create a user", vm::createUser), changeGroup, deleteUser, actAsUser);

        TableView<GroupInfo> groups = new TableView<>(vm.groups());
        groups.setId("groups-table");
        groups.getColumns().add(Tables.column("ID", 60, GroupInfo::id));
        groups.getColumns().add(Tables.column("Name", 160, GroupInfo::name));
        groups.getColumns().add(Tables.column("Members", 260, g -> String.join(", ", g.members())));
        ToolAction deleteGroup = ToolAction.of("group-delete", "Delete", "delete", "Delete the selected group",
                () -> vm.deleteGroup(groups.getSelectionModel().getSelectedItem()))
                .disabledWhen(groups.getSelectionModel().selectedItemProperty().isNull());
        Node groupsPane = section("Groups", "oneadmin (0) administers everything; users (1) holds normal users.",
                groups, ToolAction.of("group-new", "New group…", "new", "Create a group", vm::createGroup),
                deleteGroup);

        TableView<AclRule> acls = new TableView<>(vm.acls());
        acls.setId("acl-table");
        acls.getColumns().add(Tables.column("ID", 50, AclRule::id));
        acls.getColumns().add(Tables.column("Rule", 230, AclRule::text));
        acls.getColumns().add(Tables.column("Meaning", 420, AclRule::explain));
        acls.setPlaceholder(new Label("No ACL rule: only owners' permission bits and oneadmin grant rights."));
        ToolAction deleteAcl = ToolAction.of("acl-delete", "Delete", "delete", "Delete the selected rule",
                () -> vm.deleteAcl(acls.getSelectionModel().getSelectedItem()))
                .disabledWhen(acls.getSelectionModel().selectedItemProperty().isNull());
        Node aclPane = section("ACL rules", "Rules grant rights beyond the permission bits, e.g. @1 VNTEMPLATE/* CREATE"
                + " lets group 1 create network templates.", acls, ToolAction.of("acl-new", "Add rule…", "rule",
                        "Add an ACL rule", vm::addAcl), deleteAcl);

        SplitPane top = new SplitPane(usersPane, groupsPane);
        root.setOrientation(javafx.geometry.Orientation.VERTICAL);
        root.getItems().setAll(top, aclPane);
        root.setId("users-view");
    }

    private static Node section(String title, String hint, TableView<?> table, ToolAction... actions) {
        Label head = new Label(title);
        head.getStyleClass().add("form-section");
        Label text = new Label(hint);
        text.setWrapText(true);
        text.getStyleClass().add("field-hint");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox buttons = new HBox(2);
        buttons.getChildren().setAll(Toolbars.items(List.of(List.of(actions))));
        buttons.getStyleClass().add("pane-actions");
        VBox box = new VBox(6, head, text, buttons, table);
        box.setPadding(new Insets(10));
        return box;
    }

    /** The view as a section of the console; the lists are read when it is shown. */
    public ConsoleSection section() {
        return ConsoleSection.of("Users & Groups", "users", root).counting(Bindings.size(vm.users()))
                .reading(vm::reload, vm::reload);
    }
}
