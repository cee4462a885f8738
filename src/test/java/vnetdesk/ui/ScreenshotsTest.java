package vnetdesk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import vnetdesk.model.Actor;

/**
 * Writes the README screenshots from the sample inventory: the main window,
 * each network tab, the Hold IP dialog, the security groups and network
 * templates views, the Instantiate dialog, and Users & Groups. Runs only when asked:
 * {@code mvn -B test -Dtest=ScreenshotsTest -Dvnetdesk.screenshots=assets/screenshots}
 * (headless, through Monocle, like the other UI tests).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private static final String TARGET = System.getProperty("vnetdesk.screenshots", "");
    @TempDir
    static Path dir;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws IOException {
        if (TARGET.isEmpty()) {
            return;
        }
        console = new ConsoleFixture(stage, dir.resolve("inventory"));
        SampleInventory.load(console.inventory, Actor.ONEADMIN);
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void writeTheScreenshots(FxRobot robot) throws Exception {
        Assumptions.assumeFalse(TARGET.isEmpty(), "screenshots are written only with -Dvnetdesk.screenshots=DIR");
        Path out = Path.of(TARGET);
        Files.createDirectories(out);
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        console.selectNetwork(robot, "office-lan");
        save(console.stage.getScene(), out.resolve("main-window.png"));
        for (String tab : new String[]{"General", "Context", "Addresses", "Leases", "Security"}) {
            ConsoleFixture.tab(robot, tab);
            console.idle(robot);
            save(console.stage.getScene(), out.resolve("network-" + tab.toLowerCase(java.util.Locale.ROOT) + ".png"));
        }
        console.selectNetwork(robot, "dmz");
        for (String tab : new String[]{"Conf", "QoS"}) {
            ConsoleFixture.tab(robot, tab);
            console.idle(robot);
            save(console.stage.getScene(), out.resolve("network-" + tab.toLowerCase(java.util.Locale.ROOT) + ".png"));
        }
        console.selectNetwork(robot, "office-lan");
        robot.clickOn("#tool-hold");
        robot.clickOn("#hold-input").write("10.10.0.20, 10.10.0.21\n10.10.0.12\n10.10.0.60-10.10.0.69");
        ConsoleFixture.await("the addresses are checked", () -> ((javafx.scene.control.ListView<?>)
                robot.lookup("#hold-checks").query()).getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        Window hold = robot.lookup("#hold-dialog").query().getScene().getWindow();
        save(hold.getScene(), out.resolve("hold-dialog.png"));
        robot.clickOn("Close");

        section(robot, "Security Groups");
        ConsoleFixture.clickCell(robot, "#sg-table", "ssh-from-mgmt");
        console.idle(robot);
        tabOf(robot, "#sg-tabs", "Rules");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("security-groups.png"));

        section(robot, "Network Templates");
        ConsoleFixture.clickCell(robot, "#template-table", "Branch office");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("network-templates.png"));
        robot.clickOn("#tpl-instantiate");
        ConsoleFixture.await("the instantiate dialog", () -> robot.lookup("#instantiate-name").tryQuery().isPresent());
        robot.clickOn("#instantiate-name").write("branch-lyon");
        robot.clickOn("#instantiate-ar-IP").write("10.40.0.1");
        robot.clickOn("#instantiate-ar-SIZE").write("254");
        WaitForAsyncUtils.waitForFxEvents();
        Window instantiate = robot.lookup("#instantiate-dialog").query().getScene().getWindow();
        save(instantiate.getScene(), out.resolve("instantiate-dialog.png"));
        robot.clickOn("Cancel");

        section(robot, "Users & Groups");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("users-and-groups.png"));
        section(robot, "Networks");

        robot.clickOn("#tool-new");
        robot.clickOn("#field-NAME").write("lab");
        ConsoleFixture.tab(robot, "Conf");
        robot.clickOn("#field-MTU").write("20");
        ConsoleFixture.tab(robot, "Addresses");
        robot.clickOn("#first-ar-IP").write("10.10.0.300");
        robot.clickOn("#first-ar-SIZE").write("64");
        robot.clickOn("#save");
        console.idle(robot);
        save(console.stage.getScene(), out.resolve("create-network-errors.png"));
    }

    private static void section(FxRobot robot, String name) {
        robot.clickOn(robot.lookup("#navigation .list-cell").match((javafx.scene.control.ListCell<?> c) ->
                c.getText() != null && c.getText().startsWith(name)).queryAs(javafx.scene.Node.class));
    }

    private static void tabOf(FxRobot robot, String pane, String label) {
        robot.clickOn(robot.lookup(pane + " .tab-label").match((javafx.scene.control.Label l) ->
                label.equals(l.getText())).queryAs(javafx.scene.Node.class));
    }

    private static void save(Scene scene, Path file) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
        System.out.println("screenshot " + file + " " + w + "x" + h);
    }
}
