package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the console last learnt about each host (table HOST_STATUS): the last
 * contact, the last probe, the last drift check and the devices the host was
 * known to have, each with its time. The service writes the probe, the
 * differences and the devices as JSON text; this class keeps them as given.
 * A row goes with its host (the foreign key cascades).
 */
public final class HostStatusRepository {

    /** The engine's last try to reach the host; {@code message} says why it failed (or what it found). */
    public record Contact(Instant at, boolean reachable, Optional<String> message) {
    }

    /** A JSON document recorded at a time. */
    public record Stamped(Instant at, String json) {
    }

    /** A drift check: its time, its outcome's name, and the differences as a JSON array. */
    public record Drift(Instant at, String status, String differencesJson) {
    }

    /** A host's row, or the parts of it a write replaces (the parts left empty stay as they are). */
    public record Stored(Optional<Contact> contact, Optional<Stamped> probe, Optional<Drift> drift,
                         Optional<Stamped> devices) {
        public static final Stored NONE = new Stored(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static final String COLUMNS = "CONTACTED, REACHABLE, CONTACT_MESSAGE, PROBED, PROBE, DRIFT_CHECKED, "
            + "DRIFT, DIFFERENCES, DEVICES_READ, DEVICES";

    /** Writes the parts of {@code changes} that are present into the host's row, creating the row if needed. */
    public void update(Connection c, int hostId, Stored changes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO HOST_STATUS (HOST_ID) KEY (HOST_ID) VALUES (?)")) {
            s.setInt(1, hostId);
            s.executeUpdate();
        }
        if (changes.contact().isPresent()) {
            Contact k = changes.contact().get();
            set(c, hostId, "CONTACTED = ?, REACHABLE = ?, CONTACT_MESSAGE = ?", time(k.at()), k.reachable(),
                    k.message().orElse(null));
        }
        if (changes.probe().isPresent()) {
            set(c, hostId, "PROBED = ?, PROBE = ?", time(changes.probe().get().at()), changes.probe().get().json());
        }
        if (changes.drift().isPresent()) {
            Drift d = changes.drift().get();
            set(c, hostId, "DRIFT_CHECKED = ?, DRIFT = ?, DIFFERENCES = ?", time(d.at()), d.status(),
                    d.differencesJson());
        }
        if (changes.devices().isPresent()) {
            set(c, hostId, "DEVICES_READ = ?, DEVICES = ?", time(changes.devices().get().at()),
                    changes.devices().get().json());
        }
    }

    private static void set(Connection c, int hostId, String assignments, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE HOST_STATUS SET " + assignments + " WHERE HOST_ID = ?")) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    s.setNull(i + 1, Types.VARCHAR);
                } else {
                    s.setObject(i + 1, values[i]);
                }
            }
            s.setInt(values.length + 1, hostId);
            s.executeUpdate();
        }
    }

    /** The host's row; {@link Stored#NONE} when the engine never tried it. */
    public Stored find(Connection c, int hostId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM HOST_STATUS WHERE HOST_ID = ?")) {
            s.setInt(1, hostId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? stored(r, 1) : Stored.NONE;
            }
        }
    }

    /** Every host's row, by host id; hosts never tried are left out. */
    public Map<Integer, Stored> all(Connection c) throws SQLException {
        Map<Integer, Stored> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT HOST_ID, " + COLUMNS
                + " FROM HOST_STATUS ORDER BY HOST_ID");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getInt(1), stored(r, 2));
            }
        }
        return out;
    }

    private static Stored stored(ResultSet r, int at) throws SQLException {
        Optional<Instant> contacted = instant(r, at);
        Optional<Contact> contact = contacted.isEmpty() ? Optional.empty() : Optional.of(new Contact(contacted.get(),
                r.getBoolean(at + 1), Optional.ofNullable(r.getString(at + 2))));
        Optional<Stamped> probe = instant(r, at + 3).map(t -> new Stamped(t, text(r, at + 4)));
        Optional<Instant> checked = instant(r, at + 5);
        Optional<Drift> drift = checked.isEmpty() ? Optional.empty()
                : Optional.of(new Drift(checked.get(), r.getString(at + 6), r.getString(at + 7)));
        Optional<Stamped> devices = instant(r, at + 8).map(t -> new Stamped(t, text(r, at + 9)));
        return new Stored(contact, probe, drift, devices);
    }

    private static String text(ResultSet r, int column) {
        try {
            return r.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException("HOST_STATUS column " + column + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }

    private static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
