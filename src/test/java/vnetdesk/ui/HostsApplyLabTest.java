package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import vnetdesk.lab.Lab;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.ui.host.HostRunRow;
import vnetdesk.ui.host.PlanItem;

/**
 * Plan and Apply through the console against three real lab hosts: Plan
 * all shows each host's steps and, one toggle away, the real commands;
 * Apply shows each host's progress (one host slowed so it is caught in the
 * middle) and "3 applied"; with one host's sshd killed, Apply pending
 * reports that host's failure with its message while the others apply;
 * Retry failed after its sshd is back applies it; a new plan says
 * "nothing to do" everywhere. With {@code -Dvnetdesk.screenshots=DIR} it
 * writes host-plan.png, host-apply-progress.png and host-apply-summary.png.
 */
@ExtendWith(ApplicationExtension.class)
class HostsApplyLabTest {

    @TempDir
    static Path root;
    private static int instance;
    private Path dir;
    private ConsoleFixture console;
    private Lab lab;

    @Start
    void start(Stage stage) {
        dir = root.resolve("inv-" + instance++);
        stage.setWidth(1280);
        stage.setHeight(800);
        console = new ConsoleFixture(stage, dir);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
        if (lab != null) {
            lab.close();
        }
    }

    private static String text(FxRobot robot, String id) {
        return ((Label) ConsoleFixture.node(robot, id)).getText();
    }

    /** Waits until the label {@code id} shows {@code expected}; a timeout says what it showed. */
    private static void awaitText(FxRobot robot, String id, String expected) {
        try {
            ConsoleFixture.await(id + " saying " + expected, () -> robot.lookup(id).tryQuery().isPresent()
                    && text(robot, id).equals(expected));
        } catch (AssertionError e) {
            String shown = robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("(not shown)");
            List<String> rows = robot.lookup(".table-view").queryAllAs(TableView.class).stream()
                    .flatMap(t -> t.getItems().stream()).map(String::valueOf).toList();
            throw new AssertionError(id + " shows \"" + shown + "\", not \"" + expected + "\"; rows " + rows, e);
        }
    }

    private static void closeWindow(FxRobot robot, String button, String window) {
        javafx.geometry.Point2D at = robot.point(button).query();
        robot.clickOn(button);
        try {
            ConsoleFixture.await(window + " closed", () -> robot.lookup(window).tryQuery().isEmpty());
        } catch (AssertionError e) {
            String windows = javafx.stage.Window.getWindows().stream().map(w -> w.getX() + "," + w.getY() + " "
                    + w.getWidth() + "x" + w.getHeight() + " " + w.getScene().getRoot().getId() + " focused="
                    + w.isFocused()).toList().toString();
            throw new AssertionError("clicked at " + at + "; windows " + windows, e);
        }
    }

    private static HostRunRow row(TableView<HostRunRow> table, String host) {
        return table.getItems().stream().filter(r -> r.label().endsWith(":" + host)).findFirst().orElseThrow();
    }

