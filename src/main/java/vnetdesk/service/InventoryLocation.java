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
        Path base = nonEmpty(env.get("XDG_DATA_HOME")).map(Path::of)
                .orElseGet(() -> Path.of(nonEmpty(env.get("HOME")).orElse(System.getProperty("user.home")),
                        ".local", "share"));
        return new InventoryLocation(Optional.of(base.resolve("vnetdesk")), Optional.empty());
    }

    public Inventory open() {
        return jdbcUrl.map(Inventory::openUrl).orElseGet(() -> Inventory.openDirectory(directory.orElseThrow()));
    }

    private static Optional<String> nonEmpty(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
