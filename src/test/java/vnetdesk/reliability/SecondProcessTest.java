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

/**
 * One embedded inventory, two processes: the second one is refused with a
 * message naming the process that has the inventory open, and nothing else
 * (no stack trace, no damage); once the first closes, the second gets in.
 */
class SecondProcessTest {

    @TempDir
    Path dir;

    @Test
    void aSecondCliOnAnOpenInventoryExitsOneWithASingleErrorLineNamingOurPid() throws Exception {
        Path data = dir.resolve("inventory");
        long ourPid = ProcessHandle.current().pid();
        try (Inventory inventory = Inventory.openDirectory(data)) {
            ChildJvm.Finished cli = ChildJvm.runToEnd("vnetdesk.Main",
                    List.of("--data", data.toString(), "vnet", "list"), dir, 120, TimeUnit.SECONDS);

            assertEquals(1, cli.exitValue(), "exit status; stderr: " + cli.stderr());
            List<String> errLines = cli.stderr().lines().toList();
            assertEquals(1, errLines.size(), "exactly one stderr line: " + cli.stderr());
            String line = errLines.get(0);
            assertTrue(line.startsWith("error: inventory "), line);
            assertTrue(line.contains("is open in another console (pid " + ourPid + ")"), line);
            assertEquals("", cli.stdout(), "nothing on stdout");
            assertEquals(List.of(), inventory.queries().list(Actor.ONEADMIN), "our inventory still works");
        }
    }

    @Test
    void openingAnInventoryAnotherProcessHoldsNamesThatProcessUntilItCloses() throws Exception {
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
                    () -> Inventory.openDirectory(data).close());
            assertTrue(refused.getMessage().contains("is open in another console (pid " + holderPid + ")"),
                    refused.getMessage());

            holder.closeStdin();
            assertTrue(holder.process().waitFor(60, TimeUnit.SECONDS), "the holder ends when its stdin ends");
            assertEquals(0, holder.process().exitValue(), holder.stderr());
        } finally {
            holder.destroyIfAlive();
        }
        // the lock file stays (deleting a lock file races with a console opening it) but is emptied
        assertEquals("", Files.readString(data.resolve("vnetdesk.pid")), "a normal close clears the pid");
        try (Inventory inventory = Inventory.openDirectory(data)) {
            assertEquals(List.of(), inventory.queries().list(Actor.ONEADMIN));
        }
    }
}