    @Test
    void planAllApplyWithProgressAFailedHostRetriedAndNothingLeftToDo(FxRobot robot) throws Exception {
        LabPrerequisites.assumeLab();
        lab = Lab.start(3);
        ConsoleLab.register(console.inventory, lab, dir);
        ConsoleLab.network(console.inventory, "lan", "vdbr1", "10.0.0.1");
        for (int i = 0; i < 3; i++) {
            ConsoleLab.vm(console.inventory, lab, "vm" + i, "lan", i);
        }
        // kvm0's changing commands wait a little, so its progress is seen (and pictured) in the middle
        lab.prelude(lab.host(0), "case \"$SSH_ORIGINAL_COMMAND\" in *iptables-restore*|*\"link add\"*) sleep 1;; esac");
        ConsoleLab.hostsSection(robot, console);

        robot.clickOn("#host-plan-all");
        awaitText(robot, "#plan-summary", "3 with changes");
        TreeView<PlanItem> tree = ConsoleFixture.node(robot, "#plan-tree");
        List<TreeItem<PlanItem>> hosts = tree.getRoot().getChildren();
        assertEquals(3, hosts.size());
        for (TreeItem<PlanItem> host : hosts) {
            assertTrue(host.getValue().text().endsWith(" steps"), host.getValue().text());
            // grouped by what the changes are for (this host's NIC among them), then the steps in their order
            assertTrue(host.getChildren().stream().anyMatch(g -> g.getValue().kind() == PlanItem.Kind.GROUP
                    && g.getValue().text().startsWith("NIC one-")), host.getValue().text());
            assertTrue(host.getChildren().stream().flatMap(g -> g.getChildren().stream()).anyMatch(s ->
                    s.getValue().kind() == PlanItem.Kind.STEP && s.getValue().text().startsWith("1. ")),
                    host.getValue().text());
        }
        assertTrue(robot.lookup("#plan-commands").tryQuery().isEmpty(), "the commands are one click away");
        robot.clickOn("#plan-show-commands");
        TextArea commands = ConsoleFixture.node(robot, "#plan-commands");
        assertTrue(commands.getText().contains("ip link add"), commands.getText());
        assertTrue(commands.getText().contains("iptables-restore -w --noflush <<"), commands.getText());
        robot.clickOn(robot.lookup("#plan-tree .tree-cell").match((TreeCell<?> c) -> c.getText() != null
                && c.getText().startsWith("1. ")).queryAs(Node.class));
        String step = commands.getText();
        assertFalse(step.isBlank());
        assertTrue(hosts.get(0).getValue().commands().contains(step.split("\n")[0]), step);
        ConsoleLab.screenshot(tree.getScene(), "host-plan.png");

        robot.clickOn("#plan-apply");
        ConsoleFixture.await("the Apply window", () -> robot.lookup("#apply-table").tryQuery().isPresent());
        TableView<HostRunRow> table = ConsoleFixture.node(robot, "#apply-table");
        ConsoleFixture.await("kvm0 in the middle of its steps while another host is done", () ->
                row(table, "kvm0").state() == HostRunRow.State.RUNNING
                        && row(table, "kvm0").messageProperty().get().startsWith("step ")
                        && table.getItems().stream().anyMatch(r -> r.state() == HostRunRow.State.DONE));
        ConsoleLab.screenshot(table.getScene(), "host-apply-progress.png");
        awaitText(robot, "#apply-summary", "3 applied");
        table.getItems().forEach(r -> assertEquals("applied", r.phaseProperty().get(), r.toString()));
        lab.prelude(lab.host(0), "");
        closeWindow(robot, "#apply-close", "#apply-window");
        awaitText(robot, "#status-pending-hosts", "0 hosts with pending changes");

        LabHost down = lab.host(2);
        ProcessHandle.of(down.sshdPid()).orElseThrow().destroy();
        ProcessHandle.of(down.sshdPid()).ifPresent(p -> p.onExit().join());
        ConsoleLab.network(console.inventory, "lan2", "vdbr2", "10.2.0.1");
        for (int i = 0; i < 3; i++) {
            ConsoleLab.vm(console.inventory, lab, "web" + i, "lan2", i);
        }
        robot.clickOn("#tool-refresh");
        awaitText(robot, "#status-pending-hosts", "3 hosts with pending changes");
        robot.clickOn("#host-apply-pending");
        ConsoleLab.confirmYes(robot);
        awaitText(robot, "#apply-summary", "2 applied, 1 failed");
        TableView<HostRunRow> second = ConsoleFixture.node(robot, "#apply-table");
        assertEquals(HostRunRow.State.FAILED, row(second, "kvm2").state());
        assertEquals("unreachable", row(second, "kvm2").phaseProperty().get());
        ListView<String> failures = ConsoleFixture.node(robot, "#apply-failures");
        assertEquals(1, failures.getItems().size());
        assertTrue(failures.getItems().get(0).matches("\\d+:kvm2 — unreachable: .+"), failures.getItems().get(0));
        assertTrue(failures.getItems().get(0).contains(down.address() + ":" + down.port())
                || failures.getItems().get(0).toLowerCase().contains("refused"), failures.getItems().get(0));
        ConsoleLab.screenshot(second.getScene(), "host-apply-summary.png");

        lab.restartSshd(down);
        robot.clickOn("#apply-retry");
        awaitText(robot, "#apply-summary", "3 applied");
        assertEquals(HostRunRow.State.DONE, row(second, "kvm2").state());
        closeWindow(robot, "#apply-close", "#apply-window");
        awaitText(robot, "#status-pending-hosts", "0 hosts with pending changes");

        robot.clickOn("#host-plan-all");
        awaitText(robot, "#plan-summary", "3 in sync");
        TreeView<PlanItem> again = ConsoleFixture.node(robot, "#plan-tree");
        again.getRoot().getChildren().forEach(h -> assertTrue(h.getValue().text().endsWith(" — nothing to do"),
                h.getValue().text()));
        assertTrue(ConsoleFixture.<javafx.scene.control.Button>node(robot, "#plan-apply").isDisabled());
        closeWindow(robot, "#plan-close", "#plan-window");
        console.idle(robot);
        assertTrue(console.runner.running().get() == 0);
    }
}
