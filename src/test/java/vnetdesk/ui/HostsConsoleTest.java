package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javafx.stage.Stage;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.ui.host.HistoryRow;
import vnetdesk.ui.host.HostRow;

/**
 * The Hosts section in the real main window, headless: New host with a key
 * file, a refused port shown on its field, Edit to the ssh-agent, the status
 * bar's count of hosts with pending changes, and the History tab.
 */
@ExtendWith(ApplicationExtension.class)
class HostsConsoleTest {

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

    private HostConnection stored(String name) {
        return console.inventory.hosts().show(Actor.ONEADMIN, ObjectRef.name(name)).host().connection();
    }

    private static String text(FxRobot robot, String id) {
        return ((Label) ConsoleFixture.node(robot, id)).getText();
    }

    @Test
    void newHostWithAKeyFileThenEditToTheAgentAndTheStatusBarCountsItsPendingChanges(FxRobot robot) {
        console.idle(robot);
        assertEquals("0 hosts with pending changes", text(robot, "#status-pending-hosts"));
        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith("Hosts")).queryAs(Node.class));
        console.idle(robot);
        robot.clickOn("#host-new");
        ConsoleFixture.await("the New host dialog", () -> robot.lookup("#host-form-name").tryQuery().isPresent());
        console.idle(robot);
        robot.clickOn("#host-form-name").write("kvm1");
        robot.clickOn("#host-form-address").write("10.0.0.5");
        robot.doubleClickOn("#host-form-port").write("0");
        robot.clickOn("#host-form-identity-key");
        robot.clickOn("#host-form-key").write("/home/op/.ssh/id_ed25519");
        robot.clickOn("#host-form-ok");
        console.idle(robot);
        assertTrue(text(robot, "#error-PORT").startsWith("PORT: invalid value \"0\""), text(robot, "#error-PORT"));
        assertTrue(robot.lookup("#host-dialog").tryQuery().isPresent(), "a refusal keeps the dialog open");

        robot.doubleClickOn("#host-form-port").write("2222");
        robot.clickOn("#host-form-ok");
        console.idle(robot);
        ConsoleFixture.await("the dialog closed", () -> robot.lookup("#host-dialog").tryQuery().isEmpty());
        assertEquals(new HostConnection(2222, "root", new HostConnection.Identity.KeyFile("/home/op/.ssh/id_ed25519")),
                stored("kvm1"));
        TableView<HostRow> table = ConsoleFixture.node(robot, "#host-table");
        ConsoleFixture.await("kvm1 listed and selected", () -> table.getItems().size() == 1
                && text(robot, "#host-title").endsWith(":kvm1"));
        assertEquals("10.0.0.5:2222", table.getItems().get(0).addressText());
        assertEquals("/home/op/.ssh/id_ed25519", text(robot, "#host-identity"));
        assertEquals("yes", text(robot, "#host-pending"));
        assertEquals("1 host with pending changes", text(robot, "#status-pending-hosts"));

        robot.clickOn("#host-edit");
        ConsoleFixture.await("the Edit dialog", () -> robot.lookup("#host-form-address").tryQuery().isPresent());
        assertTrue(robot.lookup("#host-form-name").tryQuery().isEmpty(), "Edit does not rename");
        robot.clickOn("#host-form-identity-agent");
        robot.clickOn("#host-form-ok");
        console.idle(robot);
        ConsoleFixture.await("the identity shown", () -> text(robot, "#host-identity").equals("ssh-agent"));
        assertEquals(new HostConnection(2222, "root", HostConnection.Identity.AGENT), stored("kvm1"));

        Instant now = Instant.now();
        console.inventory.hosts().recordOutcome(Actor.ONEADMIN, ObjectRef.name("kvm1"), new HostApplyOutcome(now,
                now, HostApplyOutcome.Result.FAILED_ROLLED_BACK, Optional.of(3), "RTNETLINK answers: File exists", 7));
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        ConsoleFixture.tab(robot, "History");
        TableView<HistoryRow> history = ConsoleFixture.node(robot, "#host-history");
        ConsoleFixture.await("the outcome listed", () -> history.getItems().size() == 1);
        robot.clickOn(robot.lookup("#host-history .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "FAILED_ROLLED_BACK".equals(c.getText())).queryAs(Node.class));
        assertEquals("RTNETLINK answers: File exists",
                ((TextArea) ConsoleFixture.node(robot, "#host-history-message")).getText());
        assertTrue(table.getItems().get(0).lastApplyText().startsWith("FAILED_ROLLED_BACK at step 3 · "));
    }
}
