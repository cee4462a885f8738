package vnetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreMaintenanceTest {

    private static final String THREAD = "vnetdesk-store-maintenance";
    private static final int COMMITS = 6_000;
    /**
     * Without maintenance these commits leave a 62 MiB file (about 11 KiB each, also with
     * only the retention time at 0 or only the compaction thread); with both, about 1 MiB.
     */
    private static final long BOUND = 24L << 20;

    @TempDir
    Path dir;

    @Test
    void thousandsOfSingleRowCommitsKeepTheOpenFileSmall() throws Exception {
        Path file = dir.resolve("inventory.mv.db");
        long largest = 0;
        try (Database db = Database.openDirectory(dir)) {
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE T_ROW(ID INT PRIMARY KEY, OWNER VARCHAR(40))");
                    s.execute("CREATE TABLE T_COUNT(ID INT PRIMARY KEY, USED INT)");
                    return s.executeUpdate("INSERT INTO T_COUNT VALUES (1, 0)");
                }
            });
            // one row and one counter update per transaction, as a single-lease allocation writes
            for (int i = 0; i < COMMITS; i++) {
                int id = i;
                db.inTransaction(c -> {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO T_ROW VALUES (?, ?)");
                         PreparedStatement count = c.prepareStatement("UPDATE T_COUNT SET USED = USED + 1 WHERE ID = 1")) {
                        insert.setInt(1, id);
                        insert.setString(2, "VM:" + id + " NIC:0");
                        insert.executeUpdate();
                        return count.executeUpdate();
                    }
                });
                if (i % 500 == 0) {
                    largest = Math.max(largest, Files.size(file));
                }
            }
            largest = Math.max(largest, Files.size(file));
            int used = db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT USED FROM T_COUNT")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertEquals(COMMITS, used);
        }
        assertTrue(largest < BOUND, "the open inventory file reached " + largest + " bytes after " + COMMITS
                + " commits; bound " + BOUND);
    }

    @Test
    void theMaintenanceThreadIsADaemonThatStopsWithTheInventory() throws Exception {
        Set<Thread> before = maintenanceThreads();
        Thread thread;
        try (Database db = Database.openDirectory(dir)) {
            Set<Thread> started = maintenanceThreads();
            started.removeAll(before);
            assertEquals(1, started.size(), "one maintenance thread per open inventory");
            thread = started.iterator().next();
            assertTrue(thread.isDaemon());
        }
        thread.join(10_000);
        assertFalse(thread.isAlive(), "the thread outlived the inventory");
    }

    @Test
    void aSessionOverTcpLeavesTheFileToTheProcessThatHasItOpen() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Server server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists",
                "-baseDir", dir.toString()).start();
        try {
            Set<Thread> before = maintenanceThreads();
            try (Database db = Database.openUrl("jdbc:h2:tcp://localhost:" + port + "/inventory")) {
                int one = db.read(c -> {
                    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) {
                        r.next();
                        return r.getInt(1);
                    }
                });
                assertEquals(1, one);
                assertEquals(before, maintenanceThreads(), "a remote session must not look after the server's file");
            }
        } finally {
            server.stop();
        }
    }

    private static Set<Thread> maintenanceThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(THREAD) && t.isAlive())
                .collect(Collectors.toCollection(HashSet::new));
    }
}
