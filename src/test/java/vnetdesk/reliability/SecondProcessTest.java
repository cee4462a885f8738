package vnetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.store.InventoryInUseException;
import vnetdesk.template.TemplateParser;

/**
 * One embedded inventory, several processes: a CLI works beside an open
 * console (and sees what the console wrote); a second console is refused with
 * a message naming the process that has the inventory open, and nothing else
 * (no stack trace, no damage); once the first closes, the second gets in.
 */
class SecondProcessTest {

    @TempDir
    Path dir;

    @Test
    void aCliBesideAnOpenConsoleWorksAndSeesWhatTheConsoleWrote() throws Exception {
        Path data = dir.resolve("inventory");
        try (Inventory inventory = Inventory.openConsole(data)) {
            inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = console-made\nVN_MAD = fw\n"
                    + "AR = [ TYPE = IP4, IP = 10.7.0.1, SIZE = 8 ]\n", "t"));
            ChildJvm.Finished cli = ChildJvm.runToEnd("vnetdesk.Main",
                    List.of("--data", data.toString(), "vnet", "list"), dir, 120, TimeUnit.SECONDS);

            assertEquals(0, cli.exitValue(), "exit status; stderr: " + cli.stderr());
            assertEquals("", cli.stderr());
            assertTrue(cli.stdout().contains("console-made"), cli.stdout());
            assertEquals(1, inventory.queries().list(Actor.ONEADMIN).size(), "our inventory still works");
        }
    }

    @Test
    void aSecondConsoleIsRefusedNamingTheFirstUntilItCloses() throws Exception {
        Path data = dir.resolve("inventory");
        ChildJvm holder = ChildJvm.start(List.of(), InventoryHolder.class.getName(), List.of(data.toString()),
                dir.resolve("holder"));
        try {
            Optional<String> ready = holder.nextLine(120, TimeUnit.SECONDS);
            assertTrue(ready.filter(l -> l.startsWith("READY ")).isPresent(),
                    "the holder opened the inventory: " + ready + " " + holder.stderr());
            long holderPid = holder.process().pid();
            assertEquals("READY " + holderPid, ready.get().substring(0, ready.get().indexOf(' ', 6)));

            InventoryInUseException refused = assertThrows(InventoryInUseException.class,
                    () -> Inventory.openConsole(data).close());
            assertTrue(refused.getMessage().contains("is open in another console (pid " + holderPid + ")"),
                    refused.getMessage());
            System.out.println("second console: " + refused.getMessage());
            // a command attaches beside the console
            try (Inventory command = Inventory.openDirectory(data)) {
                assertEquals(List.of(), command.queries().list(Actor.ONEADMIN));
            }

            holder.closeStdin();
            assertTrue(holder.process().waitFor(60, TimeUnit.SECONDS), "the holder ends when its stdin ends");
            assertEquals(0, holder.process().exitValue(), holder.stderr());
        } finally {
            holder.destroyIfAlive();
        }
        // the lock file stays (deleting a lock file races with a console opening it) but is emptied
        assertEquals("", Files.readString(data.resolve("vnetdesk.pid")), "a normal close clears the pid");
        try (Inventory inventory = Inventory.openConsole(data)) {
            assertEquals(List.of(), inventory.queries().list(Actor.ONEADMIN));
        }
    }
}
