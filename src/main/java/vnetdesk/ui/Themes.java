package vnetdesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * Puts the chosen theme on screen: AtlantaFX's Primer Light or Primer Dark as
 * the application's user-agent stylesheet, which every window of the console
 * takes at once (the main window, dialogs, the Plan and Apply windows); our
 * own stylesheet ({@link Assets#stylesheet}) only adds what is ours, in the
 * theme's looked-up colours. And View → Theme, the menu that chooses it.
 */
final class Themes {

    private Themes() {
    }

    /** Shows the dark or the light theme in every window. */
    static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Keeps every window in the theme {@code choice} says, from now on. */
    static void follow(ThemeChoice choice) {
        apply(choice.darkProperty().get());
        choice.darkProperty().addListener((o, was, now) -> apply(now));
    }

    /** View → Theme: Light, Dark, Follow the system — one of them ticked. */
    static Menu menu(ThemeChoice choice) {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu("Theme");
        menu.setId("menu-theme");
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(theme.label());
            item.setId("theme-" + theme.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(choice.chosenProperty().get() == theme);
            if (theme == Theme.SYSTEM) {
                item.textProperty().bind(choice.systemLabelProperty());
            }
            item.setOnAction(e -> choice.choose(theme));
            menu.getItems().add(item);
        }
        return menu;
    }
}
