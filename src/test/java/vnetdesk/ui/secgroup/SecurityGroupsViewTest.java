package vnetdesk.ui.secgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import vnetdesk.model.ObjectRef;
import vnetdesk.model.SecurityGroup;
import vnetdesk.model.SecurityRule;
import vnetdesk.service.Inventory;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.Dialogs.UnsavedChoice;
import vnetdesk.ui.common.FxTaskRunner;
import vnetdesk.ui.common.ScriptedDialogs;
import vnetdesk.ui.common.Toolbars;

/** Drives the Security Groups view headless (Monocle) with the real worker-thread runner. */
@ExtendWith(ApplicationExtension.class)
class SecurityGroupsViewTest {

    @TempDir
    static Path root;
    private static int instance;
    private Inventory inventory;
    private FxTaskRunner runner;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private SecurityGroupsView view;
    private ConsoleHosts hosts;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        inventory = Inventory.openDirectory(root.resolve("inv-" + instance++));
        runner = new FxTaskRunner();
        hosts = new ConsoleHosts(inventory, ConsoleHosts.Settings.in(root.resolve("files-" + instance),
                java.util.Map.of()), dialogs, Platform::runLater);
        view = new SecurityGroupsView(inventory, Actor.ONEADMIN, runner, dialogs, hosts);
        // the section with its actions, as the main window shows it
        ConsoleSection section = view.section();
        Scene scene = new Scene(new BorderPane(section.content(), Toolbars.bar(section.actions()), null, null, null),
                1400, 900);
        scene.getStylesheets().add(getClass().getResource("/assets/vnetdesk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        view.reload();
    }

    @AfterEach
    void close() throws Exception {
        runner.runLastAndWait(() -> {
            hosts.close();
            inventory.close();
        }, 30, TimeUnit.SECONDS);
        runner.close();
        Platform.runLater(stage::close);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), dialogs.errors, "no error dialog");
    }

    private static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private void idle() {
        await("the view is idle", () -> runner.running().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<SecurityGroup> stored() {
        return inventory.securityGroups().list(Actor.ONEADMIN).stream().map(s -> s.group())
                .filter(g -> g.id() != SecurityGroup.DEFAULT_ID).toList();
    }

    private static void tab(FxRobot robot, String label) {
        robot.clickOn(robot.lookup("#sg-tabs .tab-label").match((Label l) -> label.equals(l.getText()))
                .queryAs(Node.class));
    }

    /** The cell of {@code column} in the first rule row. */
    private static TableCell<?, ?> ruleCell(FxRobot robot, String column) {
        return robot.lookup("#sg-rules .rule-cell-" + column).match((TableCell<?, ?> c) -> c.getGraphic() != null
                && c.getIndex() == 0).queryAs(TableCell.class);
    }

    @Test
    void aBadRangeIsMarkedOnItsCellAndNothingIsStoredUntilItIsFixed(FxRobot robot) {
        idle();
        assertEquals(1, view.section().count().orElseThrow().get(), "the default group");
        robot.clickOn("#sg-new");
        robot.clickOn("#sg-name").write("web");
        tab(robot, "Rules");
        robot.clickOn("#sg-add-rule");
        TableCell<?, ?> range = ruleCell(robot, "RANGE");
        robot.clickOn(range.getGraphic()).write("80:70");
        Label error = robot.lookup("#sg-rule-error").queryAs(Label.class);
        await("the RANGE cell is marked", () -> range.getStyleClass().contains(RuleCells.ERROR));
        assertTrue(error.isVisible() && error.getText().startsWith("Rule 1: RANGE: invalid value \"80:70\""),
                error.getText());
        assertFalse(ruleCell(robot, "IP").getStyleClass().contains(RuleCells.ERROR), "only the RANGE cell");
        assertTrue(((TextField) range.getGraphic()).getTooltip().getText().contains("80:70"));
        Button save = robot.lookup("#sg-save").queryAs(Button.class);
        assertTrue(save.isDisabled(), "Save is refused while a rule is invalid");
        assertTrue(robot.lookup("#sg-save-message").queryAs(Label.class).getText().startsWith("Cannot save: "));
        assertEquals(List.of(), stored(), "nothing stored");
        TabPane tabs = robot.lookup("#sg-tabs").queryAs(TabPane.class);
        assertTrue(tabs.getTabs().get(1).getGraphic() != null, "the Rules tab is marked");

        TextField field = (TextField) range.getGraphic();
        robot.doubleClickOn(field).eraseText(5).write("70:80");
        await("the mark is gone", () -> !range.getStyleClass().contains(RuleCells.ERROR) && !error.isVisible());
        assertEquals("inbound TCP ports 70-80 from any address",
                ((Label) ruleCell(robot, "SUMMARY").getGraphic()).getText());
        assertTrue(tabs.getTabs().get(1).getGraphic() == null, "the Rules tab mark is gone");
        robot.clickOn(save);
        idle();
        await("the group is stored", () -> stored().size() == 1);
        assertEquals("web", stored().get(0).name());
        assertEquals(List.of(SecurityRule.parse(Map.of("PROTOCOL", "TCP", "RULE_TYPE", "INBOUND", "RANGE", "70:80"))),
                stored().get(0).rules());
        TableView<?> table = robot.lookup("#sg-table").queryAs(TableView.class);
        await("the table lists and selects it", () -> table.getItems().size() == 2
                && table.getSelectionModel().getSelectedItem() != null);
        assertEquals(2, view.section().count().orElseThrow().get());
        assertEquals(stored().get(0).id() + ":web", robot.lookup("#sg-title").queryAs(Label.class).getText());
    }

    @Test
    void leavingAnEditedGroupAsksAndCancelKeepsTheEditsAndTheSelection(FxRobot robot) {
        int web = inventory.securityGroups().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = INBOUND, RANGE = 22 ]\n", "t"));
        robot.interact(view::reload);
        idle();
        robot.clickOn(robot.lookup("#sg-table .table-cell").match((TableCell<?, ?> c) -> "web".equals(c.getText()))
                .queryAs(Node.class));
        idle();
        Label title = robot.lookup("#sg-title").queryAs(Label.class);
        await("web shown", () -> title.getText().equals(web + ":web"));
        tab(robot, "Rules");
        TextField range = (TextField) ruleCell(robot, "RANGE").getGraphic();
        robot.doubleClickOn(range).eraseText(2).write("2222");
        await("unsaved", () -> title.getText().contains("unsaved"));

        dialogs.answer(UnsavedChoice.CANCEL);
        robot.clickOn(robot.lookup("#sg-table .table-cell").match((TableCell<?, ?> c) -> "default".equals(c.getText()))
                .queryAs(Node.class));
        idle();
        assertEquals(List.of("unsaved: security group " + web + ":web"), dialogs.questions);
        assertTrue(title.getText().startsWith(web + ":web"), title.getText());
        assertEquals("2222", range.getText());
        TableView<?> table = robot.lookup("#sg-table").queryAs(TableView.class);
        await("the selection went back to web", () -> ((SecurityGroupRow) table.getSelectionModel()
                .getSelectedItem()).id() == web);
        assertEquals("22", stored().get(0).rules().get(0).toAttributes().get("RANGE"), "nothing saved");
    }

    private void showWeb(FxRobot robot, int web) {
        robot.interact(view::reload);
        idle();
        robot.clickOn(robot.lookup("#sg-table .table-cell").match((TableCell<?, ?> c) -> "web".equals(c.getText()))
                .queryAs(Node.class));
        idle();
        await("web shown", () -> robot.lookup("#sg-title").queryAs(Label.class).getText().equals(web + ":web"));
    }

    @Test
    void permissionsAndOwnerChangeFromTheGeneralTab(FxRobot robot) {
        int web = inventory.securityGroups().create(Actor.ONEADMIN, TemplateParser.parse("NAME = web\n", "t"));
        inventory.users().createUser(Actor.ONEADMIN, "alice", "users");
        showWeb(robot, web);
        robot.clickOn("#sg-perm-other-use");
        robot.clickOn("#sg-perm-apply");
        idle();
        await("chmod stored", () -> inventory.securityGroups().show(Actor.ONEADMIN,
                ObjectRef.name("web")).summary().group()
                .ownership().permissions().octal().equals("644"));
        dialogs.answer(Optional.of("alice")).answer(Optional.of("users"));
        robot.clickOn("#sg-general-chown");
        idle();
        Label owner = robot.lookup("#sg-owner").queryAs(Label.class);
        await("the owner shows", () -> owner.getText().equals("alice / users"));
        assertEquals("alice", inventory.securityGroups().show(Actor.ONEADMIN, ObjectRef.id(web)).summary()
                .ownerName());
    }
}
