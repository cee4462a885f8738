package vnetdesk.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.ValidationException;
import vnetdesk.service.Inventory;
import vnetdesk.service.InventoryLocation;
import vnetdesk.service.host.HostEngine;
import vnetdesk.service.host.RemoteHosts;

/**
 * What every command needs: the output streams, the terminal (and a
 * progress line on it), the environment, the global options, and the inventory, opened on first use (so
 * {@code --help} works without one) and closed when the command is done; the
 * host commands' SSH client likewise.
 */
final class CliContext implements AutoCloseable {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final InputStream stdin;
    private final Terminal terminal;
    private Optional<Path> dataDir = Optional.empty();
    private Optional<String> dbUrl = Optional.empty();
    private Optional<String> userName = Optional.empty();
    private Optional<Boolean> progressOption = Optional.empty();
    private volatile ProgressLine progressLine = ProgressLine.off();
    private Inventory inventory;
    private Actor actor;
    private RemoteHosts remoteHosts;

    CliContext(PrintStream out, PrintStream err, Map<String, String> env, InputStream stdin, Terminal terminal) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.stdin = stdin;
        this.terminal = terminal;
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

    Terminal terminal() {
        return terminal;
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

    void setProgress(boolean on) {
        progressOption = Optional.of(on);
    }

    /**
     * A progress line on standard error for a long operation, drawn only when
     * {@link ProgressLine#wanted} says so; close it before printing the result.
     */
    ProgressLine progress() {
        if (!ProgressLine.wanted(progressOption, env, terminal.errorIsTerminal())) {
            progressLine = ProgressLine.off();
        } else {
            // what the command printed so far (a plan before its apply) goes above the line, not under it
            out.flush();
            progressLine = ProgressLine.ticking(err, ProgressLine.width(env));
        }
        return progressLine;
    }

    /** The opened inventory, located by {@link InventoryLocation} from the options and the environment. */
    Inventory inventory() {
        if (inventory == null) {
            inventory = location().open();
        }
        return inventory;
    }

    private InventoryLocation location() {
        return InventoryLocation.resolve(dataDir.map(Path::toString), dbUrl, env);
    }

    /**
     * The console's known_hosts file: beside the inventory (in the default
     * folder when the inventory is a shared database), so the CLI and the
     * console trust the same keys.
     */
    Path knownHostsFile() {
        return location().filesDirectory(env).resolve("known_hosts");
    }

    /**
     * The host engine with this run's one SSH client, made on first use with
     * {@code keys} deciding about unknown host keys; the user's
     * {@code ~/.ssh/known_hosts} is honoured, passphrases and passwords are
     * asked on the terminal.
     */
    RemoteHosts remoteHosts(RemoteHosts.KeyQuestion keys) {
        if (remoteHosts == null) {
            Path userKnownHosts = Path.of(InventoryLocation.home(env), ".ssh", "known_hosts");
            remoteHosts = inventory().remoteHosts(new RemoteHosts.Settings(knownHostsFile(),
                    Optional.of(userKnownHosts), keys, new HostSecrets(terminal, err, () -> progressLine),
                    new HostEngine.Settings(8, Duration.ofSeconds(60), env, Clock.systemUTC())));
        }
        return remoteHosts;
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
        if (remoteHosts != null) {
            remoteHosts.close();
            remoteHosts = null;
        }
        if (inventory != null) {
            inventory.close();
            inventory = null;
        }
    }
}
