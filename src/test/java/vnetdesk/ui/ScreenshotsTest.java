package vnetdesk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import vnetdesk.service.Actor;

/**
 * Writes the README screenshots from the sample inventory: the main window,
 * each network tab, and the Hold IP dialog. Runs only when asked:
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
