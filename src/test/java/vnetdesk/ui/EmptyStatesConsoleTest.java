package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;

/** An empty table says why it is empty: a filter with no match is not "no networks yet" or "all free" (issue 13). */
@ExtendWith(ApplicationExtension.class)
class EmptyStatesConsoleTest {

    @TempDir
    static Path root;
    private static int instance;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, root.resolve("inv-" + instance++));
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    private static String placeholder(FxRobot robot, String table) {
        return ((Label) ((TableView<?>) ConsoleFixture.node(robot, table)).getPlaceholder()).getText();
    }

    @Test
    void aFilterWithNoMatchSaysSo(FxRobot robot) {
        console.inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 100 ]\n", "t"));
        console.inventory.leases().hold(Actor.ONEADMIN, ObjectRef.name("lan"), List.of("10.0.0.9"), Optional.empty());
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        console.selectNetwork(robot, "lan");
        ConsoleFixture.tab(robot, "Leases");
        TableView<?> leases = ConsoleFixture.node(robot, "#lease-table");
        ConsoleFixture.await("the hold is listed", () -> leases.getItems().size() == 1);
        robot.clickOn("#lease-filter").write("VM:99");
        console.idle(robot);
        assertEquals(0, leases.getItems().size());
        assertEquals("No lease matches \u201cVM:99\u201d.", placeholder(robot, "#lease-table"),
                "the network has a lease: not every address is free");

        robot.clickOn("#network-filter").write("nomatch");
        console.idle(robot);
        assertEquals(0, ((TableView<?>) ConsoleFixture.node(robot, "#network-table")).getItems().size());
        String empty = placeholder(robot, "#network-table");
        assertTrue(empty.contains("nomatch") && !empty.contains("yet"), empty);
    }
}
