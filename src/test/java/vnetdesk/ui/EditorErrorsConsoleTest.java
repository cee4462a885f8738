package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import vnetdesk.model.Actor;
import vnetdesk.template.TemplateParser;

/**
 * Where the editors show their errors (issue 13): a failed save says why in
 * the header and marks only the tab with the error; a new form or dialog is
 * not scolded before anything is typed, and a save shows every error at once.
 */
@ExtendWith(ApplicationExtension.class)
class EditorErrorsConsoleTest {

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

    private void createNetworks(FxRobot robot) {
        console.inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 100 ]\n", "t"));
        console.inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = dmz\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.1.0.1, SIZE = 10 ]\n", "t"));
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        console.selectNetwork(robot, "lan");
    }

    private static Tab tab(FxRobot robot, String text) {
        TabPane tabs = ConsoleFixture.node(robot, "#network-tabs");
        return tabs.getTabs().stream().filter(t -> t.getText().equals(text)).findFirst().orElseThrow();
    }

    /** Types a gateway that is no address on the Context tab, then goes back to General and presses Save. */
    private void saveABadGateway(FxRobot robot) {
        ConsoleFixture.tab(robot, "Context");
        robot.clickOn("#field-GATEWAY").write("10.0.0.x");
        ConsoleFixture.tab(robot, "General");
        robot.clickOn("#save");
        console.idle(robot);
    }

    @Test
    void aBadGatewayMarksTheContextTabOnlyAndRevertClearsIt(FxRobot robot) {
        createNetworks(robot);
        saveABadGateway(robot);
        assertNotNull(tab(robot, "Context").getGraphic(), "the Context tab has the error");
        assertNull(tab(robot, "Addresses").getGraphic(), "the stored network's ARs are fine: no dot on Addresses");
        robot.clickOn("#revert");
        console.idle(robot);
        assertNull(tab(robot, "Context").getGraphic(), "reverted: no error left");
        assertNull(tab(robot, "Addresses").getGraphic());
        ConsoleFixture.clickCell(robot, "#network-table", "dmz");
        console.idle(robot);
        ConsoleFixture.await("dmz shown", () -> ((Label) robot.lookup("#detail-title").query()).getText()
                .endsWith(":dmz"));
        assertNull(tab(robot, "Addresses").getGraphic(), "nothing follows to another network");
        robot.clickOn("#tool-new");
        console.idle(robot);
        assertNull(tab(robot, "Addresses").getGraphic(), "nor to a new one");
    }

    @Test
    void aFailedSaveSaysWhyInTheHeaderWithoutMovingTheTabsDown(FxRobot robot) {
        createNetworks(robot);
        TabPane tabs = ConsoleFixture.node(robot, "#network-tabs");
        double top = tabs.localToScene(0, 0).getY();
        saveABadGateway(robot);
        Label message = ConsoleFixture.node(robot, "#save-message");
        assertTrue(message.isVisible() && message.getText().startsWith("Cannot save: GATEWAY")
                && message.getText().contains("Context tab"), message.getText());
        assertEquals(top, tabs.localToScene(0, 0).getY(), "the message has its place: the tabs stay where they were");
        assertEquals(List.of(), stored(), "nothing saved");
    }

    private List<String> stored() {
        return console.inventory.queries().list(Actor.ONEADMIN).stream().map(s -> s.network().attributes()
                .getOrDefault("GATEWAY", "")).filter(g -> !g.isEmpty()).toList();
    }

    /** The error texts on screen (every window), as the user sees them. */
    private static List<String> errorsShown(FxRobot robot) {
        return robot.lookup(".field-error").queryAllAs(Label.class).stream()
                .filter(EditorErrorsConsoleTest::onScreen).map(Label::getText).filter(t -> !t.isEmpty()).toList();
    }

    private static void assertErrorShown(FxRobot robot, String attribute) {
        Label error = robot.lookup("#error-" + attribute).match(EditorErrorsConsoleTest::onScreen).queryAs(Label.class);
        assertNotNull(error, attribute + " error shown");
        assertTrue(error.getText().startsWith(attribute + ":"), error.getText());
    }

    private static boolean onScreen(Node n) {
        return n.isVisible() && (n.getParent() == null || onScreen(n.getParent()));
    }

    @Test
    void newFormsAndDialogsDoNotScoldBeforeAnythingIsTyped(FxRobot robot) {
        createNetworks(robot);
        robot.clickOn("#tool-reserve");
        ConsoleFixture.await("the Reserve dialog", () -> robot.lookup("#reserve-error").tryQuery().isPresent());
        assertEquals(List.of(), errorsShown(robot), "the Reserve dialog opens without an error");
        robot.clickOn("Cancel");

        robot.clickOn("#tool-new");
        console.idle(robot);
        assertEquals(List.of(), errorsShown(robot), "a new network is not scolded");

        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith("Security Groups")).queryAs(Node.class));
        console.idle(robot);
        robot.clickOn("#sg-new");
        console.idle(robot);
        assertEquals(List.of(), errorsShown(robot), "a new security group is not scolded");
        Label status = ConsoleFixture.node(robot, "#sg-save-message");
        assertEquals("give the new group a name", status.getText(), "it says what Save waits for, as a hint");
    }

    @Test
    void saveOnAnEmptyNewNetworkShowsEveryErrorAtOnce(FxRobot robot) {
        console.idle(robot);
        robot.clickOn("#tool-new");
        robot.clickOn("#field-DESCRIPTION").write("x");
        robot.clickOn("#save");
        console.idle(robot);
        ConsoleFixture.await("the name's tab and the first address range's marked", () ->
                tab(robot, "General").getGraphic() != null && tab(robot, "Addresses").getGraphic() != null);
        assertErrorShown(robot, "NAME");
        ConsoleFixture.tab(robot, "Addresses");
        assertErrorShown(robot, "IP");
        assertErrorShown(robot, "SIZE");
        Label message = ConsoleFixture.node(robot, "#save-message");
        assertTrue(message.getText().contains("General and Addresses tabs"), message.getText());
    }
}
