package vnetdesk.ui.secgroup;

import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.service.Inventory;
import vnetdesk.service.UserService.GroupInfo;
import vnetdesk.service.UserService.UserInfo;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;

/**
 * Actions on a whole security group — delete, clone, rename, change owner,
 * change permissions — each asking what it needs through {@link Dialogs} and
 * calling the service through the {@link TaskRunner}.
 */
public final class SecurityGroupActions {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;

    public SecurityGroupActions(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    /** Deletes after asking; a refusal (a network uses it, the default group) is explained in the error dialog. */
    public void delete(SecurityGroupRow row, Runnable deleted) {
        String users = row.networks().isEmpty() ? ""
                : "\n\nIt is used by networks " + row.networks() + "; delete is refused until they drop it.";
        if (!dialogs.confirm("Delete security group", "Delete security group " + row.label() + "?" + users)) {
            return;
        }
        runner.run("Deleting security group " + row.id(), () -> {
            inventory.securityGroups().delete(actor, ObjectRef.id(row.id()));
            return row.id();
        }, id -> {
            dialogs.notify("Security group " + row.label() + " deleted");
            deleted.run();
        }, e -> dialogs.showError("Cannot delete " + row.label(), e));
    }

    /** Copies the group under a name the user gives; {@code created} gets the new id. */
    public void cloneGroup(SecurityGroupRow row, IntConsumer created) {
        dialogs.askText("Clone security group", "Name of the copy of " + row.label(), row.name() + "-copy")
                .ifPresent(name -> runner.run("Cloning security group " + row.id(),
                        () -> inventory.securityGroups().clone(actor, ObjectRef.id(row.id()), name),
                        created::accept, e -> dialogs.showError("Cannot clone " + row.label(), e)));
    }

    public void rename(SecurityGroupRow row, IntConsumer changed) {
        dialogs.askText("Rename security group", "New name of " + row.label(), row.name())
                .filter(n -> !n.equals(row.name()))
                .ifPresent(name -> runner.run("Renaming security group " + row.id(), () -> {
                    inventory.securityGroups().rename(actor, ObjectRef.id(row.id()), name);
                    return row.id();
                }, changed::accept, e -> dialogs.showError("Cannot rename " + row.label(), e)));
    }

    /** Reads the users and groups, asks for the new owner and then the new group, and changes both. */
    public void chown(SecurityGroupRow row, IntConsumer changed) {
        runner.run("Reading users and groups", () -> new Names(inventory.users().users(), inventory.users().groups()),
                names -> askOwner(row, names, changed), e -> dialogs.showError("Cannot read the users", e));
    }

    private record Names(List<UserInfo> users, List<GroupInfo> groups) {
    }

    private void askOwner(SecurityGroupRow row, Names names, IntConsumer changed) {
        Optional<String> user = dialogs.askChoice("Change owner", "New owner of " + row.label(),
                names.users().stream().map(UserInfo::name).toList(), row.owner());
        if (user.isEmpty()) {
            return;
        }
        String initialGroup = row.owner().equals(user.get()) ? row.group() : names.users().stream()
                .filter(u -> u.name().equals(user.get())).map(UserInfo::groupName).findFirst().orElse(row.group());
        Optional<String> group = dialogs.askChoice("Change owner", "New group of " + row.label(),
                names.groups().stream().map(GroupInfo::name).toList(), initialGroup);
        if (group.isEmpty()) {
            return;
        }
        runner.run("Changing the owner of security group " + row.id(), () -> {
            inventory.securityGroups().chown(actor, ObjectRef.id(row.id()), user, group);
            return row.id();
        }, id -> {
            dialogs.notify("Security group " + row.label() + " now belongs to " + user.get() + " / " + group.get());
            changed.accept(id);
        }, e -> dialogs.showError("Cannot change the owner of " + row.label(), e));
    }

    /** Sets the permissions of group {@code id} (the General tab's grid). */
    public void chmod(int id, Permissions permissions, IntConsumer changed) {
        runner.run("Changing the permissions of security group " + id, () -> {
            inventory.securityGroups().chmod(actor, ObjectRef.id(id), permissions);
            return id;
        }, changed::accept, e -> dialogs.showError("Cannot change the permissions of security group " + id, e));
    }
}
