package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import vnetdesk.model.Actor;
import vnetdesk.model.Driver;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.network.NetworkRow;

/**
 * A network whose driver vnetdesk does not configure on hosts (ovswitch) in
 * the console: the networks table says "not managed" in its On hosts column,
 * the Conf tab labels the driver "not managed on hosts" (and a managed
 * network's does not), shows its BRIDGE_TYPE, and the driver list offers every
 * driver with the unmanaged ones labelled.
 */
@ExtendWith(ApplicationExtension.class)
class NotManagedConsoleTest {

    @TempDir
    static Path root;
    private static int instance;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, root.resolve("inv-" + instance++));
        console.inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "t"));
        console.inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                "NAME = ovs-lan\nVN_MAD = ovswitch\nBRIDGE = br-ovs\nVLAN_ID = 30\nBRIDGE_TYPE = openvswitch_dpdk\n"
                        + "AR = [ TYPE = IP4, IP = 10.7.0.1, SIZE = 10 ]\n", "t"));
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void theTableAndTheConfTabMarkTheOvswitchNetworkAsNotManaged(FxRobot robot) {
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        TableView<NetworkRow> table = ConsoleFixture.node(robot, "#network-table");
        assertEquals(List.of("managed", NetworkRow.NOT_MANAGED), table.getItems().stream()
                .map(NetworkRow::onHosts).toList());
        assertTrue(robot.lookup("#network-table .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "not managed".equals(c.getText())).tryQuery().isPresent(), "the On hosts cell is on screen");

        console.selectNetwork(robot, "ovs-lan");
        ConsoleFixture.tab(robot, "Conf");
        console.idle(robot);
        Label label = ConsoleFixture.node(robot, "#driver-not-managed");
        assertTrue(label.isVisible());
        assertEquals("not managed on hosts", label.getText());
        ComboBox<Driver> driver = ConsoleFixture.node(robot, "#field-VN_MAD");
        assertEquals(Driver.OVSWITCH, driver.getValue());
        assertEquals(List.of(Driver.values()), driver.getItems());
        assertTrue(driver.getConverter().toString(Driver.OVSWITCH).endsWith("— not managed on hosts"));
        assertFalse(driver.getConverter().toString(Driver.FW).contains("not managed"));
        assertEquals("openvswitch_dpdk", ((TextField) ConsoleFixture.node(robot, "#field-BRIDGE_TYPE")).getText());

        console.selectNetwork(robot, "lan");
        ConsoleFixture.tab(robot, "Conf");
        console.idle(robot);
        assertFalse(((Label) ConsoleFixture.node(robot, "#driver-not-managed")).isVisible(),
                "a fw network is managed: no label");
    }
}
