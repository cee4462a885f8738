package vnetdesk.store;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.h2.api.ErrorCode;

import vnetdesk.model.ConcurrentChangeException;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.VnetException;

/**
 * Used addresses: one row per used index of an AR with its owner. Indexes are
 * unsigned 64-bit values stored as NUMERIC(20). Every change also maintains
 * the AR's USED counter and VERSION, which an allocator cache compares with.
 */
public final class LeaseRepository {

    /** A stored lease: AR, index, owner. */
    public record LeaseRow(int networkId, int arId, long index, LeaseOwner owner) {
    }

    /** AR bookkeeping: used counter, version (bumped by every lease change) and round-robin cursor. */
    public record ArState(long used, long version, OptionalLong roundRobinCursor) {
    }

    /** The counters of an AR; a later {@link #touchAr} checks that the version did not move. */
    public Optional<ArState> readAr(Connection c, int networkId, int arId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT USED, VERSION, RR_CURSOR FROM ADDRESS_RANGE WHERE NETWORK_ID = ? AND AR_ID = ?")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(arState(r.getLong(1), r.getLong(2), r.getBigDecimal(3)));
            }
        }
    }

    static ArState arState(long used, long version, BigDecimal cursor) {
        return new ArState(used, version, cursor == null ? OptionalLong.empty() : OptionalLong.of(fromDecimal(cursor)));
    }

    /**
     * Adds {@code delta} used leases, bumps the version, and optionally moves the
     * round-robin cursor — only if the version is still {@code expectedVersion}
     * (optimistic locking: another console may share the database). Returns the
     * new version.
     */
    public long touchAr(Connection c, int networkId, int arId, long expectedVersion, long delta, OptionalLong cursor)
            throws SQLException {
        String sql = "UPDATE ADDRESS_RANGE SET USED = USED + ?, VERSION = VERSION + 1"
                + (cursor.isPresent() ? ", RR_CURSOR = ?" : "") + " WHERE NETWORK_ID = ? AND AR_ID = ? AND VERSION = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setLong(i++, delta);
            if (cursor.isPresent()) {
                s.setBigDecimal(i++, toDecimal(cursor.getAsLong()));
            }
            s.setInt(i++, networkId);
            s.setInt(i++, arId);
            s.setLong(i, expectedVersion);
            if (s.executeUpdate() != 1) {
                throw new ConcurrentChangeException("address range " + arId + " of network " + networkId
                        + " was changed by another console or process meanwhile; try again");
            }
        }
        return expectedVersion + 1;
    }

    /** Inserts leases in one batch; a duplicate index fails the whole batch (the caller rolls back). */
    public void insert(Connection c, List<LeaseRow> leases) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO LEASE (NETWORK_ID, AR_ID, IDX, OWNER_KIND, OWNER_ID, NIC) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (LeaseRow l : leases) {
                s.setInt(1, l.networkId());
                s.setInt(2, l.arId());
                s.setBigDecimal(3, toDecimal(l.index()));
                LeaseOwnerCodec.bind(s, 4, l.owner());
                if (leases.size() == 1) {
                    s.executeUpdate();
                } else {
                    s.addBatch();
                }
            }
            if (leases.size() > 1) {
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw takenMeanwhile(e, leases.isEmpty() ? -1 : leases.get(0).networkId(),
                    leases.isEmpty() ? -1 : leases.get(0).arId());
        }
    }

    /**
     * Within one process the allocator never picks a used index; a duplicate
     * means another process sharing the inventory took it after this
     * transaction read the range: a conflict to retry, not a damaged store.
     */
    private static SQLException takenMeanwhile(SQLException e, int networkId, int arId) {
        if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1
                || (e instanceof BatchUpdateException && e.getNextException() != null
                && e.getNextException().getErrorCode() == ErrorCode.DUPLICATE_KEY_1)) {
            throw new ConcurrentChangeException("address range " + arId + " of network " + networkId
                    + " was changed by another console or process (an address picked here was taken meanwhile);"
                    + " try again");
        }
        return e;
    }

    /**
     * Inserts one lease for each index of a contiguous run in a single statement
     * (the database generates the rows), for bulk holds and reservations.
     */
    public void insertRun(Connection c, int networkId, int arId, long first, long count, LeaseOwner owner)
            throws SQLException {
        if (first < 0 || first + count - 1 < first) {
            // beyond 2^63: SYSTEM_RANGE is signed, fall back to a batch
            List<LeaseRow> rows = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                rows.add(new LeaseRow(networkId, arId, first + i, owner));
            }
            insert(c, rows);
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO LEASE (NETWORK_ID, AR_ID, IDX, OWNER_KIND, OWNER_ID, "
                + "NIC) SELECT ?, ?, CAST(X AS NUMERIC(20, 0)), ?, ?, ? FROM SYSTEM_RANGE(?, ?)")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            LeaseOwnerCodec.bind(s, 3, owner);
            s.setLong(6, first);
            s.setLong(7, first + count - 1);
            s.executeUpdate();
        } catch (SQLException e) {
            throw takenMeanwhile(e, networkId, arId);
        }
    }

    /** Leases of one AR with indexes in [first, first+count-1], ascending. */
    public List<LeaseRow> inRun(Connection c, int networkId, int arId, long first, long count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT NETWORK_ID, AR_ID, IDX, OWNER_KIND, OWNER_ID, NIC "
                + "FROM LEASE WHERE NETWORK_ID = ? AND AR_ID = ? AND IDX BETWEEN ? AND ? ORDER BY IDX")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            s.setBigDecimal(3, toDecimal(first));
            s.setBigDecimal(4, toDecimal(first + count - 1));
            List<LeaseRow> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(row(r));
                }
            }
            return out;
        }
    }

    /** How many leases a run of indexes holds and the lowest of them. */
    public record RunUsage(long used, Optional<LeaseRow> lowest) {
    }

    /**
     * The leases of one AR in [first, first+count-1], counted on the primary key
     * rather than read row by row, so a range of any length is checked at the cost
     * of the leases inside it.
     */
    public RunUsage usageOfRun(Connection c, int networkId, int arId, long first, long count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), MIN(IDX) FROM LEASE "
                + "WHERE NETWORK_ID = ? AND AR_ID = ? AND IDX BETWEEN ? AND ?")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            s.setBigDecimal(3, toDecimal(first));
            s.setBigDecimal(4, toDecimal(first + count - 1));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long used = r.getLong(1);
                return used == 0 ? new RunUsage(0, Optional.empty())
                        : new RunUsage(used, find(c, networkId, arId, fromDecimal(r.getBigDecimal(2))));
            }
        }
    }

    /**
     * The leases of one AR in [first, last] (unsigned, inclusive) counted per
     * owner kind ('V' VM NIC, 'H' hold, 'N' reservation), on the primary key.
     */
    public Map<Character, Long> countByKind(Connection c, int networkId, int arId, long first, long last)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT OWNER_KIND, COUNT(*) FROM LEASE "
                + "WHERE NETWORK_ID = ? AND AR_ID = ? AND IDX BETWEEN ? AND ? GROUP BY OWNER_KIND")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            s.setBigDecimal(3, toDecimal(first));
            s.setBigDecimal(4, toDecimal(last));
            Map<Character, Long> out = new TreeMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1).charAt(0), r.getLong(2));
                }
            }
            return out;
        }
    }

    /** Whether any lease of the AR is owned by a reservation (child network). */
    public boolean anyReserved(Connection c, int networkId, int arId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM LEASE WHERE NETWORK_ID = ? AND AR_ID = ? AND OWNER_KIND = ? LIMIT 1")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            s.setString(3, LeaseOwnerCodec.RESERVATION);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Deletes the leases of one AR in [first, first+count-1] that belong to {@code owner}. */
    public int deleteRunOwnedBy(Connection c, int networkId, int arId, long first, long count, LeaseOwner owner)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM LEASE WHERE NETWORK_ID = ? AND AR_ID = ? "
                + "AND IDX BETWEEN ? AND ? AND OWNER_KIND = ? AND OWNER_ID IS NOT DISTINCT FROM ?")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            s.setBigDecimal(3, toDecimal(first));
            s.setBigDecimal(4, toDecimal(first + count - 1));
            LeaseOwnerCodec.Columns columns = LeaseOwnerCodec.encode(owner);
            s.setString(5, columns.kind());
            LeaseOwnerCodec.bindOptional(s, 6, columns.ownerId());
            return s.executeUpdate();
        }
    }

    /** Deletes the leases of one AR with indexes in [first, first+count-1]. */
    public int deleteRun(Connection c, int networkId, int arId, long first, long count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM LEASE WHERE NETWORK_ID = ? AND AR_ID = ? AND IDX BETWEEN ? AND ?")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            s.setBigDecimal(3, toDecimal(first));
            s.setBigDecimal(4, toDecimal(first + count - 1));
            return s.executeUpdate();
        }
    }

    public Optional<LeaseRow> find(Connection c, int networkId, int arId, long index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT NETWORK_ID, AR_ID, IDX, OWNER_KIND, OWNER_ID, NIC "
                + "FROM LEASE WHERE NETWORK_ID = ? AND AR_ID = ? AND IDX = ?")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            s.setBigDecimal(3, toDecimal(index));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    /**
     * Leases of a network in (AR, index) order after the given position, at most
     * {@code limit}: from the start of AR {@code afterAr} when {@code afterIndex}
     * is empty. Queried AR by AR so each page is an index range scan, not a sort.
     */
    public List<LeaseRow> page(Connection c, int networkId, int afterAr, OptionalLong afterIndex, int limit)
            throws SQLException {
        List<LeaseRow> out = new ArrayList<>();
        for (int arId : arIds(c, networkId)) {
            if (arId < afterAr || out.size() >= limit) {
                continue;
            }
            boolean resume = arId == afterAr && afterIndex.isPresent();
            try (PreparedStatement s = c.prepareStatement("SELECT NETWORK_ID, AR_ID, IDX, OWNER_KIND, OWNER_ID, NIC "
                    + "FROM LEASE WHERE NETWORK_ID = ? AND AR_ID = ?" + (resume ? " AND IDX > ?" : "")
                    + " ORDER BY IDX LIMIT ?")) {
                int i = 1;
                s.setInt(i++, networkId);
                s.setInt(i++, arId);
                if (resume) {
                    s.setBigDecimal(i++, toDecimal(afterIndex.getAsLong()));
                }
                s.setInt(i, limit - out.size());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(row(r));
                    }
                }
            }
        }
        return out;
    }

    private static List<Integer> arIds(Connection c, int networkId) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT AR_ID FROM ADDRESS_RANGE WHERE NETWORK_ID = ? ORDER BY AR_ID")) {
            s.setInt(1, networkId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getInt(1));
                }
            }
        }
        return ids;
    }

    /** All used indexes of one AR, ascending; fed to the in-memory allocator. */
    public void forEachIndex(Connection c, int networkId, int arId, LongConsumer action)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT IDX FROM LEASE WHERE NETWORK_ID = ? AND AR_ID = ? ORDER BY IDX")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    action.accept(fromDecimal(r.getBigDecimal(1)));
                }
            }
        }
    }

    /** Ids of the VMs with a NIC lease on any of these networks, ascending. */
    public SortedSet<Integer> vmsOn(Connection c, Collection<Integer> networkIds) throws SQLException {
        SortedSet<Integer> out = new TreeSet<>();
        if (networkIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT OWNER_ID FROM LEASE WHERE OWNER_KIND = ? AND NETWORK_ID = ANY(?)")) {
            s.setString(1, LeaseOwnerCodec.VM_NIC);
            s.setArray(2, c.createArrayOf("INTEGER", networkIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getInt(1));
                }
            }
        }
        return out;
    }

    /** Used lease count per AR of a network, from the AR counters. */
    public Map<Integer, Long> usedPerAr(Connection c, int networkId) throws SQLException {
        Map<Integer, Long> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT AR_ID, USED FROM ADDRESS_RANGE WHERE NETWORK_ID = ? ORDER BY AR_ID")) {
            s.setInt(1, networkId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getInt(1), r.getLong(2));
                }
            }
        }
        return out;
    }

    /** Used lease count per network, for list views. */
    public Map<Integer, Long> usedPerNetwork(Connection c) throws SQLException {
        Map<Integer, Long> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT NETWORK_ID, SUM(USED) FROM ADDRESS_RANGE GROUP BY NETWORK_ID");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getInt(1), r.getLong(2));
            }
        }
        return out;
    }

    /** Counts leases per AR from the lease rows themselves (for invariant checks). */
    public Map<String, Long> countedPerAr(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT A.NETWORK_ID, A.AR_ID, A.USED, (SELECT COUNT(*) FROM LEASE L WHERE L.NETWORK_ID = A.NETWORK_ID "
                        + "AND L.AR_ID = A.AR_ID) FROM ADDRESS_RANGE A ORDER BY 1, 2");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getInt(1) + "/" + r.getInt(2) + " used=" + r.getLong(3), r.getLong(4));
            }
        }
        return out;
    }

    /** A lease row as read; an owner this version cannot read fails with where the lease is. */
    private static LeaseRow row(ResultSet r) throws SQLException {
        int networkId = r.getInt(1);
        int arId = r.getInt(2);
        long index = fromDecimal(r.getBigDecimal(3));
        try {
            return new LeaseRow(networkId, arId, index, LeaseOwnerCodec.read(r, 4));
        } catch (VnetException e) {
            throw new VnetException("the inventory holds a lease it cannot read (network " + networkId
                    + ", address range " + arId + ", index " + Long.toUnsignedString(index) + "): "
                    + e.getMessage(), e);
        }
    }

    static BigDecimal toDecimal(long unsignedIndex) {
        return unsignedIndex >= 0 ? BigDecimal.valueOf(unsignedIndex)
                : new BigDecimal(Long.toUnsignedString(unsignedIndex));
    }

    static long fromDecimal(BigDecimal d) {
        return d.toBigIntegerExact().longValue();
    }

    /** Every lease of one AR in index order, read as a stream (exports of large ranges). */
    public void forEachLease(Connection c, int networkId, int arId, Consumer<LeaseRow> action)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT NETWORK_ID, AR_ID, IDX, OWNER_KIND, OWNER_ID, NIC "
                + "FROM LEASE WHERE NETWORK_ID = ? AND AR_ID = ? ORDER BY IDX")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    action.accept(row(r));
                }
            }
        }
    }
}
