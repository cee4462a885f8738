package vnetdesk.ui.user;

import java.util.List;
import java.util.concurrent.Callable;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.AclRule;
import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.service.UserService.GroupInfo;
import vnetdesk.service.UserService.UserInfo;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Users & Groups view: users, groups and ACL rules, and the changes an
 * administrator makes to them. A normal user sees the lists; a change they may
 * not make is refused by the service and the refusal is shown.
 */
public final class UsersViewModel {

    private record Lists(List<UserInfo> users, List<GroupInfo> groups, List<AclRule> acls) {
    }

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final ObservableList<UserInfo> users = FXCollections.observableArrayList();
    private final ObservableList<GroupInfo> groups = FXCollections.observableArrayList();
    private final ObservableList<AclRule> acls = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);

    public UsersViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    public void reload() {
        runner.run("Loading users and groups", () -> new Lists(inventory.users().users(), inventory.users().groups(),
                inventory.users().acls()), l -> {
                    users.setAll(l.users());
                    groups.setAll(l.groups());
                    acls.setAll(l.acls());
                    loaded.set(true);
                }, e -> dialogs.showError("Cannot load users and groups", e));
    }

    /** Asks for a name and a group and creates the user. */
    public void createUser() {
        dialogs.askText("New user", "Name of the new user (letters, digits, _ . @ -)", "").ifPresent(name ->
                dialogs.askChoice("New user", "Group of " + name, groups.stream().map(GroupInfo::name).toList(),
                        "users").ifPresent(group -> change("Creating user " + name, "Cannot create user " + name,
                                () -> inventory.users().createUser(actor, name, group))));
    }

    public void changeGroup(UserInfo user) {
        dialogs.askChoice("Change group", "New group of user " + user.name(),
                groups.stream().map(GroupInfo::name).toList(), user.groupName())
                .filter(g -> !g.equals(user.groupName()))
                .ifPresent(group -> change("Moving user " + user.name(), "Cannot change the group of " + user.name(),
                        () -> {
                            inventory.users().chgrp(actor, user.name(), group);
                            return null;
                        }));
    }

    public void deleteUser(UserInfo user) {
        if (dialogs.confirm("Delete user", "Delete user " + user.label() + "?")) {
            change("Deleting user " + user.name(), "Cannot delete user " + user.name(), () -> {
                inventory.users().deleteUser(actor, user.name());
                return null;
            });
        }
    }

    public void createGroup() {
        dialogs.askText("New group", "Name of the new group (letters, digits, _ . @ -)", "").ifPresent(name ->
                change("Creating group " + name, "Cannot create group " + name,
                        () -> inventory.users().createGroup(actor, name)));
    }

    public void deleteGroup(GroupInfo group) {
        if (dialogs.confirm("Delete group", "Delete group " + group.label() + "?")) {
            change("Deleting group " + group.name(), "Cannot delete group " + group.name(), () -> {
                inventory.users().deleteGroup(actor, group.name());
                return null;
            });
        }
    }

    /** Asks for a rule in OpenNebula's syntax and adds it; a bad rule is explained by the error. */
    public void addAcl() {
        dialogs.askText("New ACL rule", "Rule as USER RESOURCE RIGHTS, e.g. @1 VNTEMPLATE/* CREATE or #5 NET/#3 USE",
                "").filter(t -> !t.isBlank()).ifPresent(text -> change("Adding ACL rule", "Cannot add the ACL rule",
                        () -> inventory.users().addAcl(actor, text)));
    }

    public void deleteAcl(AclRule rule) {
        if (dialogs.confirm("Delete ACL rule", "Delete rule " + rule.id() + ": " + rule.text() + "?")) {
            change("Deleting ACL rule " + rule.id(), "Cannot delete ACL rule " + rule.id(), () -> {
                inventory.users().deleteAcl(actor, rule.id());
                return null;
            });
        }
    }

    private void change(String title, String failure, Callable<?> call) {
        runner.run(title, call, r -> reload(), e -> dialogs.showError(failure, e));
    }

    public ObservableList<UserInfo> users() {
        return users;
    }

    public ObservableList<GroupInfo> groups() {
        return groups;
    }

    public ObservableList<AclRule> acls() {
        return acls;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public Actor actor() {
        return actor;
    }
}
