package vnetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;

/**
 * The console's signal of outside changes: {@link Inventory#changeStamp()}
 * read in a console moves when a CLI process writes to the same inventory
 * (a new network, a hold, a rename), and stays put while others only read.
 */
class OutsideChangeStampTest {

    @TempDir
    Path dir;

    private ChildJvm.Finished cli(Path data, String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("--data", data.toString()));
        all.addAll(List.of(args));
        ChildJvm.Finished f = ChildJvm.runToEnd("vnetdesk.Main", all, dir, 120, TimeUnit.SECONDS);
        assertEquals(0, f.exitValue(), String.join(" ", args) + ": " + f.stderr());
        return f;
    }

    @Test
    void theStampMovesWithEveryWriteOfAnotherProcessAndNotWithItsReads() throws Exception {
        Path data = dir.resolve("inventory");
        java.nio.file.Files.createDirectories(data);
        java.nio.file.Files.writeString(dir.resolve("net.tmpl"),
                "NAME = outside\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.8.0.1, SIZE = 16 ]\n");
        try (Inventory console = Inventory.openConsole(data)) {
            long start = console.changeStamp();
            assertEquals(start, console.changeStamp(), "no change, same stamp");

            cli(data, "vnet", "create", dir.resolve("net.tmpl").toString());
            long created = console.changeStamp();
            assertNotEquals(start, created, "a network created by another process");

            cli(data, "vnet", "list");
            cli(data, "vnet", "leases", "outside");
            assertEquals(created, console.changeStamp(), "reads of another process change nothing");

            cli(data, "vnet", "hold", "outside", "10.8.0.5");
            long held = console.changeStamp();
            assertNotEquals(created, held, "a hold by another process");

            cli(data, "vnet", "rename", "outside", "elsewhere");
            assertNotEquals(held, console.changeStamp(), "a rename by another process");
            assertEquals("elsewhere", console.queries().list(Actor.ONEADMIN).get(0).network().name());
        }
    }
}
