package vnetdesk.cli;

import java.io.IOException;
import java.nio.file.Path;

import vnetdesk.service.Inventory;

/**
 * Test helper run in a child JVM: keeps an inventory open (as another console
 * would) until its standard input is closed. Prints "open" once it holds it.
 */
public final class InventoryHolder {

    private InventoryHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (Inventory inventory = Inventory.openConsole(Path.of(args[0]))) {
            System.out.println("open " + inventory.location());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        }
    }
}
