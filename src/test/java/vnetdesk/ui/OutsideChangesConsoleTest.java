package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;
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
import vnetdesk.template.TemplateParser;

/**
 * The console shows what another program wrote to its inventory (issue 13):
 * a network created through another connection to the same inventory folder
 * (as the CLI beside the console does) appears in the networks table without
 * a Refresh, once the console's outside-change check has run.
 */
@ExtendWith(ApplicationExtension.class)
class OutsideChangesConsoleTest {

    @TempDir
    static Path root;
    private static int instance;
    private ConsoleFixture console;
    private Path data;

    @Start
    void start(Stage stage) {
        data = root.resolve("inv-" + instance++);
        console = new ConsoleFixture(stage, data);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    private void createElsewhere(String name, String ip) {
        try (Inventory elsewhere = Inventory.openDirectory(data)) {
            elsewhere.networks().create(Actor.ONEADMIN, TemplateParser.parse(
                    "NAME = " + name + "\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = " + ip + ", SIZE = 8 ]\n", "t"));
        }
    }

    @Test
    void aNetworkCreatedElsewhereAppearsWithoutRefresh(FxRobot robot) {
        console.idle(robot);
        TableView<?> table = ConsoleFixture.node(robot, "#network-table");
        int before = table.getItems().size();
        createElsewhere("early", "10.3.0.1");
        // without the watch nothing reads the list again
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        console.idle(robot);
        assertEquals(before, table.getItems().size(), "no reload without a signal");

        Platform.runLater(() -> console.session.watchOutsideChanges(Duration.millis(300)));
        console.idle(robot);
        createElsewhere("from-cli", "10.4.0.1");
        ConsoleFixture.await("the networks made elsewhere are listed", () -> table.getItems().size() == before + 2);
        robot.clickOn("#network-filter").write("from-cli");
        console.idle(robot);
        assertEquals(1, table.getItems().size(), "the new network is listed: " + table.getItems());
    }
}
