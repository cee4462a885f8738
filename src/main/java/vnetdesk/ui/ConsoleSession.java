package vnetdesk.ui;

import java.util.Optional;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Stage;
import javafx.util.Duration;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.ConsoleHosts;

/**
 * The console acting as one user at a time: opens the main window for a user
 * and, when the user switches, builds it again for the new one (every view
 * and every service call then acts as that user).
 */
public final class ConsoleSession {

    private final Stage stage;
    private final Inventory inventory;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final ConsolePrefs prefs;
    private final ConsoleHosts hosts;
    private final ReadOnlyObjectWrapper<MainWindow> window = new ReadOnlyObjectWrapper<>();

    /** {@code hosts} is the console's door to its hosts, kept across user switches (closed by the application). */
    public ConsoleSession(Stage stage, Inventory inventory, TaskRunner runner, Dialogs dialogs, ConsolePrefs prefs,
                          ConsoleHosts hosts) {
        this.hosts = hosts;
        this.stage = stage;
        this.inventory = inventory;
        this.runner = runner;
        this.dialogs = dialogs;
        this.prefs = prefs;
    }

    /** Builds and shows the main window acting as {@code actor}. */
    public MainWindow open(Actor actor) {
        MainWindow w = new MainWindow(stage, inventory, actor, runner, dialogs, prefs, hosts, this::switchTo);
        window.set(w);
        w.show();
        return w;
    }

    /**
     * Reads the lists (and the network shown) again when another process
     * changed the inventory: checked when the window gets the focus and every
     * {@code every} while it is shown.
     */
    public void watchOutsideChanges(Duration every) {
        OutsideChanges changes = new OutsideChanges(inventory, runner,
                () -> Optional.ofNullable(window.get()).ifPresent(MainWindow::reloadAfterOutsideChange));
        changes.check();
        stage.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                changes.check();
            }
        });
        Timeline timer = new Timeline(new KeyFrame(every, e -> changes.check()));
        timer.setCycleCount(Animation.INDEFINITE);
        timer.play();
        stage.showingProperty().addListener((o, was, now) -> {
            if (!now) {
                timer.stop();
            }
        });
    }

    /** Looks the user up in the background and reopens the window as that user. */
    void switchTo(String userName) {
        runner.run("Switching to user " + userName, () -> inventory.actor(userName), this::open,
                e -> dialogs.showError("Cannot switch to user " + userName, e));
    }

    /** The window on screen (replaced on every switch). */
    public ReadOnlyObjectProperty<MainWindow> windowProperty() {
        return window.getReadOnlyProperty();
    }
}
