package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.vm.HostApplyOutcome;

/**
 * The apply history of hosts: one row per apply to a host, newest first when
 * read. Rows go with their host (the foreign key cascades). Times are stored
 * as UTC instants with nanoseconds, so what is read back equals what was
 * recorded.
 */
public final class HostApplyRepository {

    private static final String COLUMNS = "STARTED, FINISHED, OUTCOME, FAILED_STEP, MESSAGE, COMMANDS_RUN";
    /** Newest first; the id breaks ties between outcomes that finished in the same instant. */
    private static final String NEWEST_FIRST = " ORDER BY FINISHED DESC, ID DESC";

    public void insert(Connection c, int hostId, HostApplyOutcome o) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO HOST_APPLY (HOST_ID, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setInt(1, hostId);
            s.setObject(2, OffsetDateTime.ofInstant(o.started(), ZoneOffset.UTC));
            s.setObject(3, OffsetDateTime.ofInstant(o.finished(), ZoneOffset.UTC));
            s.setString(4, o.result().name());
            if (o.failedStep().isPresent()) {
                s.setInt(5, o.failedStep().get());
            } else {
                s.setNull(5, Types.INTEGER);
            }
            s.setString(6, o.message());
            s.setInt(7, o.commandsRun());
            s.executeUpdate();
        }
    }

    /** The newest {@code limit} outcomes of the host, newest first. */
    public List<HostApplyOutcome> history(Connection c, int hostId, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM HOST_APPLY WHERE HOST_ID = ?"
                + NEWEST_FIRST + " LIMIT ?")) {
            s.setInt(1, hostId);
            s.setInt(2, limit);
            List<HostApplyOutcome> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(outcome(r, 1));
                }
            }
            return out;
        }
    }

    /** The newest outcome of every host that has one, by host id. */
    public Map<Integer, HostApplyOutcome> latestPerHost(Connection c) throws SQLException {
        Map<Integer, HostApplyOutcome> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT HOST_ID, " + COLUMNS + " FROM (SELECT HOST_ID, "
                + COLUMNS + ", ROW_NUMBER() OVER (PARTITION BY HOST_ID" + NEWEST_FIRST + ") AS RANK_IN_HOST"
                + " FROM HOST_APPLY) WHERE RANK_IN_HOST = 1 ORDER BY HOST_ID");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getInt(1), outcome(r, 2));
            }
        }
        return out;
    }

    /** Deletes all but the newest {@code keep} outcomes of the host; returns how many went. */
    public int prune(Connection c, int hostId, int keep) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM HOST_APPLY WHERE HOST_ID = ? AND ID NOT IN ("
                + "SELECT ID FROM HOST_APPLY WHERE HOST_ID = ?" + NEWEST_FIRST + " LIMIT ?)")) {
            s.setInt(1, hostId);
            s.setInt(2, hostId);
            s.setInt(3, keep);
            return s.executeUpdate();
        }
    }

    private static HostApplyOutcome outcome(ResultSet r, int at) throws SQLException {
        int step = r.getInt(at + 3);
        Optional<Integer> failedStep = r.wasNull() ? Optional.empty() : Optional.of(step);
        return new HostApplyOutcome(r.getObject(at, OffsetDateTime.class).toInstant(),
                r.getObject(at + 1, OffsetDateTime.class).toInstant(),
                HostApplyOutcome.Result.valueOf(r.getString(at + 2)), failedStep, r.getString(at + 4),
                r.getInt(at + 5));
    }
}
