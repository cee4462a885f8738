package vnetdesk.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Whether the desktop asks for a dark theme, read the way GTK applications
 * learn it: the {@code GTK_THEME} variable first (it overrides the settings,
 * e.g. {@code Adwaita:dark}), then GNOME's {@code color-scheme}
 * ({@code 'prefer-dark'} / {@code 'prefer-light'}), then the name of the GTK
 * theme ({@code 'Adwaita-dark'}). Empty when none of them says anything (no
 * GNOME settings, e.g. a bare X server): the caller decides. Runs {@code gsettings}, so
 * call it off the FX thread.
 */
public final class SystemTheme {

    private final Map<String, String> env;
    private final Function<List<String>, Optional<String>> command;

    /** {@code command} runs a command and gives its output, empty when it cannot run or fails. */
    SystemTheme(Map<String, String> env, Function<List<String>, Optional<String>> command) {
        this.env = env;
        this.command = command;
    }

    /** This desktop's settings, read with the real {@code gsettings}. */
    public static SystemTheme ofThisDesktop() {
        return new SystemTheme(Map.copyOf(System.getenv()), SystemTheme::output);
    }

    /** True for dark, false for light, empty when the desktop does not say. */
    public Optional<Boolean> prefersDark() {
        String gtkTheme = env.getOrDefault("GTK_THEME", "");
        if (!gtkTheme.isBlank()) {
            return Optional.of(namesDark(gtkTheme));
        }
        Optional<Boolean> scheme = command.apply(gsettings("color-scheme")).flatMap(SystemTheme::colorScheme);
        if (scheme.isPresent()) {
            return scheme;
        }
        return command.apply(gsettings("gtk-theme")).map(String::strip).filter(s -> !s.isEmpty())
                .map(SystemTheme::namesDark);
    }

    /** {@code 'prefer-dark'} → dark, {@code 'prefer-light'} → light, {@code 'default'} says nothing. */
    static Optional<Boolean> colorScheme(String gsettingsValue) {
        String v = unquote(gsettingsValue);
        if (v.equals("prefer-dark")) {
            return Optional.of(true);
        }
        if (v.equals("prefer-light")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** A theme name such as {@code 'Adwaita-dark'}, {@code Yaru-dark} or {@code Adwaita:dark} means dark. */
    static boolean namesDark(String themeName) {
        return unquote(themeName).toLowerCase(Locale.ROOT).contains("dark");
    }

    private static String unquote(String s) {
        return s.strip().replaceAll("^'|'$", "");
    }

    private static List<String> gsettings(String key) {
        return List.of("gsettings", "get", "org.gnome.desktop.interface", key);
    }

    /** The command's standard output, empty when it is not installed, fails or takes more than 3 s. */
    private static Optional<String> output(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            // a value is one short line, which the pipe holds until the process has ended
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            // gsettings is not installed: the desktop does not say
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
