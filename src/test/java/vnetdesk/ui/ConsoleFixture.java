package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import vnetdesk.model.Actor;
import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.FxDialogs;
import vnetdesk.ui.common.FxTaskRunner;

/**
 * The real main window on an inventory in a temp folder, for TestFX tests:
 * real task runner (worker thread), real dialogs, preferences under a test
 * node so a developer's window settings are never touched.
 */
final class ConsoleFixture {

    final Inventory inventory;
    final FxTaskRunner runner;
    final Stage stage;
    final ConsoleSession session;
    final ConsoleHosts hosts;
    final String prefsNode;

    ConsoleFixture(Stage stage, Path dir) {
        this.stage = stage;
        this.inventory = Inventory.openDirectory(dir);
        this.runner = new FxTaskRunner();
        this.prefsNode = "vnetdesk-test/" + dir.getFileName() + "-" + java.util.UUID.randomUUID();
        ConsolePrefs prefs = ConsolePrefs.load(prefsNode);
        FxDialogs dialogs = new FxDialogs(stage);
        this.hosts = new ConsoleHosts(inventory, ConsoleHosts.Settings.in(dir.resolve("console-files"), Map.of()),
                dialogs, Platform::runLater);
        this.session = new ConsoleSession(stage, inventory, runner, dialogs, prefs, hosts);
        session.open(Actor.ONEADMIN);
    }

    void close() throws Exception {
        runner.runLastAndWait(() -> {
            hosts.close();
            inventory.close();
        }, 30, TimeUnit.SECONDS);
        runner.close();
        Platform.runLater(stage::close);
        WaitForAsyncUtils.waitForFxEvents();
        java.util.prefs.Preferences.userRoot().node(prefsNode).removeNode();
    }

    /** Waits (without sleeping a fixed time) until the condition holds on the FX thread. */
    static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /** Waits until the background work is done and the FX thread has shown the results. */
    void idle(FxRobot robot) {
        await("the console is idle", () -> runner.running().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T extends Node> T node(FxRobot robot, String query) {
        T n = robot.lookup(query).query();
        assertTrue(n != null, "no node " + query);
        return n;
    }

    /** Clicks the cell showing {@code text} in the table {@code tableId} (e.g. "#network-table"). */
    static void clickCell(FxRobot robot, String tableId, String text) {
        robot.clickOn(robot.lookup(tableId + " .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> text.equals(c.getText())).queryAs(Node.class));
    }

    /** Clicks a tab of the network view by its label (a column header may carry the same word). */
    static void tab(FxRobot robot, String label) {
        robot.clickOn(robot.lookup(".tab-pane .tab-label")
                .match((javafx.scene.control.Label l) -> label.equals(l.getText())).queryAs(Node.class));
    }

    /** Clicks network {@code name} in the table and waits until the detail shows it. */
    void selectNetwork(FxRobot robot, String name) {
        clickCell(robot, "#network-table", name);
        idle(robot);
        await("network " + name + " shown", () -> ((javafx.scene.control.Label) robot.lookup("#detail-title").query())
                .getText().endsWith(":" + name));
    }
}
