package vnetdesk.ui.common;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

import vnetdesk.model.Actor;
import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.service.OwnedObjectService;
import vnetdesk.service.UserService;
import vnetdesk.service.UserService.GroupInfo;
import vnetdesk.service.UserService.UserInfo;

/**
 * The console's actions on one whole object, the same for every kind — rename,
 * clone, delete, lock, unlock, change owner, change permissions: each asks
 * what it needs through {@link Dialogs}, calls the kind's
 * {@link OwnedObjectService} through the {@link TaskRunner}, explains a
 * refusal in an error dialog, and tells the view what to refresh.
 */
public final class OwnedObjectActions {

    /**
     * The object an action is about, as its view shows it. {@code deleteNote}
     * is added to the delete question: why a delete may be refused, or what stays.
     */
    public record Target(int id, String name, String owner, String group, String deleteNote) {

        /** "id:name" as shown next to every object. */
        public String label() {
            return id + ":" + name;
        }
    }

    /**
     * What the view does afterwards: {@code created} gets the id of a copy,
     * {@code changed} that of a renamed, locked, unlocked, re-owned or chmodded
     * object, {@code deleted} runs after a delete.
     */
    public record Followup(IntConsumer created, IntConsumer changed, Runnable deleted) {
    }

    /** Users and groups, read together for the change-owner questions. */
    private record Owners(List<UserInfo> users, List<GroupInfo> groups) {
    }

    private final OwnedObjectService service;
    private final UserService users;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final Followup followup;
    private final String noun;

    public OwnedObjectActions(OwnedObjectService service, UserService users, Actor actor, TaskRunner runner,
                              Dialogs dialogs, Followup followup) {
        this.service = service;
        this.users = users;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.followup = followup;
        this.noun = service.type().noun();
    }

    /** Whether this kind has Lock and Unlock (security groups have not). */
    public boolean lockable() {
        return service.lockable();
    }

    public void rename(Target t) {
        dialogs.askText("Rename " + noun, "New name of " + t.label(), t.name())
                .filter(name -> !name.equals(t.name()))
                .ifPresent(name -> change("Renaming", t, "rename", () -> service.rename(actor, ref(t), name)));
    }

    /** Copies the object under a name the user gives, owned by the user. */
    public void cloneObject(Target t) {
        // OpenNebula's Sunstone proposes the same name for a copy
        dialogs.askText("Clone " + noun, "Name of the copy of " + t.label(), "Copy of " + t.name())
                .ifPresent(name -> runner.run("Cloning " + noun + " " + t.id(),
                        () -> service.clone(actor, ref(t), name), followup.created()::accept,
                        e -> dialogs.showError("Cannot clone " + t.label(), e)));
    }

    /** Deletes after asking; a refusal (in use, locked, no right) is explained in the error dialog. */
    public void delete(Target t) {
        if (!dialogs.confirm("Delete " + noun, "Delete " + noun + " " + t.label() + "?" + t.deleteNote())) {
            return;
        }
        runner.run("Deleting " + noun + " " + t.id(), () -> {
            service.delete(actor, ref(t));
            return t.id();
        }, id -> {
            dialogs.notify(capitalised(noun) + " " + t.label() + " deleted");
            followup.deleted().run();
        }, e -> dialogs.showError("Cannot delete " + t.label(), e));
    }

    /**
     * Locks at MANAGE: update and delete are refused, while VMs keep using the object. OpenNebula's
     * CLI locks at USE (level 1) by default, and so does {@code vnet lock} without {@code --level};
     * the console's button protects against edits without stopping the VMs' leases.
     */
    public void lock(Target t) {
        change("Locking", t, "lock", () -> service.lock(actor, ref(t), LockLevel.MANAGE));
    }

    public void unlock(Target t) {
        change("Unlocking", t, "unlock", () -> service.unlock(actor, ref(t)));
    }

    /**
     * Reads the users and groups, asks for the new owner and then the group
     * (the current group while the owner stays, else the new owner's group),
     * and changes them unless both stay.
     */
    public void changeOwner(Target t) {
        runner.run("Reading users and groups", () -> new Owners(users.users(), users.groups()),
                owners -> askOwner(t, owners), e -> dialogs.showError("Cannot read the users", e));
    }

    private void askOwner(Target t, Owners owners) {
        Optional<String> user = dialogs.askChoice("Change owner", "New owner of " + t.label(),
                owners.users().stream().map(UserInfo::name).toList(), t.owner());
        if (user.isEmpty()) {
            return;
        }
        String proposedGroup = user.get().equals(t.owner()) ? t.group() : owners.users().stream()
                .filter(u -> u.name().equals(user.get())).map(UserInfo::groupName).findFirst().orElse(t.group());
        Optional<String> group = dialogs.askChoice("Change owner", "New group of " + t.label(),
                owners.groups().stream().map(GroupInfo::name).toList(), proposedGroup);
        if (group.isEmpty() || user.get().equals(t.owner()) && group.get().equals(t.group())) {
            return;
        }
        runner.run("Changing the owner of " + noun + " " + t.id(), () -> {
            service.chown(actor, ref(t), user, group);
            return t.id();
        }, id -> {
            dialogs.notify(capitalised(noun) + " " + t.label() + " now belongs to " + user.get() + " / " + group.get());
            followup.changed().accept(id);
        }, e -> dialogs.showError("Cannot change the owner of " + t.label(), e));
    }

    /** Sets the permissions (a General tab's grid). */
    public void changePermissions(Target t, Permissions to) {
        change("Changing the permissions of", t, "change the permissions of", () -> service.chmod(actor, ref(t), to));
    }

    /** A service call that changes the object in place; {@code changed} gets its id afterwards. */
    private void change(String doing, Target t, String verb, Runnable call) {
        Callable<Integer> work = () -> {
            call.run();
            return t.id();
        };
        runner.run(doing + " " + noun + " " + t.id(), work, followup.changed()::accept,
                e -> dialogs.showError("Cannot " + verb + " " + t.label(), e));
    }

    private static ObjectRef ref(Target t) {
        return ObjectRef.id(t.id());
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
