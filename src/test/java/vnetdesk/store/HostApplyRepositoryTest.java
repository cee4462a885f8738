package vnetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.VnetException;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostApplyOutcome.Result;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.HostConnection.Identity;

/** Hosts' login columns, applied digests and apply history on a real H2 file. */
class HostApplyRepositoryTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456789Z");

    @TempDir
    Path dir;

    private Database db;
    private final HostRepository hosts = new HostRepository();
    private final HostApplyRepository applies = new HostApplyRepository();

    @BeforeEach
    void open() {
        db = Database.openDirectory(dir.resolve("inventory"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void insert(Host h) {
        db.inTransaction(c -> {
            hosts.insert(c, h);
            return null;
        });
    }

    private static HostApplyOutcome outcome(int second, Result result) {
        return new HostApplyOutcome(T0.plusSeconds(second), T0.plusSeconds(second).plusNanos(7), result,
                result.namesAFailedStep() ? Optional.of(3) : Optional.empty(), "run " + second, second);
    }

    @Test
    void eachIdentityAndTheLoginReadBackAsWritten() {
        List<HostConnection> logins = List.of(HostConnection.DEFAULT,
                new HostConnection(2222, "deploy", Identity.PASSWORD),
                new HostConnection(65535, "oneadmin", new Identity.KeyFile("/home/admin/.ssh/id ed25519")));
        for (int i = 0; i < logins.size(); i++) {
            insert(new Host(i, "kvm" + i, 0, "10.9.0." + (i + 1), Map.of("NOTE", "x"), 0, logins.get(i)));
        }
        assertEquals(logins, db.read(c -> hosts.list(c)).stream().map(Host::connection).toList());

        Host read = db.read(c -> hosts.find(c, 1)).orElseThrow();
        db.inTransaction(c -> hosts.update(c, read.withConnection(HostConnection.DEFAULT.withUser("ops"))));
        Host after = db.read(c -> hosts.find(c, 1)).orElseThrow();
        assertEquals(new HostConnection(22, "ops", Identity.AGENT), after.connection());
        assertEquals(read.version() + 1, after.version(), "a login change is an edit like any other");
    }

    @Test
    void theTableRefusesAKeyFileIdentityWithoutItsPath() {
        insert(new Host(0, "kvm0", 0, "", Map.of(), 0));
        assertThrows(VnetException.class, () -> db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE HOST SET IDENTITY = 'KEY_FILE' WHERE ID = 0")) {
                return s.executeUpdate();
            }
        }));
        assertEquals(HostConnection.DEFAULT, db.read(c -> hosts.find(c, 0)).orElseThrow().connection());
    }

    @Test
    void historyIsNewestFirstWithInstantsToTheNanosecond() {
        insert(new Host(0, "kvm0", 0, "", Map.of(), 0));
        insert(new Host(1, "kvm1", 0, "", Map.of(), 0));
        HostApplyOutcome first = outcome(0, Result.APPLIED);
        HostApplyOutcome failed = outcome(60, Result.FAILED_ROLLED_BACK);
        HostApplyOutcome unreachable = outcome(120, Result.UNREACHABLE);
        db.inTransaction(c -> {
            applies.insert(c, 0, failed);
            applies.insert(c, 0, first);
            applies.insert(c, 0, unreachable);
            applies.insert(c, 1, outcome(5, Result.NOTHING_TO_DO));
            return null;
        });
        assertEquals(List.of(unreachable, failed, first), db.read(c -> applies.history(c, 0, 10)));
        assertEquals(List.of(unreachable), db.read(c -> applies.history(c, 0, 1)));
        assertEquals(Map.of(0, unreachable, 1, outcome(5, Result.NOTHING_TO_DO)),
                db.read(c -> applies.latestPerHost(c)));
        assertEquals(Optional.of(3), db.read(c -> applies.history(c, 0, 3)).get(1).failedStep());
    }

    @Test
    void pruningKeepsTheNewestOfThatHostOnly() {
        insert(new Host(0, "kvm0", 0, "", Map.of(), 0));
        insert(new Host(1, "kvm1", 0, "", Map.of(), 0));
        db.inTransaction(c -> {
            for (int i = 0; i < 5; i++) {
                applies.insert(c, 0, outcome(i, Result.APPLIED));
                applies.insert(c, 1, outcome(i, Result.APPLIED));
            }
            return null;
        });
        int pruned = db.inTransaction(c -> applies.prune(c, 0, 2));
        assertEquals(3, pruned);
        assertEquals(List.of(outcome(4, Result.APPLIED), outcome(3, Result.APPLIED)),
                db.read(c -> applies.history(c, 0, 10)));
        assertEquals(5, db.read(c -> applies.history(c, 1, 10)).size());
    }

    @Test
    void deletingAHostDeletesItsHistoryAndItsDigestGoesWithTheRow() {
        insert(new Host(0, "kvm0", 0, "", Map.of(), 0));
        insert(new Host(1, "kvm1", 0, "", Map.of(), 0));
        String digest = "ab".repeat(32);
        db.inTransaction(c -> {
            applies.insert(c, 0, outcome(1, Result.APPLIED));
            applies.insert(c, 1, outcome(1, Result.APPLIED));
            hosts.setAppliedDigest(c, 0, digest);
            return null;
        });
        assertEquals(Optional.of(digest), db.read(c -> hosts.appliedDigest(c, 0)));
        assertEquals(Map.of(0, digest), db.read(c -> hosts.appliedDigests(c)));
        assertEquals(Optional.empty(), db.read(c -> hosts.appliedDigest(c, 1)));

        db.inTransaction(c -> {
            hosts.delete(c, 0);
            return null;
        });
        assertEquals(List.of(), db.read(c -> applies.history(c, 0, 10)));
        assertEquals(1, db.read(c -> applies.history(c, 1, 10)).size(), "another host's history stays");
        assertEquals(Map.of(), db.read(c -> hosts.appliedDigests(c)));
    }

    @Test
    void aRenameDoesNotTouchTheAppliedDigest() {
        insert(new Host(0, "kvm0", 0, "", Map.of(), 0));
        String digest = "0f".repeat(32);
        db.inTransaction(c -> {
            hosts.setAppliedDigest(c, 0, digest);
            return hosts.update(c, hosts.find(c, 0).orElseThrow().withName("kvm-a"));
        });
        assertEquals(Optional.of(digest), db.read(c -> hosts.appliedDigest(c, 0)));
    }

    @Test
    void anOutcomeNamesAFailedStepExactlyWhenItFailedAtOne() {
        assertThrows(VnetException.class, () -> new HostApplyOutcome(T0, T0, Result.FAILED_ROLLED_BACK,
                Optional.empty(), "", 1));
        assertThrows(VnetException.class, () -> new HostApplyOutcome(T0, T0, Result.APPLIED, Optional.of(2), "", 1));
        assertThrows(VnetException.class, () -> new HostApplyOutcome(T0, T0, Result.FAILED_NOT_ROLLED_BACK,
                Optional.of(0), "", 1));
        assertThrows(VnetException.class, () -> new HostApplyOutcome(T0.plusSeconds(1), T0, Result.APPLIED,
                Optional.empty(), "", 1));
        HostApplyOutcome longMessage = new HostApplyOutcome(T0, T0, Result.UNREACHABLE, Optional.empty(),
                "x".repeat(10_000), 0);
        assertEquals(HostApplyOutcome.MAX_MESSAGE_LENGTH, longMessage.message().length());
        assertTrue(longMessage.message().endsWith("…"));
        assertEquals("FAILED_ROLLED_BACK at step 3", outcome(1, Result.FAILED_ROLLED_BACK).summary());
    }
}
