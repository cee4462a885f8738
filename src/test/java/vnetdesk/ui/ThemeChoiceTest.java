package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vnetdesk.ui.common.SameThreadTaskRunner;

/** View → Theme without the toolkit: the choice is remembered, and how the desktop's theme is read. */
class ThemeChoiceTest {

    private final String node = "vnetdesk-test/theme-" + UUID.randomUUID();

    @AfterEach
    void removeNode() throws Exception {
        Preferences.userRoot().node(node).removeNode();
    }

    @Test
    void theChosenThemeIsRememberedAcrossARestart() {
        ConsolePrefs prefs = ConsolePrefs.load(node);
        ThemeChoice first = new ThemeChoice(prefs, new SameThreadTaskRunner(), Optional::empty);
        assertEquals(Theme.LIGHT, first.chosenProperty().get(), "light until a theme is chosen");
        assertFalse(first.darkProperty().get());

        first.choose(Theme.DARK);
        assertTrue(first.darkProperty().get(), "dark at once");
        prefs.flush();

        ThemeChoice again = new ThemeChoice(ConsolePrefs.load(node), new SameThreadTaskRunner(), Optional::empty);
        assertEquals(Theme.DARK, again.chosenProperty().get());
        assertTrue(again.darkProperty().get(), "dark from the start, before the desktop is asked");
    }

    @Test
    void followingTheSystemIsDarkOnlyWhenTheDesktopSaysDark() {
        ConsolePrefs prefs = ConsolePrefs.load(node);
        ThemeChoice darkDesktop = new ThemeChoice(prefs, new SameThreadTaskRunner(), () -> Optional.of(true));
        darkDesktop.readSystem();
        assertFalse(darkDesktop.darkProperty().get(), "light is chosen: the desktop's dark does not matter");
        darkDesktop.choose(Theme.SYSTEM);
        assertTrue(darkDesktop.darkProperty().get());
        assertEquals("Follow the system (now dark)", darkDesktop.systemLabelProperty().get());
        assertEquals(Theme.SYSTEM, ConsolePrefs.load(node).theme(), "the choice is kept, not the answer");

        ThemeChoice silent = new ThemeChoice(prefs, new SameThreadTaskRunner(), Optional::empty);
        silent.readSystem();
        assertEquals(Theme.SYSTEM, silent.chosenProperty().get());
        assertFalse(silent.darkProperty().get(), "a desktop that says nothing: light");
        assertEquals("Follow the system (not detected: light)", silent.systemLabelProperty().get());
    }

    @Test
    void gtkThemeInTheEnvironmentWinsOverTheSettings() {
        List<List<String>> asked = new ArrayList<>();
        SystemTheme env = new SystemTheme(Map.of("GTK_THEME", "Adwaita:dark"), cmd -> {
            asked.add(cmd);
            return Optional.of("'prefer-light'\n");
        });
        assertEquals(Optional.of(true), env.prefersDark());
        assertTrue(asked.isEmpty(), "GTK_THEME overrides the settings: gsettings is not run");
        assertEquals(Optional.of(false), new SystemTheme(Map.of("GTK_THEME", "Adwaita"), cmd -> Optional.empty())
                .prefersDark());
    }

    @Test
    void colorSchemeIsReadBeforeTheGtkThemeName() {
        assertEquals(Optional.of(true), desktop("'prefer-dark'\n", "'Adwaita'\n").prefersDark());
        assertEquals(Optional.of(false), desktop("'prefer-light'\n", "'Adwaita-dark'\n").prefersDark());
        assertEquals(Optional.of(true), desktop("'default'\n", "'Yaru-dark'\n").prefersDark(),
                "no preference: the theme's name decides");
        assertEquals(Optional.of(false), desktop("'default'\n", "'Adwaita'\n").prefersDark());
        assertEquals(Optional.empty(), new SystemTheme(Map.of(), cmd -> Optional.empty()).prefersDark(),
                "no gsettings and no GTK_THEME: not detected");
    }

    /** A desktop whose gsettings answers color-scheme and gtk-theme with these values. */
    private static SystemTheme desktop(String colorScheme, String gtkTheme) {
        return new SystemTheme(Map.of(), cmd -> Optional.of(cmd.get(3).equals("color-scheme") ? colorScheme
                : gtkTheme));
    }
}
