package vnetdesk.ui;

import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import vnetdesk.ui.common.TaskRunner;

/**
 * View → Theme's state: the theme the user chose (remembered in
 * {@link ConsolePrefs}), whether the console is dark now, and what
 * "Follow the system" means on this desktop. The desktop is asked in the
 * background (it runs {@code gsettings}); until it answers, and when it says
 * nothing, following the system means light, and the menu item says so.
 */
public final class ThemeChoice {

    private final ConsolePrefs prefs;
    private final TaskRunner runner;
    private final Supplier<Optional<Boolean>> systemPrefersDark;
    private final ReadOnlyObjectWrapper<Theme> chosen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper systemLabel = new ReadOnlyStringWrapper(Theme.SYSTEM.label());
    private Optional<Boolean> system = Optional.empty();

    /** {@code systemPrefersDark} is {@link SystemTheme#prefersDark} (blocking: run on the runner's pool). */
    public ThemeChoice(ConsolePrefs prefs, TaskRunner runner, Supplier<Optional<Boolean>> systemPrefersDark) {
        this.prefs = prefs;
        this.runner = runner;
        this.systemPrefersDark = systemPrefersDark;
        chosen.set(prefs.theme());
        dark.set(chosen.get() == Theme.DARK);
    }

    /** Asks the desktop once, for "Follow the system" (chosen now or later). */
    public void readSystem() {
        runner.runOnPool("Reading the desktop's theme", progress -> systemPrefersDark.get(), answer -> {
            system = answer;
            systemLabel.set(answer.map(d -> Theme.SYSTEM.label() + " (now " + (d ? "dark" : "light") + ")")
                    .orElse(Theme.SYSTEM.label() + " (not detected: light)"));
            follow();
        }, e -> System.getLogger(ThemeChoice.class.getName()).log(System.Logger.Level.WARNING,
                "cannot read the desktop's theme", e), () -> { });
    }

    /** Switches to {@code theme} at once and remembers it. */
    public void choose(Theme theme) {
        chosen.set(theme);
        prefs.theme(theme);
        follow();
    }

    private void follow() {
        dark.set(chosen.get() == Theme.DARK || chosen.get() == Theme.SYSTEM && system.orElse(false));
    }

    public ReadOnlyObjectProperty<Theme> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** True while the console shows the dark theme. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /** "Follow the system", with what the desktop said once it has been asked. */
    public ReadOnlyStringProperty systemLabelProperty() {
        return systemLabel.getReadOnlyProperty();
    }
}
