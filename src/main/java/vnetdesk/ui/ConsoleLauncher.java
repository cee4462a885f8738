package vnetdesk.ui;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;

import vnetdesk.service.Inventory;
import vnetdesk.service.InventoryLocation;

/**
 * Starts the JavaFX console; kept apart from Main so the CLI never loads the
 * toolkit. The inventory (H2 and its migrations, about a second on a cold
 * JVM) is opened on its own thread while the toolkit starts, so the two
 * overlap instead of adding up.
 */
public final class ConsoleLauncher {

    /** The inventory being opened for the console; taken once by {@link ConsoleApp}. */
    private static volatile CompletableFuture<Inventory> opening;

    private ConsoleLauncher() {
    }

    public static void launch(String[] args) {
        Map<String, String> env = Map.copyOf(System.getenv());
        CompletableFuture<Inventory> future = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                future.complete(InventoryLocation.resolve(Optional.empty(), Optional.empty(), env).open());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "vnetdesk-open");
        opener.setDaemon(true);
        opening = future;
        opener.start();
        Application.launch(ConsoleApp.class, args);
    }

    /**
     * The inventory opened by {@link #launch}, or one opened now when the
     * application was started another way (e.g. by the javafx plugin). Call
     * off the FX thread: it waits for the opening to finish.
     */
    static Inventory takeInventory() throws Exception {
        CompletableFuture<Inventory> f = opening;
        opening = null;
        if (f == null) {
            return InventoryLocation.resolve(Optional.empty(), Optional.empty(), Map.copyOf(System.getenv())).open();
        }
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }
}
