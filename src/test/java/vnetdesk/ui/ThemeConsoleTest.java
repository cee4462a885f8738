package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
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

/** View → Theme → Dark turns the console dark at once (AtlantaFX's Primer Dark), and the choice is kept. */
@ExtendWith(ApplicationExtension.class)
class ThemeConsoleTest {

    @TempDir
    static Path root;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, root.resolve("inventory"));
    }

    @AfterEach
    void close() throws Exception {
        // the user-agent stylesheet belongs to the whole JVM: the next test class starts light
        WaitForAsyncUtils.asyncFx(() -> Themes.apply(false)).get();
        console.close();
    }

    /** The main window's background as the theme paints it (the root takes -color-bg-default). */
    private double rootBrightness() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Parent p = console.stage.getScene().getRoot();
            p.applyCss();
            return ((Color) ((Region) p).getBackground().getFills().get(0).getFill()).getBrightness();
        }).get();
    }

    private void choose(FxRobot robot, String itemId) {
        robot.clickOn("View");
        robot.clickOn("Theme");
        robot.clickOn(itemLabel(robot, itemId));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The menu item's text (menu items are not nodes: found through the menu bar). */
    private String itemLabel(FxRobot robot, String itemId) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i instanceof javafx.scene.control.Menu).flatMap(m -> ((javafx.scene.control.Menu) m)
                        .getItems().stream()).filter(i -> itemId.equals(i.getId())).map(MenuItem::getText)
                .findFirst().orElseThrow();
    }

    @Test
    void darkAppliesAtOnceAndIsRemembered(FxRobot robot) throws Exception {
        console.idle(robot);
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"), Application.getUserAgentStylesheet());
        assertTrue(rootBrightness() > 0.8, "light background: " + rootBrightness());

        choose(robot, "theme-dark");
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
        assertTrue(rootBrightness() < 0.3, "dark background: " + rootBrightness());
        assertEquals(Theme.DARK, ConsolePrefs.load(console.prefsNode).theme(), "remembered for the next run");

        choose(robot, "theme-light");
        assertTrue(rootBrightness() > 0.8, "light again: " + rootBrightness());
        assertEquals(Theme.LIGHT, ConsolePrefs.load(console.prefsNode).theme());
    }
}
