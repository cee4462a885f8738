package vnetdesk.reliability;

import java.io.IOException;
import java.nio.file.Path;

import vnetdesk.service.Inventory;

/**
 * Child process of {@link SecondProcessTest} and {@link ParallelCliHoldsTest}:
 * keeps an inventory open as the console opens it ({@link Inventory#openConsole})
 * until its stdin ends, then closes it normally. Prints {@code READY <pid>}
 * once open.
 *
 * <p>Usage: {@code InventoryHolder <dataDir>}.
 */
public final class InventoryHolder {

    private InventoryHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (Inventory inventory = Inventory.openConsole(Path.of(args[0]))) {
            System.out.println("READY " + ProcessHandle.current().pid() + " " + inventory.location());
            System.out.flush();
            while (System.in.read() >= 0) {
                // only the end of stdin matters
            }
        }
    }
}
