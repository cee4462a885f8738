package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
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
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.network.LeaseRow;
import vnetdesk.ui.network.MapGrid;

/** The address map on the Addresses tab: tooltips, a click on a held address selects its lease, a free one offers Hold. */
@ExtendWith(ApplicationExtension.class)
class AddressMapConsoleTest {

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

    /** Points at cell {@code i} of the map of {@code n} cells. */
    private static Point2D cell(FxRobot robot, int i, int n) {
        Canvas canvas = ConsoleFixture.node(robot, "#address-map");
        Point2D local = MapGrid.fit(n, canvas.getWidth(), canvas.getHeight()).centre(i);
        return canvas.localToScreen(local);
    }

    private void openMap(FxRobot robot) {
        console.inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 254 ]\n", "t"));
        console.inventory.leases().hold(Actor.ONEADMIN, ObjectRef.name("lan"), List.of("10.0.0.10"), Optional.empty());
        console.inventory.leases().allocate(Actor.ONEADMIN, ObjectRef.name("lan"), new LeaseOwner.VmNic(7, 0),
                Optional.of("10.0.0.5"), Optional.empty());
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        console.selectNetwork(robot, "lan");
        ConsoleFixture.tab(robot, "Addresses");
        console.idle(robot);
        Label scale = ConsoleFixture.node(robot, "#map-scale");
        ConsoleFixture.await("the map is drawn", () -> scale.getText().endsWith("1 cell = 1 address"));
    }

    @Test
    void aClickOnAHeldAddressSelectsItsLeaseAfterItsTooltipSaysWhatItIs(FxRobot robot) {
        openMap(robot);
        assertEquals("10.0.0.1 – 10.0.0.254: 254 addresses, 2 used · 1 cell = 1 address",
                ((Label) ConsoleFixture.node(robot, "#map-scale")).getText());
        robot.moveTo(cell(robot, 9, 254));
        console.idle(robot);
        Canvas canvas = ConsoleFixture.node(robot, "#address-map");
        Tooltip tip = (Tooltip) canvas.getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(tip != null, "a tooltip is installed over a cell");
        assertEquals("10.0.0.10 (MAC 02:00:0a:00:00:0a): held (HOLD)", tip.getText());
        robot.moveTo(cell(robot, 4, 254));
        console.idle(robot);
        assertEquals("10.0.0.5 (MAC 02:00:0a:00:00:05): VM 7 NIC 0",
                ((Label) ConsoleFixture.node(robot, "#map-hover")).getText());

        robot.clickOn(cell(robot, 9, 254));
        console.idle(robot);
        TableView<LeaseRow> leases = ConsoleFixture.node(robot, "#lease-table");
        ConsoleFixture.await("the held lease is selected", () -> leases.getSelectionModel().getSelectedItems().size()
                == 1 && leases.isVisible());
        assertEquals("10.0.0.10", leases.getSelectionModel().getSelectedItem().address());
    }

    /** The colour painted at the centre of cell {@code i} of {@code n}. */
    private static Color painted(FxRobot robot, int i, int n) throws Exception {
        Canvas canvas = ConsoleFixture.node(robot, "#address-map");
        return WaitForAsyncUtils.asyncFx(() -> {
            Point2D p = MapGrid.fit(n, canvas.getWidth(), canvas.getHeight()).centre(i);
            return canvas.snapshot(null, null).getPixelReader().getColor((int) p.getX(), (int) p.getY());
        }).get();
    }

    @Test
    void theMapIsRepaintedInTheDarkThemesColours(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Themes.apply(false)).get();
        try {
            openMap(robot);
            Color freeLight = painted(robot, 20, 254);
            Color heldLight = painted(robot, 9, 254);
            Color vmLight = painted(robot, 4, 254);
            assertTrue(freeLight.getBrightness() > 0.7, "a free address is light in the light theme: " + freeLight);
            assertNotEquals(freeLight, heldLight);
            assertNotEquals(heldLight, vmLight);
            WaitForAsyncUtils.asyncFx(() -> Themes.apply(true)).get();
            console.idle(robot);
            ConsoleFixture.await("repainted dark", () -> painted(robot, 20, 254).getBrightness() < 0.35);
            assertNotEquals(painted(robot, 20, 254), painted(robot, 9, 254), "held still stands out");
        } finally {
            WaitForAsyncUtils.asyncFx(() -> Themes.apply(false)).get();
        }
    }

    @Test
    void aClickOnAFreeAddressOpensHoldWithIt(FxRobot robot) {
        openMap(robot);
        robot.clickOn(cell(robot, 20, 254));
        ConsoleFixture.await("the hold dialog", () -> robot.lookup("#hold-input").tryQuery().isPresent());
        assertEquals("10.0.0.21", ((TextArea) robot.lookup("#hold-input").query()).getText());
        robot.clickOn("Close");
    }
}
