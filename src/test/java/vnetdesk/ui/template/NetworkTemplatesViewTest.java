package vnetdesk.ui.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
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
import vnetdesk.model.AddressRange;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.ConsoleSection;
import vnetdesk.ui.common.FxDialogs;
import vnetdesk.ui.common.FxTaskRunner;
import vnetdesk.ui.common.Toolbars;

/** Drives the templates view headless (Monocle) on a real inventory, with the real runner and dialogs. */
@ExtendWith(ApplicationExtension.class)
class NetworkTemplatesViewTest {

    @TempDir
    static Path root;
    private static int instance;
    private Inventory inventory;
    private FxTaskRunner runner;
    private Stage stage;
    private final List<Integer> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        inventory = Inventory.openDirectory(root.resolve("inv-" + instance++));
        runner = new FxTaskRunner();
        NetworkTemplatesView view = new NetworkTemplatesView(inventory, Actor.ONEADMIN, runner,
                new FxDialogs(stage), opened::add);
        // the section with its actions, as the main window shows it
        ConsoleSection section = view.section();
        Scene scene = new Scene(new BorderPane(section.content(), Toolbars.bar(section.actions()), null, null, null),
                1200, 800);
        scene.getStylesheets().add(getClass().getResource("/assets/vnetdesk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        view.reload();
    }

    @AfterEach
    void close() throws Exception {
        runner.runLastAndWait(inventory::close, 30, TimeUnit.SECONDS);
        runner.close();
        Platform.runLater(stage::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private void selectTemplate(FxRobot robot, String name) {
        TableView<TemplateRow> table = robot.lookup("#template-table").query();
        await("template " + name + " listed", () -> table.getItems().stream().anyMatch(r -> r.name().equals(name)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#template-table .table-cell")
                .match((TableCell<?, ?> c) -> name.equals(c.getText())).queryAs(Node.class));
        await("template " + name + " shown", () -> ((Label) robot.lookup("#template-title").query()).getText()
                .endsWith(":" + name));
    }

    private Optional<VirtualNetwork> network(String name) {
        return inventory.queries().list(Actor.ONEADMIN).stream().map(s -> s.network())
                .filter(n -> n.name().equals(name)).findFirst();
    }

    @Test
    void instantiatePrivateIpv4WithAnAddressRangeOpensTheNewNetwork(FxRobot robot) {
        selectTemplate(robot, "Private IPv4");
        robot.clickOn("#tpl-instantiate");
        await("the instantiate dialog", () -> robot.lookup("#instantiate-name").tryQuery().isPresent());
        robot.clickOn("#instantiate-name").write("lab");
        Label reminder = robot.lookup("#instantiate-reminder").query();
        assertTrue(reminder.isVisible(), "no AR typed yet: the reminder shows");
        robot.clickOn("#instantiate-ar-IP").write("10.9.0.1");
        robot.clickOn("#instantiate-ar-SIZE").write("50");
        await("the reminder is gone", () -> !reminder.isVisible());
        robot.clickOn("#instantiate-ok");

        await("openNetwork was called", () -> !opened.isEmpty());
        VirtualNetwork lab = network("lab").orElseThrow();
        assertEquals(List.of(lab.id()), opened);
        assertEquals(1, lab.addressRanges().size());
        AddressRange ar = lab.addressRanges().get(0);
        assertEquals("10.9.0.1", ar.toAttributes().get("IP"));
        assertEquals(50, ar.size().intValue());
        await("the dialog closed", () -> robot.lookup("#instantiate-dialog").tryQuery().isEmpty());
    }

    @Test
    void aBadAddressKeepsTheDialogOpenWithTheErrorUnderTheField(FxRobot robot) {
        selectTemplate(robot, "Private IPv4");
        robot.clickOn("#tpl-instantiate");
        await("the instantiate dialog", () -> robot.lookup("#instantiate-name").tryQuery().isPresent());
        robot.clickOn("#instantiate-name").write("lab");
        robot.clickOn("#instantiate-ar-IP").write("10.9.0.300");
        robot.clickOn("#instantiate-ar-SIZE").write("50");
        robot.clickOn("#instantiate-ok");
        WaitForAsyncUtils.waitForFxEvents();

        Label ipError = robot.lookup("#instantiate-dialog #error-IP").query();
        assertTrue(ipError.isVisible() && ipError.getText().contains("10.9.0.300"), ipError.getText());
        assertEquals(Optional.empty(), network("lab"));
        assertEquals(List.of(), opened);
        robot.clickOn("Cancel");
    }

    @Test
    void editingTheDescriptionAndSavingStoresIt(FxRobot robot) {
        selectTemplate(robot, "Private IPv4");
        robot.doubleClickOn("#tpl-field-DESCRIPTION").push(javafx.scene.input.KeyCode.SHORTCUT,
                javafx.scene.input.KeyCode.A).write("for the lab");
        robot.clickOn("#template-save");
        await("the description is stored", () -> inventory.templates().info(Actor.ONEADMIN, ObjectRef.id(0)).body()
                .single("DESCRIPTION").equals(Optional.of("for the lab")));
        await("the title has no unsaved mark", () -> ((Label) robot.lookup("#template-title").query()).getText()
                .equals("0:Private IPv4"));
    }

    @Test
    void aBadFieldOnAnotherTabMarksThatTabAndNothingIsSaved(FxRobot robot) {
        selectTemplate(robot, "Private IPv4");
        tab(robot, "Conf");
        robot.clickOn("#tpl-field-MTU").write("12");
        tab(robot, "General");
        TabPane tabs = robot.lookup("#template-tabs").query();
        await("the Conf tab is marked", () -> tabs.getTabs().get(1).getGraphic() != null);
        assertEquals(null, tabs.getTabs().get(0).getGraphic(), "the General tab has no error");
        robot.clickOn("#template-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.empty(), inventory.templates().info(Actor.ONEADMIN,
                ObjectRef.id(0)).body().single("MTU"));
    }

    private static void tab(FxRobot robot, String label) {
        robot.clickOn(robot.lookup("#template-tabs .tab-label").match((Label l) -> label.equals(l.getText()))
                .queryAs(Node.class));
    }
}
