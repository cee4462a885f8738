package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.service.InventoryLocation;

/** Which command lines open the console (and on what), and which stay CLI command lines. */
class ConsoleArgumentsTest {

    private static final Map<String, String> ENV = Map.of("HOME", "/home/ann", "VNETDESK_USER", "carol");

    private static ConsoleArguments.Console console(String... args) {
        Optional<ConsoleArguments.Console> c = ConsoleArguments.console(args);
        assertTrue(c.isPresent(), () -> String.join(" ", args) + " should open the console");
        return c.get();
    }

    private static void cli(String... args) {
        assertEquals(Optional.empty(), ConsoleArguments.console(args),
                () -> String.join(" ", args) + " should be left to the CLI");
    }

    @Test
    void noArgumentsOpenTheConsoleOnTheEnvironmentsInventory() {
        ConsoleArguments.Console c = console();
        assertEquals(new InventoryLocation(Optional.of(Path.of("/home/ann/.local/share/vnetdesk")), Optional.empty()),
                c.location(ENV));
        assertEquals("carol", c.userName(ENV));
        assertEquals("oneadmin", c.userName(Map.of("VNETDESK_USER", " ")));
    }

    @Test
    void dataAloneOpensTheConsoleOnThatFolderInEitherSpelling() {
        InventoryLocation folder = new InventoryLocation(Optional.of(Path.of("/srv/inv")), Optional.empty());
        assertEquals(folder, console("--data", "/srv/inv").location(ENV));
        assertEquals(folder, console("--data=/srv/inv").location(Map.of("VNETDESK_DATA", "/elsewhere")));
    }

    @Test
    void dbAloneAndUserOpenTheConsoleToo() {
        ConsoleArguments.Console c = console("--db", "jdbc:h2:tcp://db/inv", "--user", "bob");
        assertEquals(new InventoryLocation(Optional.empty(), Optional.of("jdbc:h2:tcp://db/inv")), c.location(ENV));
        assertEquals("bob", c.userName(ENV));
        assertEquals(new InventoryLocation(Optional.of(Path.of("/srv/inv")), Optional.empty()),
                console("--user=bob", "--data", "/srv/inv").location(ENV));
    }

    @Test
    void aCommandHelpOrAMalformedOptionStaysWithTheCli() {
        cli("--data", "/srv/inv", "vnet", "list");
        cli("vnet", "list");
        cli("--help");
        cli("--version");
        cli("--data");
        cli("--data=");
        cli("--data", "--db", "jdbc:h2:mem:x");
        cli("--data", "/a", "--data", "/b");
        cli("--data", "/srv/inv", "--frob");
        cli("--database", "/srv/inv");
    }
}
