package vnetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.ConcurrentChangeException;
import vnetdesk.model.ConflictException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.store.OwnedObjectRepository.Row;

/**
 * The repositories bump versions themselves: a caller writes an object back
 * with the version it read, and a second writer holding the same old version
 * gets the conflict — no caller ever adds one to a version.
 */
class OptimisticLockingTest {

    @TempDir
    Path dir;

    private Database db;
    private final NetworkRepository networks = new NetworkRepository();

    @BeforeEach
    void open() {
        db = Database.openDirectory(dir.resolve("inventory"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theSecondOfTwoReadersOfANetworkGetsTheConflict() {
        int id = StoreTestNetworks.insert(db, "lan").id();
        VirtualNetwork first = db.read(c -> networks.find(c, id)).orElseThrow();
        VirtualNetwork second = db.read(c -> networks.find(c, id)).orElseThrow();

        db.inTransaction(c -> networks.update(c, first.toBuilder().name("first").build()));
        ConflictException e = assertThrows(ConflictException.class,
                () -> db.inTransaction(c -> networks.update(c, second.toBuilder().name("second").build())));

        assertEquals("network " + id + " was changed by another console; reload and try again", e.getMessage());
        VirtualNetwork stored = db.read(c -> networks.find(c, id)).orElseThrow();
        assertEquals("first", stored.name());
        assertEquals(first.version() + 1, stored.version());
    }

    @Test
    void aNetworkReadAfterEachUpdateCanBeUpdatedAgain() {
        int id = StoreTestNetworks.insert(db, "lan").id();
        VirtualNetwork read = db.read(c -> networks.find(c, id)).orElseThrow();
        long afterFirst = db.inTransaction(c -> networks.update(c, read.toBuilder().name("one").build()));
        VirtualNetwork reread = db.read(c -> networks.find(c, id)).orElseThrow();
        long afterSecond = db.inTransaction(c -> networks.update(c, reread.toBuilder().name("two").build()));

        assertEquals(read.version() + 1, afterFirst);
        assertEquals(afterFirst, reread.version());
        assertEquals(afterFirst + 1, afterSecond);
        VirtualNetwork stored = db.read(c -> networks.find(c, id)).orElseThrow();
        assertEquals("two", stored.name());
        assertEquals(afterSecond, stored.version());
    }

    @Test
    void theSecondOfTwoReadersOfASecurityGroupGetsTheConflict() {
        secondReaderConflicts(OwnedObjectRepository.securityGroups(), "security group");
    }

    @Test
    void theSecondOfTwoReadersOfANetworkTemplateGetsTheConflict() {
        secondReaderConflicts(OwnedObjectRepository.networkTemplates(), "network template");
    }

    /** Row 0 of both tables is built in (the default group, the private IPv4 template). */
    private void secondReaderConflicts(OwnedObjectRepository repo, String noun) {
        Row first = db.read(c -> repo.find(c, 0)).orElseThrow();
        Row second = db.read(c -> repo.find(c, 0)).orElseThrow();

        long written = db.inTransaction(c -> repo.update(c, first.withName("first")));
        ConflictException e = assertThrows(ConflictException.class,
                () -> db.inTransaction(c -> repo.update(c, second.withName("second"))));

        assertEquals(noun + " 0 was changed by another console; reload and try again", e.getMessage());
        Row stored = db.read(c -> repo.find(c, 0)).orElseThrow();
        assertEquals("first", stored.name());
        assertEquals(first.version() + 1, written);
        assertEquals(written, stored.version());
    }

    @Test
    void anOwnedObjectReadAfterEachUpdateCanBeUpdatedAgain() {
        OwnedObjectRepository repo = OwnedObjectRepository.networkTemplates();
        Row read = db.read(c -> repo.find(c, 0)).orElseThrow();
        db.inTransaction(c -> repo.update(c, read.withName("one")));
        Row reread = db.read(c -> repo.find(c, 0)).orElseThrow();
        db.inTransaction(c -> repo.update(c, reread.withBody("DESCRIPTION = \"changed\"\n")));

        Row stored = db.read(c -> repo.find(c, 0)).orElseThrow();
        assertEquals("one", stored.name());
        assertEquals("DESCRIPTION = \"changed\"\n", stored.body());
        assertEquals(read.version() + 2, stored.version());
    }

    @Test
    void anAddressRangeTouchedWithAStaleVersionIsRefusedAndTheCounterStays() {
        int id = StoreTestNetworks.insert(db, "lan").id();
        LeaseRepository leases = new LeaseRepository();
        long read = db.read(c -> leases.readAr(c, id, 0)).orElseThrow().version();

        long written = db.inTransaction(c -> leases.touchAr(c, id, 0, read, 1, OptionalLong.empty()));
        // a version read in the same transaction that moved: the whole transaction may run again (Tx does)
        ConcurrentChangeException e = assertThrows(ConcurrentChangeException.class,
                () -> db.inTransaction(c -> leases.touchAr(c, id, 0, read, 1, OptionalLong.empty())));

        assertEquals("address range 0 of network " + id + " was changed by another console or process meanwhile;"
                + " try again", e.getMessage());
        LeaseRepository.ArState stored = db.read(c -> leases.readAr(c, id, 0)).orElseThrow();
        assertEquals(read + 1, written);
        assertEquals(written, stored.version());
        assertEquals(1, stored.used());
    }
}
