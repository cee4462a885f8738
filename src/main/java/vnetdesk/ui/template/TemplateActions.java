package vnetdesk.ui.template;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

import vnetdesk.model.Actor;
import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.UserService.GroupInfo;
import vnetdesk.service.UserService.UserInfo;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;

/**
 * The action-bar operations on one whole template — clone, rename, lock,
 * unlock, change owner, delete: ask what is needed through {@link Dialogs},
 * run the service call in the background, explain a refusal in an error dialog.
 */
public final class TemplateActions {

    /** Users and groups, read together for the change-owner questions. */
    private record Owners(List<UserInfo> users, List<GroupInfo> groups) {
    }

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final IntConsumer created;
    private final IntConsumer changed;
    private final Runnable deleted;

    /**
     * {@code created} gets the id of a clone, {@code changed} that of a renamed,
     * locked, unlocked or re-owned template; {@code deleted} runs after a delete.
     */
    public TemplateActions(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs, IntConsumer created,
                           IntConsumer changed, Runnable deleted) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.created = created;
        this.changed = changed;
        this.deleted = deleted;
    }

    public void cloneTemplate(TemplateRow row) {
        dialogs.askText("Clone network template", "Name of the copy of " + row.id() + ":" + row.name(),
                        "Copy of " + row.name())
                .ifPresent(name -> runner.run("Cloning network template " + row.id(),
                        () -> inventory.templates().clone(actor, ref(row), name), created::accept,
                        e -> dialogs.showError("Cannot clone " + row.name(), e)));
    }

    public void rename(TemplateRow row) {
        dialogs.askText("Rename network template", "New name of " + row.id() + ":" + row.name(), row.name())
                .filter(n -> !n.equals(row.name()))
                .ifPresent(name -> change("Renaming", row, "rename", () -> {
                    inventory.templates().rename(actor, ref(row), name);
                    return row.id();
                }));
    }

    public void lock(TemplateRow row) {
        change("Locking", row, "lock", () -> {
            inventory.templates().lock(actor, ref(row), LockLevel.MANAGE);
            return row.id();
        });
    }

    public void unlock(TemplateRow row) {
        change("Unlocking", row, "unlock", () -> {
            inventory.templates().unlock(actor, ref(row));
            return row.id();
        });
    }

    /** Asks for the new owner user, then the group (the chosen user's group first), and runs chown. */
    public void changeOwner(TemplateRow row) {
        runner.run("Reading users and groups", () -> new Owners(inventory.users().users(), inventory.users().groups()),
                owners -> askOwner(row, owners), e -> dialogs.showError("Cannot read the users", e));
    }

    private void askOwner(TemplateRow row, Owners owners) {
        Optional<String> user = dialogs.askChoice("Change owner", "New owner of " + row.id() + ":" + row.name(),
                owners.users().stream().map(UserInfo::name).toList(), row.owner());
        if (user.isEmpty()) {
            return;
        }
        String userGroup = owners.users().stream().filter(u -> u.name().equals(user.get())).findFirst()
                .map(UserInfo::groupName).orElse(row.group());
        Optional<String> group = dialogs.askChoice("Change owner", "Group of " + row.id() + ":" + row.name(),
                owners.groups().stream().map(GroupInfo::name).toList(), userGroup);
        if (group.isEmpty()) {
            return;
        }
        change("Changing the owner of", row, "change the owner of", () -> {
            inventory.templates().chown(actor, ref(row), user, group);
            return row.id();
        });
    }

    /** Deletes after asking; a refusal (a lock, missing rights) is explained in the error dialog. */
    public void delete(TemplateRow row) {
        if (!dialogs.confirm("Delete network template", "Delete network template " + row.id() + ":" + row.name()
                + "? Networks made from it stay.")) {
            return;
        }
        runner.run("Deleting network template " + row.id(), () -> {
            inventory.templates().delete(actor, ref(row));
            return row.id();
        }, id -> deleted.run(), e -> dialogs.showError("Cannot delete " + row.name(), e));
    }

    private void change(String doing, TemplateRow row, String verb, Callable<Integer> work) {
        runner.run(doing + " network template " + row.id(), work, changed::accept,
                e -> dialogs.showError("Cannot " + verb + " " + row.name(), e));
    }

    private static ObjectRef ref(TemplateRow row) {
        return ObjectRef.id(row.id());
    }
}
