package vnetdesk.ui;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.service.UserService;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskHandle;
import vnetdesk.ui.common.TaskRunner;

/**
 * The main window's status bar: inventory location, the user the console
 * acts as (a menu to switch), pending host changes, and the background work
 * (title and queue count, progress, message, Cancel).
 */
final class StatusBar {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final Consumer<String> switchTo;
    private final ObservableStringValue pendingHosts;

    /**
     * {@code switchTo} reopens the console as the named user (after unsaved
     * edits are dealt with); {@code pendingHosts} is the Hosts section's "N
     * hosts with pending changes".
     */
    StatusBar(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs, Consumer<String> switchTo,
              ObservableStringValue pendingHosts) {
        this.pendingHosts = pendingHosts;
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.switchTo = switchTo;
    }

    Node node() {
        Label location = new Label("Inventory: " + inventory.location());
        location.setId("status-location");
        MenuButton user = userSwitcher();
        Label hosts = new Label();
        hosts.setId("status-pending-hosts");
        hosts.textProperty().bind(pendingHosts);
        hosts.setTooltip(new Tooltip("Hosts whose desired state changed since their last successful apply, among"
                + " those you may manage; counted when the Hosts section is shown or refreshed and after an edit."));
        Label task = new Label();
        task.setId("status-task");
        task.textProperty().bind(Bindings.createStringBinding(() -> runner.running().get() == 0 ? "Ready"
                : runner.currentTitle().get() + (runner.running().get() > 1
                ? " (+" + (runner.running().get() - 1) + " queued)" : "") + "…",
                runner.running(), runner.currentTitle()));
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("status-progress");
        progress.setPrefWidth(90);
        progress.visibleProperty().bind(runner.running().greaterThan(0));
        Label message = new Label();
        message.setId("status-message");
        Button cancel = new Button("Cancel");
        cancel.setId("status-cancel");
        cancel.setTooltip(new Tooltip("Ask this task to stop; it stops at its next step."));
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> runner.currentTask().get().ifPresent(TaskHandle::cancel));
        follow(runner.currentTask().get(), progress, message, cancel);
        runner.currentTask().addListener((o, was, now) -> follow(now, progress, message, cancel));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(16, location, new Separator(javafx.geometry.Orientation.VERTICAL), user,
                new Separator(javafx.geometry.Orientation.VERTICAL), hosts, grow, progress, task, message, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /**
     * Shows the task the runner shows: its fraction (indeterminate until it
     * reports one), its message, and Cancel while a stoppable task runs.
     */
    private static void follow(Optional<TaskHandle> task, ProgressBar progress, Label message, Button cancel) {
        progress.progressProperty().unbind();
        message.textProperty().unbind();
        cancel.visibleProperty().unbind();
        if (task.isEmpty()) {
            progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
            message.setText("");
            cancel.setVisible(false);
            return;
        }
        TaskHandle t = task.get();
        progress.progressProperty().bind(t.progressProperty());
        message.textProperty().bind(Bindings.when(t.stateProperty().isEqualTo(TaskHandle.State.CANCELLING))
                .then("Cancelling…").otherwise(t.messageProperty()));
        cancel.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> t.isStoppable() && t.state() == TaskHandle.State.RUNNING, t.stateProperty()));
    }

    /**
     * "User: NAME" in the status bar; its menu lists the users (read when it
     * opens) and switches after unsaved edits are dealt with.
     */
    private MenuButton userSwitcher() {
        MenuButton user = new MenuButton("User: " + actor.name());
        user.setId("status-user");
        user.setTooltip(new Tooltip("The console acts as this user: every action is checked against its rights."
                + " Pick another user to act as them."));
        MenuItem loading = new MenuItem("Reading users…");
        loading.setDisable(true);
        user.getItems().setAll(loading);
        user.setOnShowing(e -> runner.run("Reading users", () -> inventory.users().users(), users -> {
            user.getItems().clear();
            for (UserService.UserInfo u : users) {
                MenuItem item = new MenuItem(u.name() + "  (" + u.groupName() + ")");
                item.setId("switch-user-" + u.name());
                item.setDisable(u.id() == actor.uid());
                item.setOnAction(x -> switchTo.accept(u.name()));
                user.getItems().add(item);
            }
        }, x -> dialogs.showError("Cannot read the users", x)));
        return user;
    }
}
