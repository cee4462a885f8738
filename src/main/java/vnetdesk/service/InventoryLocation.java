package vnetdesk.service;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the inventory lives. Options given on the command line win over the
 * environment: {@code --db}, {@code --data}, then {@code VNETDESK_DB},
 * {@code VNETDESK_DATA}, then {@code $XDG_DATA_HOME/vnetdesk}, then
 * {@code ~/.local/share/vnetdesk}.
 */
public record InventoryLocation(Optional<Path> directory, Optional<String> jdbcUrl) {

    public static InventoryLocation resolve(Optional<String> dataOption, Optional<String> dbOption,
                                            Map<String, String> env) {
        if (dbOption.isPresent()) {
            return new InventoryLocation(Optional.empty(), dbOption);
        }
        if (dataOption.isPresent()) {
            return new InventoryLocation(Optional.of(Path.of(dataOption.get())), Optional.empty());
        }
        Optional<String> db = nonEmpty(env.get("VNETDESK_DB"));
        if (db.isPresent()) {
            return new InventoryLocation(Optional.empty(), db);
        }
        Optional<String> data = nonEmpty(env.get("VNETDESK_DATA"));
        if (data.isPresent()) {
            return new InventoryLocation(Optional.of(Path.of(data.get())), Optional.empty());
        }
        return new InventoryLocation(Optional.of(defaultDirectory(env)), Optional.empty());
    }

    /** {@code $XDG_DATA_HOME/vnetdesk}, else {@code ~/.local/share/vnetdesk}. */
    public static Path defaultDirectory(Map<String, String> env) {
        Path base = nonEmpty(env.get("XDG_DATA_HOME")).map(Path::of)
                .orElseGet(() -> Path.of(home(env), ".local", "share"));
        return base.resolve("vnetdesk");
    }

    /** The user's home: {@code $HOME}, else the JVM's {@code user.home}. */
    public static String home(Map<String, String> env) {
        return nonEmpty(env.get("HOME")).orElse(System.getProperty("user.home"));
    }

    /**
     * The folder for the console's own files beside the inventory (its
     * known_hosts): the inventory's folder, or the default folder when the
     * inventory is a shared database.
     */
    public Path filesDirectory(Map<String, String> env) {
        return directory.orElseGet(() -> defaultDirectory(env));
    }

    /** Opens it for a CLI command (shared with a console and other commands). */
    public Inventory open() {
        return jdbcUrl.map(Inventory::openUrl).orElseGet(() -> Inventory.openDirectory(directory.orElseThrow()));
    }

    /** Opens it for a console: a folder only once (a second console is refused), a shared database as usual. */
    public Inventory openForConsole() {
        return jdbcUrl.map(Inventory::openUrl).orElseGet(() -> Inventory.openConsole(directory.orElseThrow()));
    }

    private static Optional<String> nonEmpty(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
