package vnetdesk.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.ValidationException;
import vnetdesk.service.Inventory;
import vnetdesk.service.InventoryLocation;

/**
 * What every command needs: the output streams, the environment, the global
 * options, and the inventory, opened on first use (so {@code --help} works
 * without one) and closed when the command is done.
 */
final class CliContext implements AutoCloseable {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final InputStream stdin;
    private Optional<Path> dataDir = Optional.empty();
    private Optional<String> dbUrl = Optional.empty();
    private Optional<String> userName = Optional.empty();
    private Inventory inventory;
    private Actor actor;

    CliContext(PrintStream out, PrintStream err, Map<String, String> env, InputStream stdin) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.stdin = stdin;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    InputStream stdin() {
        return stdin;
    }

    boolean debug() {
        return "1".equals(env.get("VNETDESK_DEBUG"));
    }

    void setDataDir(Path dir) {
        dataDir = Optional.of(dir);
    }

    void setDbUrl(String url) {
        dbUrl = Optional.of(url);
    }

    void setUserName(String name) {
        userName = Optional.of(name);
    }

    /** The opened inventory, located by {@link InventoryLocation} from the options and the environment. */
    Inventory inventory() {
        if (inventory == null) {
            inventory = InventoryLocation.resolve(dataDir.map(Path::toString), dbUrl, env).open();
        }
        return inventory;
    }

    /** The user the commands act as: --user, else VNETDESK_USER, else oneadmin. */
    Actor actor() {
        if (actor == null) {
            if (userName.isPresent() && userName.get().isBlank()) {
                throw ValidationException.invalid("--user", userName.get(), "a user name is required");
            }
            actor = inventory().actor(userName.or(() -> envValue("VNETDESK_USER")).orElse("oneadmin"));
        }
        return actor;
    }

    private Optional<String> envValue(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    @Override
    public void close() {
        if (inventory != null) {
            inventory.close();
            inventory = null;
        }
    }
}
