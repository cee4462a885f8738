package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.FxDialogs;
import vnetdesk.ui.common.FxTaskRunner;
import vnetdesk.ui.common.TaskHandle;

/** The status bar shows the running task's progress and message, the queue, and cancels a stoppable task. */
@ExtendWith(ApplicationExtension.class)
class StatusBarTest {

    @TempDir
    static Path root;
    private static int instance;
    private Inventory inventory;
    private FxTaskRunner runner;
    private Stage stage;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        inventory = Inventory.openDirectory(root.resolve("inv-" + instance++));
        runner = new FxTaskRunner();
        StatusBar bar = new StatusBar(inventory, Actor.ONEADMIN, runner, new FxDialogs(stage), name -> { },
                new javafx.beans.property.SimpleStringProperty("0 hosts with pending changes"));
        stage.setScene(new Scene(new BorderPane(null, null, null, bar.node(), null), 900, 100));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        gate.countDown();
        runner.runLastAndWait(inventory::close, 30, TimeUnit.SECONDS);
        runner.close();
        Platform.runLater(stage::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsTheProgressAndMessageOfARunningTaskAndItsCancelStopsIt(FxRobot robot) throws Exception {
        TaskHandle apply = WaitForAsyncUtils.asyncFx(() -> runner.runOnPool("Applying to 4 hosts", progress -> {
            progress.report(1, 4, "host 1 of 4");
            gate.await();
            return "applied";
        }, result -> calls.add("success"), e -> calls.add("failure"), () -> calls.add("cancelled"))).get();
        Label task = ConsoleFixture.node(robot, "#status-task");
        ProgressBar progress = ConsoleFixture.node(robot, "#status-progress");
        Label message = ConsoleFixture.node(robot, "#status-message");
        Button cancel = ConsoleFixture.node(robot, "#status-cancel");
        ConsoleFixture.await("the task and its progress are shown",
                () -> task.getText().equals("Applying to 4 hosts…") && progress.getProgress() == 0.25
                        && message.getText().equals("host 1 of 4") && cancel.isVisible());

        robot.clickOn(cancel);
        ConsoleFixture.await("the task is cancelled", () -> apply.state() == TaskHandle.State.CANCELLED);
        ConsoleFixture.await("the bar is idle", () -> task.getText().equals("Ready") && message.getText().isEmpty()
                && !cancel.isVisible() && !progress.isVisible());
        assertEquals(List.of("cancelled"), calls);
    }

    @Test
    void aPlainTaskShowsAnIndeterminateBarTheQueueAndNoCancel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            runner.run("Reading the inventory", () -> gate.await(10, TimeUnit.SECONDS),
                    result -> calls.add("read"), e -> calls.add("read failure"));
            runner.run("Reading users", () -> "users", result -> calls.add(result), e -> calls.add("users failure"));
        }).get();
        Label task = ConsoleFixture.node(robot, "#status-task");
        ProgressBar progress = ConsoleFixture.node(robot, "#status-progress");
        Button cancel = ConsoleFixture.node(robot, "#status-cancel");
        ConsoleFixture.await("the running task and the queue are shown",
                () -> task.getText().equals("Reading the inventory (+1 queued)…"));
        assertEquals(ProgressBar.INDETERMINATE_PROGRESS, progress.getProgress());
        assertFalse(cancel.isVisible(), "a plain task, once started, runs to its end");
        gate.countDown();
        ConsoleFixture.await("both tasks ended", () -> task.getText().equals("Ready"));
        assertEquals(List.of("read", "users"), calls);
    }
}
