package vnetdesk.ui.common;

import java.util.List;
import java.util.Optional;

import vnetdesk.model.Permissions;
import vnetdesk.service.Inventory;
import vnetdesk.service.UserService.GroupInfo;
import vnetdesk.service.UserService.UserInfo;

/**
 * chown and chmod from a General tab, the same for every kind of object:
 * the caller names the object and passes the service call; the users and
 * groups are read and the change made in the background.
 */
public final class OwnershipActions {

    /** The service call of one kind: {@code chown(ref, user, group)}. */
    @FunctionalInterface
    public interface Chown {
        void apply(Optional<String> user, Optional<String> group);
    }

    /** The service call of one kind: {@code chmod(ref, permissions)}. */
    @FunctionalInterface
    public interface Chmod {
        void apply(Permissions permissions);
    }

    private record Names(List<String> users, List<String> groups) {
    }

    private final Inventory inventory;
    private final TaskRunner runner;
    private final Dialogs dialogs;

    public OwnershipActions(Inventory inventory, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    /**
     * Asks for the new owner, then the new group (current ones preselected),
     * and runs {@code chown} unless nothing changed; {@code done} runs after a change.
     */
    public void changeOwner(String what, String currentUser, String currentGroup, Chown chown, Runnable done) {
        runner.run("Reading users and groups", () -> new Names(
                inventory.users().users().stream().map(UserInfo::name).toList(),
                inventory.users().groups().stream().map(GroupInfo::name).toList()), names -> {
                    Optional<String> user = dialogs.askChoice("Change owner", "New owner of " + what,
                            names.users(), currentUser);
                    if (user.isEmpty()) {
                        return;
                    }
                    Optional<String> group = dialogs.askChoice("Change owner", "New group of " + what,
                            names.groups(), currentGroup);
                    if (group.isEmpty() || user.get().equals(currentUser) && group.get().equals(currentGroup)) {
                        return;
                    }
                    runner.run("Changing the owner of " + what, () -> {
                        chown.apply(user, group);
                        return what;
                    }, w -> done.run(), e -> dialogs.showError("Cannot change the owner of " + what, e));
                }, e -> dialogs.showError("Cannot read the users", e));
    }

    /** Runs {@code chmod} with the permissions of the grid; {@code done} runs after the change. */
    public void changePermissions(String what, Permissions to, Chmod chmod, Runnable done) {
        runner.run("Changing the permissions of " + what, () -> {
            chmod.apply(to);
            return what;
        }, w -> done.run(), e -> dialogs.showError("Cannot change the permissions of " + what, e));
    }
}
