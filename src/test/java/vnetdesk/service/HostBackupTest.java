package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VnetException;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.HostConnection.Identity;

/** Hosts' login settings in the JSON backup: kept, never a password, version 2 backups get the defaults. */
class HostBackupTest {

    private static final Actor ADMIN = Actor.ONEADMIN;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<HostConnection> LOGINS = List.of(HostConnection.DEFAULT,
            new HostConnection(2222, "deploy", Identity.PASSWORD),
            new HostConnection(65535, "oneadmin", new Identity.KeyFile("/home/admin/.ssh/id ed25519 \"work\"")));

    @TempDir
    Path dir;

    private Inventory open(String name) {
        return Inventory.openDirectory(dir.resolve(name));
    }

    private String backupOfThreeHosts() {
        try (Inventory inv = open("source")) {
            for (int i = 0; i < LOGINS.size(); i++) {
                inv.hosts().create(ADMIN, "kvm" + i, Optional.empty(), Optional.of("10.9.0." + (i + 1)),
                        LOGINS.get(i));
            }
            Instant t = Instant.parse("2025-03-01T10:00:00Z");
            inv.hosts().markApplied(ADMIN, ObjectRef.name("kvm0"), "c".repeat(64),
                    new HostApplyOutcome(t, t, HostApplyOutcome.Result.APPLIED, Optional.empty(), "ok", 3));
            return inv.interchange().exportJson(ADMIN, List.of());
        }
    }

    private List<HostConnection> restoredLogins(String backup) {
        try (Inventory inv = open("restored")) {
            inv.interchange().importFile(ADMIN, backup, "backup.json");
            return inv.hosts().list(ADMIN).stream().map(h -> h.host().connection()).toList();
        }
    }

    @Test
    void theBackupKeepsEveryLoginAndRestoresIt() throws Exception {
        String backup = backupOfThreeHosts();
        JsonNode hosts = JSON.readTree(backup).get("hosts");
        assertEquals(Set.of("port", "user", "identity"), names(hosts.get(1).get("connection")),
                "a login is these three fields, nothing that could hold a secret");
        assertEquals("password", hosts.get(1).get("connection").get("identity").asText());
        assertEquals("/home/admin/.ssh/id ed25519 \"work\"", hosts.get(2).get("connection").get("identity").asText());
        assertEquals(LOGINS, restoredLogins(backup));
        try (Inventory inv = open("restored")) {
            assertEquals(Optional.empty(), inv.hosts().lastOutcome(ADMIN, ObjectRef.name("kvm0")),
                    "apply history is not backed up");
            assertEquals(Optional.empty(), inv.hosts().appliedDigest(ADMIN, ObjectRef.name("kvm0")),
                    "a restored host has pending changes until the engine has looked at it");
        }
        assertFalse(backup.contains("c".repeat(64)), "no applied digest in the backup");
    }

    @Test
    void aVersion2BackupGivesItsHostsTheDefaultLogin() throws Exception {
        ObjectNode old = (ObjectNode) JSON.readTree(backupOfThreeHosts());
        old.put("version", 2);
        old.get("hosts").forEach(h -> ((ObjectNode) h).remove("connection"));
        assertEquals(List.of(HostConnection.DEFAULT, HostConnection.DEFAULT, HostConnection.DEFAULT),
                restoredLogins(JSON.writeValueAsString(old)));
    }

    @Test
    void aHostileLoginInABackupIsRefusedNamingThePlaceAndTheField() throws Exception {
        String backup = backupOfThreeHosts();
        for (String[] bad : new String[][]{{"user", "root;reboot"}, {"user", "$(reboot)"}, {"identity", "id_rsa"},
                {"identity", "/keys/a\nb"}}) {
            ObjectNode doc = (ObjectNode) JSON.readTree(backup);
            ((ObjectNode) doc.get("hosts").get(1).get("connection")).put(bad[0], bad[1]);
            VnetException e = assertThrows(VnetException.class, () -> {
                try (Inventory inv = open("hostile-" + bad[0] + bad[1].length())) {
                    inv.interchange().importFile(ADMIN, JSON.writeValueAsString(doc), "backup.json");
                }
            });
            assertTrue(e.getMessage().startsWith("backup.json: line ") && e.getMessage().contains(": connection: "
                    + bad[0] + ": invalid value"), e.getMessage());
        }
        ObjectNode doc = (ObjectNode) JSON.readTree(backup);
        ((ObjectNode) doc.get("hosts").get(0).get("connection")).put("port", 0);
        VnetException port = assertThrows(VnetException.class, () -> {
            try (Inventory inv = open("port")) {
                inv.interchange().importFile(ADMIN, JSON.writeValueAsString(doc), "backup.json");
            }
        });
        assertTrue(port.getMessage().contains("hosts[0].connection.port: expected a whole number from 1 to 65535"),
                port.getMessage());
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
