package vnetdesk.ui;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;

import vnetdesk.model.VnetException;
import vnetdesk.service.Inventory;
import vnetdesk.service.InventoryLocation;

/**
 * Starts the JavaFX console; kept apart from Main so the CLI never loads the
 * toolkit. The inventory (H2 and its migrations, about a second on a cold
 * JVM) is opened on its own thread while the toolkit starts, so the two
 * overlap instead of adding up.
 */
public final class ConsoleLauncher {

    /** The inventory and the user the console starts on. */
    public record Start(InventoryLocation location, String userName) {

        /** The inventory and user of the environment (VNETDESK_DATA, VNETDESK_DB, VNETDESK_USER, defaults). */
        static Start fromEnvironment(Map<String, String> env) {
            return new Start(InventoryLocation.resolve(Optional.empty(), Optional.empty(), env),
                    Optional.ofNullable(env.get("VNETDESK_USER")).filter(v -> !v.isBlank()).orElse("oneadmin"));
        }
    }

    /** The inventory being opened for the console; taken once by {@link ConsoleApp}. */
    private static volatile CompletableFuture<Inventory> opening;
    /** What {@link #launch} was asked to open; read by {@link ConsoleApp}. */
    private static volatile Start start;

    private ConsoleLauncher() {
    }

    /** Opens the console on {@code start}'s inventory as its user; returns when the console is closed. */
    public static void launch(Start start) {
        CompletableFuture<Inventory> future = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                future.complete(start.location().openForConsole());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "vnetdesk-open");
        opener.setDaemon(true);
        ConsoleLauncher.start = start;
        opening = future;
        opener.start();
        Application.launch(ConsoleApp.class);
    }

    /**
     * What the console opens: as given to {@link #launch}, or from the
     * environment when the application was started another way.
     */
    static Start start() {
        Start s = start;
        return s != null ? s : Start.fromEnvironment(Map.copyOf(System.getenv()));
    }

    /**
     * The inventory opened by {@link #launch}, or one opened now when the
     * application was started another way. Call off the FX thread: it waits
     * for the opening to finish.
     */
    static Inventory takeInventory() throws Exception {
        CompletableFuture<Inventory> f = opening;
        opening = null;
        if (f == null) {
            return start().location().openForConsole();
        }
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /**
     * One sentence for a console that could not start: the toolkit's own
     * failures name neither the missing package nor what to do instead.
     */
    public static String whyNotStarted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = Optional.ofNullable(t.getMessage()).orElse("");
            if (message.contains("Unable to load glass GTK library")
                    || t instanceof UnsatisfiedLinkError && message.contains("libgtk-3")) {
                return "the console needs GTK 3, which is not installed: install the package libgtk-3-0"
                        + " (for example: sudo apt install libgtk-3-0); CLI commands work without it";
            }
            if (message.contains("Unable to open DISPLAY")) {
                return "the console needs a graphical display and none could be opened (is DISPLAY set?);"
                        + " CLI commands work without one (vnetdesk --help)";
            }
            if (t instanceof VnetException) {
                return t.getMessage();
            }
        }
        return "cannot start the console: " + failure.getClass().getName() + ": " + failure.getMessage();
    }
}
