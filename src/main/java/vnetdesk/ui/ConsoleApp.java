package vnetdesk.ui;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.ui.common.FxDialogs;
import vnetdesk.ui.common.FxTaskRunner;

/**
 * The console application: opens the inventory and user given to
 * {@link ConsoleLauncher} (options, else {@code VNETDESK_DATA} or the default,
 * {@code VNETDESK_USER}) and the remembered settings on the worker thread,
 * then shows the main window.
 */
public final class ConsoleApp extends Application {

    /** What the worker opened before the window is built. */
    private record Opened(Inventory inventory, Actor actor, ConsolePrefs prefs) {
    }

    /**
     * With {@code -Dvnetdesk.startupProbe=true} the console prints the JVM uptime at the moment its networks
     * table is first filled, then quits: the start-up benchmark's measuring point.
     */
    static final String STARTUP_PROBE = "vnetdesk.startupProbe";

    /** How often the console looks for changes other processes made (besides when its window gets the focus). */
    private static final javafx.util.Duration OUTSIDE_CHANGES_EVERY = javafx.util.Duration.seconds(10);

    private FxTaskRunner runner;
    private Inventory inventory;
    private ConsolePrefs prefs;
    private ConsoleHosts hosts;

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner();
        // the opening screen in the light theme; the main window then shows the one chosen (View → Theme)
        Themes.apply(false);
        Label message = new Label("Opening the inventory…");
        VBox box = new VBox(12, new ProgressIndicator(), message);
        box.setPadding(new Insets(30));
        stage.setTitle("vnetdesk");
        stage.setScene(new Scene(box, 420, 160));
        stage.show();
        Map<String, String> env = Map.copyOf(System.getenv());
        ConsoleLauncher.Start start = ConsoleLauncher.start();
        runner.run("Opening the inventory", () -> {
            Inventory inv = ConsoleLauncher.takeInventory();
            try {
                Actor actor = inv.actor(start.userName());
                return new Opened(inv, actor, ConsolePrefs.load("vnetdesk/console"));
            } catch (RuntimeException e) {
                inv.close();
                throw e;
            }
        }, opened -> {
            inventory = opened.inventory();
            prefs = opened.prefs();
            FxDialogs dialogs = new FxDialogs(stage);
            hosts = new ConsoleHosts(inventory, ConsoleHosts.Settings.in(start.location().filesDirectory(env), env),
                    dialogs, Platform::runLater);
            ConsoleSession session = new ConsoleSession(stage, inventory, runner, dialogs, prefs, hosts);
            MainWindow window = session.open(opened.actor());
            session.watchOutsideChanges(OUTSIDE_CHANGES_EVERY);
            if (Boolean.getBoolean(STARTUP_PROBE)) {
                reportStartupWhenUsable(window);
            }
        }, e -> {
            new FxDialogs(stage).showError("The inventory could not be opened", e);
            Platform.exit();
        });
    }

    private static void reportStartupWhenUsable(MainWindow window) {
        window.networksLoadedProperty().addListener((o, was, now) -> {
            if (now) {
                // after the next pulse the filled table has been laid out and drawn
                Platform.runLater(() -> {
                    long ms = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
                    System.out.println("vnetdesk-startup-ms " + ms);
                    Platform.exit();
                });
            }
        });
    }

    @Override
    public void stop() throws Exception {
        // work on hosts is told to stop and allowed to end: a host in the middle of an apply finishes or rolls
        // back, and its outcome is recorded, before the SSH client and the inventory are closed under it
        if (hosts != null) {
            hosts.closing();
        }
        runner.cancelStarted();
        if (!runner.awaitPool(2, TimeUnit.MINUTES)) {
            System.getLogger(ConsoleApp.class.getName()).log(System.Logger.Level.WARNING,
                    "host work still running after 2 minutes; closing anyway");
        }
        // closing the database and saving settings are I/O: done on the worker, after queued work
        runner.runLastAndWait(() -> {
            if (prefs != null) {
                prefs.flush();
            }
            if (hosts != null) {
                hosts.close();
            }
            if (inventory != null) {
                inventory.close();
            }
        }, 30, TimeUnit.SECONDS);
        runner.close();
    }
}
