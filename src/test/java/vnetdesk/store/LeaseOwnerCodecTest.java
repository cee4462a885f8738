package vnetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vnetdesk.model.LeaseOwner;
import vnetdesk.model.VnetException;

/** The stored form of lease owners: every kind round-trips, anything else is refused by name. */
class LeaseOwnerCodecTest {

    @TempDir
    Path dir;

    private Database db;
    private int networkId;
    private final LeaseRepository leases = new LeaseRepository();

    @BeforeEach
    void open() {
        db = Database.openDirectory(dir.resolve("inventory"));
        networkId = StoreTestNetworks.insert(db, "lan").id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Stream<LeaseOwner> everyKind() {
        return Stream.of(new LeaseOwner.VmNic(0, 0), new LeaseOwner.VmNic(Integer.MAX_VALUE, 7), LeaseOwner.HOLD,
                new LeaseOwner.Reservation(0), new LeaseOwner.Reservation(42));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyOwnerKindRoundTripsThroughTheCodec(LeaseOwner owner) {
        assertEquals(owner, LeaseOwnerCodec.decode(LeaseOwnerCodec.encode(owner)));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyOwnerKindRoundTripsThroughTheLeaseTable(LeaseOwner owner) {
        db.inTransaction(c -> {
            leases.insert(c, List.of(new LeaseRepository.LeaseRow(networkId, 0, 3, owner)));
            return null;
        });
        assertEquals(owner, db.read(c -> leases.find(c, networkId, 0, 3)).orElseThrow().owner());
    }

    @Test
    void theColumnsAreTheDocumentedOnes() {
        assertEquals(new LeaseOwnerCodec.Columns("V", OptionalInt.of(3), OptionalInt.of(1)),
                LeaseOwnerCodec.encode(new LeaseOwner.VmNic(3, 1)));
        assertEquals(new LeaseOwnerCodec.Columns("H", OptionalInt.empty(), OptionalInt.empty()),
                LeaseOwnerCodec.encode(LeaseOwner.HOLD));
        assertEquals(new LeaseOwnerCodec.Columns("N", OptionalInt.of(9), OptionalInt.empty()),
                LeaseOwnerCodec.encode(new LeaseOwner.Reservation(9)));
    }

    @Test
    void anUnknownKindInTheDatabaseIsRefusedByName() {
        // the schema only allows V, H and N; a newer vnetdesk (or a hand edit) may write another kind
        sql("ALTER TABLE LEASE DROP CONSTRAINT LEASE_OWNER_KIND");
        sql("INSERT INTO LEASE (NETWORK_ID, AR_ID, IDX, OWNER_KIND, OWNER_ID, NIC) VALUES (" + networkId
                + ", 0, 5, 'R', 12, NULL)");

        VnetException e = assertThrows(VnetException.class, () -> db.read(c -> leases.find(c, networkId, 0, 5)));

        assertTrue(e.getMessage().contains("OWNER_KIND \"R\" is not a lease owner kind"), e.getMessage());
        assertTrue(e.getMessage().contains("network " + networkId + ", address range 0, index 5"), e.getMessage());
    }

    @Test
    void aVmLeaseWithoutItsNicIsRefusedNamingTheColumn() {
        sql("INSERT INTO LEASE (NETWORK_ID, AR_ID, IDX, OWNER_KIND, OWNER_ID, NIC) VALUES (" + networkId
                + ", 0, 6, 'V', 12, NULL)");

        VnetException e = assertThrows(VnetException.class, () -> db.read(c -> leases.find(c, networkId, 0, 6)));

        assertTrue(e.getMessage().contains("NIC is empty, but OWNER_KIND \"V\" needs it"), e.getMessage());
    }

    @Test
    void aReservationLeaseWithoutItsNetworkIsRefusedNamingTheColumn() {
        VnetException e = assertThrows(VnetException.class, () -> LeaseOwnerCodec.decode(
                new LeaseOwnerCodec.Columns("N", OptionalInt.empty(), OptionalInt.empty())));

        assertEquals("OWNER_ID is empty, but OWNER_KIND \"N\" needs it", e.getMessage());
    }

    /** Plain SQL past the repositories, to write what they never would. */
    private void sql(String statement) {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(statement);
            }
        });
    }
}
