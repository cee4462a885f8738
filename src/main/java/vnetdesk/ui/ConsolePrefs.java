package vnetdesk.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the console remembers between runs: window geometry, the last view,
 * the theme and the last selected network of each inventory. Read once on the worker thread at start-up (the
 * preferences store may touch the disk), written when the window closes.
 */
public final class ConsolePrefs {

    /** Remembered window bounds and state. */
    public record Geometry(double x, double y, double width, double height, boolean maximized) {
    }

    private final Preferences node;

    private ConsolePrefs(Preferences node) {
        this.node = node;
    }

    /** The user's preferences, or {@code vnetdesk-test} ones for tests (so tests never touch a user's window). */
    public static ConsolePrefs load(String nodeName) {
        Preferences p = Preferences.userRoot().node(nodeName);
        try {
            p.sync();
        } catch (BackingStoreException | IllegalStateException e) {
            // unreadable store: defaults apply
        }
        return new ConsolePrefs(p);
    }

    public Optional<Geometry> geometry() {
        double w = node.getDouble("width", -1);
        double h = node.getDouble("height", -1);
        if (w < 400 || h < 300) {
            return Optional.empty();
        }
        return Optional.of(new Geometry(node.getDouble("x", 0), node.getDouble("y", 0), w, h,
                node.getBoolean("maximized", false)));
    }

    public void geometry(Geometry g) {
        node.putDouble("x", g.x());
        node.putDouble("y", g.y());
        node.putDouble("width", g.width());
        node.putDouble("height", g.height());
        node.putBoolean("maximized", g.maximized());
    }

    public String lastView() {
        return node.get("view", "Networks");
    }

    public void lastView(String view) {
        node.put("view", view);
    }

    /** The theme chosen in View → Theme; light until one is chosen. */
    public Theme theme() {
        return Theme.named(node.get("theme", "")).orElse(Theme.LIGHT);
    }

    public void theme(Theme theme) {
        node.put("theme", theme.name());
    }

    /** The network last shown in the inventory at {@code location} (another inventory's ids mean other networks). */
    public Optional<Integer> lastNetwork(String location) {
        int id = node.getInt(networkKey(location), -1);
        return id < 0 ? Optional.empty() : Optional.of(id);
    }

    public void lastNetwork(String location, Optional<Integer> id) {
        node.putInt(networkKey(location), id.orElse(-1));
    }

    /** A key per inventory location, short enough for any location (preference keys hold 80 characters). */
    private static String networkKey(String location) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return "network-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Writes to the store; call off the FX thread. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            System.getLogger(ConsolePrefs.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot save the window settings: {0}", e.getMessage());
        }
    }
}
