package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.NotFoundException;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostApplyOutcome.Result;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.HostConnection.Identity;
import vnetdesk.service.Inventory;
import vnetdesk.service.core.Access;
import vnetdesk.service.host.HostService.ConnectionChange;

/** Hosts' login settings and apply records through the service, end to end on H2. */
class HostConnectionServiceTest {

    private static final Actor ADMIN = Actor.ONEADMIN;
    private static final ObjectRef KVM1 = ObjectRef.name("kvm1");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String DIGEST_A = "a".repeat(64);
    private static final String DIGEST_B = "0123456789abcdef".repeat(4);
    private static final List<String> HOSTILE = List.of(";reboot", "x;reboot", "$(reboot)", "`reboot`", "'x'",
            "\"x\"", "a b", "x\n", "x\nreboot", "-x");

    @TempDir
    Path dir;
    private Inventory inv;

    @BeforeEach
    void open() {
        inv = Inventory.openDirectory(dir.resolve("inventory"));
    }

    @AfterEach
    void close() {
        inv.close();
    }

    private static ConnectionChange change(Optional<String> address, Optional<Integer> port, Optional<String> user,
                                           Optional<Identity> identity) {
        return new ConnectionChange(address, port, user, identity);
    }

    /** A plain word with the hostile part after it, or the part alone where it attacks the start (a leading '-'). */
    private static String hostile(String word, String bad) {
        return bad.startsWith("-") ? bad : word + bad;
    }

    private static HostApplyOutcome outcome(int minute, Result result) {
        return new HostApplyOutcome(T0.plusSeconds(60L * minute), T0.plusSeconds(60L * minute + 5), result,
                result.namesAFailedStep() ? Optional.of(2) : Optional.empty(), result.name().toLowerCase(), 4);
    }

    @Test
    void aHostIsCreatedWithItsLoginAndEachSettingChangesAlone() {
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.of("kvm1.example.org"),
                new HostConnection(2222, "deploy", new Identity.KeyFile("/keys/kvm1")));
        assertEquals(new HostConnection(2222, "deploy", new Identity.KeyFile("/keys/kvm1")),
                inv.hosts().show(ADMIN, KVM1).host().connection());

