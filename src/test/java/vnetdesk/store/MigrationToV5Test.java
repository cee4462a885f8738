package vnetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostConnection;

/** An inventory written by the schema before V5 opens with its hosts, VMs and sequences intact. */
class MigrationToV5Test {

    @TempDir
    Path dir;

    @Test
    void hostsOfAVersion4InventoryKeepEverythingAndGetTheDefaultLogin() throws Exception {
        Files.createDirectories(dir);
        // the same file Database.openDirectory opens, brought only to V4 as an older vnetdesk left it
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("inventory") + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "vnetdesk", "").locations("classpath:db/migration").target("4").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "vnetdesk", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO HOST (ID, NAME, CLUSTER_ID, ADDRESS, VERSION, BODY) VALUES"
                    + " (0, 'kvm1', 0, '10.9.0.1', 3, '{\"NOTE\":\"rack 4\"}'), (1, 'kvm2', 0, '', 0, '{}')");
            s.executeUpdate("INSERT INTO VM (ID, NAME, UID, GID, PERMS, LOCK_LEVEL, STATE, HOST_ID, VERSION, BODY)"
                    + " VALUES (0, 'web', 0, 0, 384, NULL, 'RUNNING', 0, 0, '{}')");
        }

        try (Database db = Database.openDirectory(dir)) {
            HostRepository hosts = new HostRepository();
            assertEquals(List.of(
                            new Host(0, "kvm1", 0, "10.9.0.1", Map.of("NOTE", "rack 4"), 3, HostConnection.DEFAULT),
                            new Host(1, "kvm2", 0, "", Map.of(), 0, HostConnection.DEFAULT)),
                    db.read(hosts::list));
            assertEquals(Optional.empty(), db.read(c -> hosts.appliedDigest(c, 0)), "nothing applied yet");
            assertEquals(List.of(), db.read(c -> new HostApplyRepository().history(c, 0, 10)));
            assertEquals(1, db.read(c -> new VmRepository().onHost(c, 0)).size(), "the VM stays on its host");
            // migrated on to the newest version (V6 added HOST_STATUS)
            assertEquals("6", db.read(c -> {
                try (Statement s = c.createStatement();
                     var r = s.executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\""
                             + " WHERE \"success\"")) {
                    r.next();
                    return r.getString(1);
                }
            }));
        }
    }
}
