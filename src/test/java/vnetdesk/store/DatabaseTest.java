package vnetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.VnetException;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void inventoryFilesAreReadableOnlyByTheUser() throws Exception {
        Path data = dir.resolve("inv");
        try (Database db = Database.openDirectory(data, Database.Opener.CONSOLE)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.resolve("inventory.mv.db"))));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.resolve("vnetdesk.pid"))));
            // H2's lock file holds the key other processes attach with; its server listens on loopback only
            Path lock = data.resolve("inventory.lock.db");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
            assertTrue(Files.readString(lock).contains("server=localhost\\:"), Files.readString(lock));
        }
    }

    @Test
    void aSecondConsoleInTheSameProcessIsRefusedWithThePid() throws Exception {
        try (Database db = Database.openDirectory(dir, Database.Opener.CONSOLE)) {
            InventoryInUseException e = assertThrows(InventoryInUseException.class,
                    () -> Database.openDirectory(dir, Database.Opener.CONSOLE));
            assertTrue(e.getMessage().contains("is open in another console (pid " + ProcessHandle.current().pid() + ")"),
                    e.getMessage());
            // the refused attempt must not disturb the first console's lock file
            assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(dir.resolve("vnetdesk.pid")));
        }
        try (Database again = Database.openDirectory(dir, Database.Opener.CONSOLE)) {
            assertEquals(dir.toAbsolutePath().normalize().toString(), again.location());
        }
    }

    @Test
    void commandsOpenBesideAConsoleAndSeeItsCommits() throws Exception {
        try (Database console = Database.openDirectory(dir, Database.Opener.CONSOLE);
             Database command = Database.openDirectory(dir);
             Database another = Database.openDirectory(dir)) {
            command.inTransaction(c -> c.createStatement().executeUpdate(
                    "UPDATE INVENTORY_META SET META_VALUE = META_VALUE + 1 WHERE NAME = 'AR_GENERATION'"));
            long seen = console.read(DatabaseTest::arGeneration);
            assertEquals(seen, (long) another.read(DatabaseTest::arGeneration));
            assertTrue(seen > 0, "the command's commit is seen by the console: " + seen);
        }
    }

    private static long arGeneration(java.sql.Connection c) throws java.sql.SQLException {
        try (var r = c.createStatement().executeQuery(
                "SELECT META_VALUE FROM INVENTORY_META WHERE NAME = 'AR_GENERATION'")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aDamagedInventoryFileGivesAClearError() throws Exception {
        Files.write(dir.resolve("inventory.mv.db"), new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        VnetException e = assertThrows(VnetException.class, () -> Database.openDirectory(dir));
        assertTrue(e.getMessage().startsWith("inventory " + dir.toAbsolutePath().normalize() + " cannot be read"),
                e.getMessage());
        assertTrue(e.getMessage().length() < 400, "one readable line, not a dump: " + e.getMessage());
    }

    @Test
    void aFolderThatCannotBeCreatedIsRefusedWithTheReasonInWords() throws Exception {
        // /proc takes no new folders, even from root
        VnetException proc = assertThrows(VnetException.class, () -> Database.openDirectory(Path.of("/proc/nope")));
        assertEquals("cannot create the inventory folder /proc/nope: /proc does not accept new folders",
                proc.getMessage());
        Path file = Files.createFile(dir.resolve("plain"));
        VnetException underFile = assertThrows(VnetException.class,
                () -> Database.openDirectory(file.resolve("inv")));
        assertEquals("cannot create the inventory folder " + file.resolve("inv") + ": " + file
                + " is a file, not a folder", underFile.getMessage());
    }

    @Test
    void onlyH2UrlsAreAccepted() {
        VnetException e = assertThrows(VnetException.class, () -> Database.openUrl("jdbc:mysql://x/y"));
        assertTrue(e.getMessage().startsWith("--db: unsupported JDBC URL"), e.getMessage());
    }

    @Test
    void anInventoryFromAnotherSchemaVersionGivesOneLine() throws Exception {
        try (Database db = Database.openDirectory(dir)) {
            db.inTransaction(c -> c.createStatement().executeUpdate(
                    "UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'"));
        }
        VnetException e = assertThrows(VnetException.class, () -> Database.openDirectory(dir));
        assertTrue(e.getMessage().endsWith("written by a different version of vnetdesk whose schema this one does not know"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
