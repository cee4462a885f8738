package vnetdesk.ui;

import java.util.Arrays;
import java.util.Optional;

/** The console's theme as the user chose it in View → Theme (kept in {@link ConsolePrefs}). */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark"),
    /** Dark when the desktop asks for dark ({@link SystemTheme}), else light. */
    SYSTEM("Follow the system");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** The menu item's text. */
    public String label() {
        return label;
    }

    /** The theme stored under {@code name}, if it is one (a stored value from another version is ignored). */
    public static Optional<Theme> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