        inv.hosts().setConnection(ADMIN, KVM1, change(Optional.empty(), Optional.of(22), Optional.empty(),
                Optional.empty()));
        inv.hosts().setConnection(ADMIN, KVM1, change(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Identity.PASSWORD)));
        inv.hosts().setConnection(ADMIN, KVM1, change(Optional.of("fd00::7"), Optional.empty(), Optional.of("ops"),
                Optional.empty()));
        var h = inv.hosts().show(ADMIN, KVM1).host();
        assertEquals(new HostConnection(22, "ops", Identity.PASSWORD), h.connection());
        assertEquals("fd00::7", h.address());
        inv.hosts().setAddress(ADMIN, KVM1, "10.9.0.1");
        assertEquals(new HostConnection(22, "ops", Identity.PASSWORD), inv.hosts().show(ADMIN, KVM1).host()
                .connection(), "setting the address keeps the login");
        inv.clusters().create(ADMIN, "edge");
        inv.clusters().addHost(ADMIN, ObjectRef.name("edge"), KVM1);
        inv.hosts().rename(ADMIN, KVM1, "kvm-a");
        assertEquals(new HostConnection(22, "ops", Identity.PASSWORD),
                inv.hosts().show(ADMIN, ObjectRef.name("kvm-a")).host().connection(),
                "moving and renaming keep the login");
    }

    @Test
    void hostileAddressesAreRefusedNamingTheFieldAndNothingChanges() {
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.of("10.9.0.1"));
        for (String bad : HOSTILE) {
            String address = hostile("kvm1", bad);
            ValidationException e = assertThrows(ValidationException.class,
                    () -> inv.hosts().setConnection(ADMIN, KVM1, change(Optional.of(address), Optional.empty(),
                            Optional.empty(), Optional.empty())), bad);
            assertTrue(e.getMessage().startsWith("ADDRESS: invalid value \""
                    + ValidationException.printable(address) + "\""), e.getMessage());
            ValidationException created = assertThrows(ValidationException.class, () -> inv.hosts().create(ADMIN,
                    "kvm2", Optional.empty(), Optional.of(address)), bad);
            assertEquals(Optional.of("ADDRESS"), created.field());
        }
        assertEquals("10.9.0.1", inv.hosts().show(ADMIN, KVM1).host().address());
        assertEquals(1, inv.hosts().list(ADMIN).size());
    }

    @Test
    void hostileUsersAndKeyPathsAreRefusedNamingTheField() {
        for (String bad : HOSTILE) {
            ValidationException user = assertThrows(ValidationException.class,
                    () -> HostConnection.DEFAULT.withUser(hostile("root", bad)), bad);
            assertEquals(Optional.of("USER"), user.field(), user.getMessage());
        }
        for (String bad : List.of("/keys/a\nb", "/keys/a\u0000", "keys/a", "~/a", "$(reboot)")) {
            ValidationException key = assertThrows(ValidationException.class,
                    () -> Identity.parse("IDENTITY", bad), bad);
            assertEquals(Optional.of("IDENTITY"), key.field(), key.getMessage());
        }
        ValidationException port = assertThrows(ValidationException.class,
                () -> inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty(),
                        HostConnection.DEFAULT.withPort(70000)));
        assertEquals("PORT: invalid value \"70000\": expected a port number from 1 to 65535", port.getMessage());
        assertEquals(0, inv.hosts().list(ADMIN).size());
    }

    @Test
    void outcomesAreKeptNewestFirstAndShownWithTheHost() {
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty());
        inv.hosts().create(ADMIN, "kvm2", Optional.empty(), Optional.empty());
        assertEquals(Optional.empty(), inv.hosts().lastOutcome(ADMIN, KVM1));
        inv.hosts().recordOutcome(ADMIN, KVM1, outcome(0, Result.UNREACHABLE));
        inv.hosts().recordOutcome(ADMIN, KVM1, outcome(1, Result.FAILED_ROLLED_BACK));
        assertEquals(Optional.of(outcome(1, Result.FAILED_ROLLED_BACK)), inv.hosts().lastOutcome(ADMIN, KVM1));
        assertEquals(List.of(outcome(1, Result.FAILED_ROLLED_BACK), outcome(0, Result.UNREACHABLE)),
                inv.hosts().history(ADMIN, KVM1, 10));
        assertEquals(Optional.of(outcome(1, Result.FAILED_ROLLED_BACK)), inv.hosts().show(ADMIN, KVM1).lastApply());
        assertEquals(List.of(Optional.of(outcome(1, Result.FAILED_ROLLED_BACK)), Optional.empty()),
                inv.hosts().list(ADMIN).stream().map(HostService.HostInfo::lastApply).toList());
        assertEquals(Optional.empty(), inv.hosts().appliedDigest(ADMIN, KVM1), "a failed apply leaves it pending");
        assertThrows(ValidationException.class, () -> inv.hosts().history(ADMIN, KVM1, 0));
    }

    @Test
    void historyKeepsTheNewestHundredPerHost() {
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty());
        for (int i = 0; i < HostService.HISTORY_KEPT + 5; i++) {
            inv.hosts().recordOutcome(ADMIN, KVM1, outcome(i, Result.NOTHING_TO_DO));
        }
        List<HostApplyOutcome> kept = inv.hosts().history(ADMIN, KVM1, HostService.HISTORY_KEPT);
        assertEquals(HostService.HISTORY_KEPT, kept.size());
        assertEquals(outcome(HostService.HISTORY_KEPT + 4, Result.NOTHING_TO_DO), kept.get(0));
        assertEquals(outcome(5, Result.NOTHING_TO_DO), kept.get(kept.size() - 1), "the five oldest went");
    }

    @Test
    void markAppliedRecordsTheOutcomeAndTheDigestTogether() {
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty());
        inv.hosts().markApplied(ADMIN, KVM1, DIGEST_A, outcome(0, Result.APPLIED));
        assertEquals(Optional.of(DIGEST_A), inv.hosts().appliedDigest(ADMIN, KVM1));
        assertEquals(Optional.of(DIGEST_A), inv.hosts().show(ADMIN, KVM1).appliedDigest());

        ValidationException failed = assertThrows(ValidationException.class, () -> inv.hosts().markApplied(ADMIN,
                KVM1, DIGEST_B, outcome(1, Result.FAILED_NOT_ROLLED_BACK)));
        assertTrue(failed.getMessage().startsWith("outcome: invalid value \"FAILED_NOT_ROLLED_BACK at step 2\""),
                failed.getMessage());
        for (String bad : List.of("A".repeat(64), "a".repeat(63), "g".repeat(64), DIGEST_A + "\n")) {
            assertThrows(ValidationException.class, () -> inv.hosts().markApplied(ADMIN, KVM1, bad,
                    outcome(1, Result.APPLIED)), bad);
        }
        NotFoundException missing = assertThrows(NotFoundException.class, () -> inv.hosts().markApplied(ADMIN,
                ObjectRef.name("nosuch"), DIGEST_B, outcome(1, Result.APPLIED)));
        assertTrue(missing.getMessage().contains("nosuch"), missing.getMessage());
        assertEquals(List.of(outcome(0, Result.APPLIED)), inv.hosts().history(ADMIN, KVM1, 10),
                "refused marks recorded nothing");
        assertEquals(Optional.of(DIGEST_A), inv.hosts().appliedDigest(ADMIN, KVM1));

        inv.hosts().markApplied(ADMIN, KVM1, DIGEST_B, outcome(2, Result.NOTHING_TO_DO));
        assertEquals(Optional.of(DIGEST_B), inv.hosts().appliedDigest(ADMIN, KVM1));
    }

    @Test
    void deletingAHostDeletesItsHistory() {
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty());
        inv.hosts().markApplied(ADMIN, KVM1, DIGEST_A, outcome(0, Result.APPLIED));
        inv.hosts().delete(ADMIN, KVM1);
        int again = inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty());
        assertEquals(Optional.empty(), inv.hosts().lastOutcome(ADMIN, ObjectRef.id(again)));
        assertEquals(Optional.empty(), inv.hosts().appliedDigest(ADMIN, ObjectRef.id(again)));
    }

    @Test
    void onlyOneadminOrAnAclGrantChangesTheLoginOrRecordsAnApply() {
        int id = inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.empty());
        inv.users().createUser(ADMIN, "bob", "users");
        Actor bob = inv.actor("bob");
        Access.PermissionDeniedException login = assertThrows(Access.PermissionDeniedException.class,
                () -> inv.hosts().setConnection(bob, KVM1, change(Optional.empty(), Optional.of(2222),
                        Optional.empty(), Optional.empty())));
        assertTrue(login.getMessage().contains("change the connection of"), login.getMessage());
        assertThrows(Access.PermissionDeniedException.class,
                () -> inv.hosts().recordOutcome(bob, KVM1, outcome(0, Result.APPLIED)));
        assertThrows(Access.PermissionDeniedException.class,
                () -> inv.hosts().markApplied(bob, KVM1, DIGEST_A, outcome(0, Result.APPLIED)));
        assertEquals(HostConnection.DEFAULT, inv.hosts().show(bob, KVM1).host().connection(), "anyone reads hosts");

        inv.users().addAcl(ADMIN, "#" + bob.uid() + " HOST/#" + id + " MANAGE");
        inv.hosts().setConnection(bob, KVM1, change(Optional.empty(), Optional.of(2222), Optional.empty(),
                Optional.empty()));
        inv.hosts().markApplied(bob, KVM1, DIGEST_A, outcome(0, Result.APPLIED));
        assertEquals(2222, inv.hosts().show(bob, KVM1).host().connection().port());
        assertEquals(Optional.of(DIGEST_A), inv.hosts().appliedDigest(bob, KVM1));
    }
}
