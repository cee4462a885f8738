package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.AddressRange;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.VnetException;

/**
 * Networks and their address ranges in the inventory. Updates are optimistic:
 * a write names the version it read, the repository bumps it, and the write
 * fails with a conflict message when another console changed the network
 * meanwhile.
 */
public final class NetworkRepository {

    private static final String COLUMNS =
            "ID, NAME, UID, GID, PERMS, BRIDGE, BRIDGE_GENERATED, VLAN_ID, LOCK_LEVEL, PARENT_ID, NEXT_AR_ID, VERSION, BODY";

    /** Takes the next id of a kind of object (networks, users …) inside the caller's transaction. */
    public int nextId(Connection c, String kind) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT NEXT_ID FROM ID_SEQUENCE WHERE KIND = ? FOR UPDATE")) {
            s.setString(1, kind);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new VnetException("inventory has no id sequence " + kind);
                }
                int id = r.getInt(1);
                try (PreparedStatement u = c.prepareStatement("UPDATE ID_SEQUENCE SET NEXT_ID = ? WHERE KIND = ?")) {
                    u.setInt(1, id + 1);
                    u.setString(2, kind);
                    u.executeUpdate();
                }
                return id;
            }
        }
    }

    /** Inserts a new network with its ARs. */
    public void insert(Connection c, VirtualNetwork n) throws SQLException {
        bumpArGeneration(c);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO NETWORK (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, n);
            s.executeUpdate();
        }
        for (AddressRange ar : n.addressRanges()) {
            insertAr(c, n.id(), ar);
        }
    }

    /**
     * Writes the network row (not its ARs) if it is still at the version it was
     * read with ({@code n.version()}), and bumps that version; returns the new one.
     * The caller passes the network as read — never a version of its own.
     */
    public long update(Connection c, VirtualNetwork n) throws SQLException {
        bumpArGeneration(c);
        try (PreparedStatement s = c.prepareStatement("UPDATE NETWORK SET NAME = ?, UID = ?, GID = ?, PERMS = ?, "
                + "BRIDGE = ?, BRIDGE_GENERATED = ?, VLAN_ID = ?, LOCK_LEVEL = ?, PARENT_ID = ?, NEXT_AR_ID = ?, "
                + "VERSION = VERSION + 1, BODY = ? WHERE ID = ? AND VERSION = ?")) {
            s.setString(1, n.name());
            s.setInt(2, n.ownership().uid());
            s.setInt(3, n.ownership().gid());
            s.setInt(4, n.ownership().permissions().bits());
            s.setString(5, n.conf().bridge());
            s.setBoolean(6, n.conf().bridgeGenerated());
            setOptionalInt(s, 7, n.conf().vlanId());
            s.setString(8, n.lock().map(Enum::name).orElse(null));
            setOptionalInt(s, 9, n.parentNetworkId());
            s.setInt(10, n.nextArId());
            s.setString(11, body(n));
            s.setInt(12, n.id());
            s.setLong(13, n.version());
            if (s.executeUpdate() != 1) {
                throw new ConflictException("network " + n.id() + " was changed by another console; reload and try again");
            }
        }
        return n.version() + 1;
    }

    /** The generation of the network/AR catalogue; changes whenever a network or an AR changes. */
    public long arGeneration(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT META_VALUE FROM INVENTORY_META WHERE NAME = 'AR_GENERATION'");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void bumpArGeneration(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE INVENTORY_META SET META_VALUE = META_VALUE + 1 WHERE NAME = 'AR_GENERATION'")) {
            s.executeUpdate();
        }
    }

    public void insertAr(Connection c, int networkId, AddressRange ar) throws SQLException {
        bumpArGeneration(c);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ADDRESS_RANGE (NETWORK_ID, AR_ID, TYPE, USED, "
                + "RR_CURSOR, VERSION, BODY) VALUES (?, ?, ?, 0, NULL, 0, ?)")) {
            s.setInt(1, networkId);
            s.setInt(2, ar.id());
            s.setString(3, ar.type().typeName());
            s.setString(4, ArCodec.encode(ar));
            s.executeUpdate();
        }
    }

    /** Rewrites an AR definition (size, prefixes, attributes); its leases stay. */
    public void updateAr(Connection c, int networkId, AddressRange ar) throws SQLException {
        bumpArGeneration(c);
        try (PreparedStatement s = c.prepareStatement("UPDATE ADDRESS_RANGE SET BODY = ?, "
                + "VERSION = VERSION + 1 WHERE NETWORK_ID = ? AND AR_ID = ?")) {
            s.setString(1, ArCodec.encode(ar));
            s.setInt(2, networkId);
            s.setInt(3, ar.id());
            s.executeUpdate();
        }
    }

    public void deleteAr(Connection c, int networkId, int arId) throws SQLException {
        bumpArGeneration(c);
        try (PreparedStatement s = c.prepareStatement("DELETE FROM ADDRESS_RANGE WHERE NETWORK_ID = ? AND AR_ID = ?")) {
            s.setInt(1, networkId);
            s.setInt(2, arId);
            s.executeUpdate();
        }
    }

    public void delete(Connection c, int networkId) throws SQLException {
        bumpArGeneration(c);
        try (PreparedStatement s = c.prepareStatement("DELETE FROM NETWORK WHERE ID = ?")) {
            s.setInt(1, networkId);
            s.executeUpdate();
        }
    }

    public Optional<VirtualNetwork> find(Connection c, int id) throws SQLException {
        List<VirtualNetwork> found = query(c, "WHERE ID = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * What a cached copy of a network must match to still be current: the
     * network's version, the inventory's AR generation, and the lease counters
     * of each AR — all in one query, so the hot lease path reads once.
     */
    public record Stamp(long version, long arGeneration, Map<Integer, LeaseRepository.ArState> arStates) {
    }

    public Optional<Stamp> stamp(Connection c, int id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT N.VERSION, (SELECT META_VALUE FROM INVENTORY_META "
                + "WHERE NAME = 'AR_GENERATION'), A.AR_ID, A.USED, A.VERSION, A.RR_CURSOR FROM NETWORK N "
                + "LEFT JOIN ADDRESS_RANGE A ON A.NETWORK_ID = N.ID WHERE N.ID = ?")) {
            s.setInt(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long version = r.getLong(1);
                long generation = r.getLong(2);
                Map<Integer, LeaseRepository.ArState> ars = new HashMap<>();
                do {
                    int arId = r.getInt(3);
                    if (!r.wasNull()) {
                        ars.put(arId, LeaseRepository.arState(r.getLong(4), r.getLong(5), r.getBigDecimal(6)));
                    }
                } while (r.next());
                return Optional.of(new Stamp(version, generation, ars));
            }
        }
    }

    /** Ids of the networks with this name (one per owner at most), without loading them. */
    public List<Integer> idsByName(Connection c, String name) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID FROM NETWORK WHERE NAME = ? ORDER BY ID")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getInt(1));
                }
            }
        }
        return ids;
    }

    public List<VirtualNetwork> list(Connection c) throws SQLException {
        return query(c, "ORDER BY ID");
    }

    public List<VirtualNetwork> children(Connection c, int parentId) throws SQLException {
        return query(c, "WHERE PARENT_ID = ? ORDER BY ID", parentId);
    }

    public boolean nameTaken(Connection c, int uid, String name, int exceptId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM NETWORK WHERE UID = ? AND NAME = ? AND ID <> ?")) {
            s.setInt(1, uid);
            s.setString(2, name);
            s.setInt(3, exceptId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** VLAN ids in use by networks of the given drivers (for automatic VLAN ids). */
    public List<Integer> vlanIdsInUse(Connection c) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT VLAN_ID FROM NETWORK WHERE VLAN_ID IS NOT NULL");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getInt(1));
            }
        }
        return ids;
    }

    private List<VirtualNetwork> query(Connection c, String where, Object... params) throws SQLException {
        Map<Integer, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM NETWORK " + where)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getInt("ID"), new Row(r));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<AddressRange>> ars = loadArs(c, rows.size() == 1 ? rows.keySet().iterator().next() : -1);
        List<VirtualNetwork> out = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            out.add(row.toNetwork(ars.getOrDefault(row.id, List.of())));
        }
        return out;
    }

    /** ARs of one network, or of all networks when {@code networkId} is -1. */
    private Map<Integer, List<AddressRange>> loadArs(Connection c, int networkId) throws SQLException {
        Map<Integer, List<AddressRange>> out = new HashMap<>();
        String sql = "SELECT NETWORK_ID, AR_ID, BODY FROM ADDRESS_RANGE"
                + (networkId >= 0 ? " WHERE NETWORK_ID = ?" : "") + " ORDER BY NETWORK_ID, AR_ID";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (networkId >= 0) {
                s.setInt(1, networkId);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getInt(1), k -> new ArrayList<>())
                            .add(ArCodec.decode(r.getInt(2), r.getString(3)));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement s, VirtualNetwork n) throws SQLException {
        s.setInt(1, n.id());
        s.setString(2, n.name());
        s.setInt(3, n.ownership().uid());
        s.setInt(4, n.ownership().gid());
        s.setInt(5, n.ownership().permissions().bits());
        s.setString(6, n.conf().bridge());
        s.setBoolean(7, n.conf().bridgeGenerated());
        setOptionalInt(s, 8, n.conf().vlanId());
        s.setString(9, n.lock().map(Enum::name).orElse(null));
        setOptionalInt(s, 10, n.parentNetworkId());
        s.setInt(11, n.nextArId());
        s.setLong(12, n.version());
        s.setString(13, body(n));
    }

    private static String body(VirtualNetwork n) {
        return Json.writeNetwork(new Json.NetworkBody(NetworkAttributes.toAttributes(n), n.vectors()));
    }

    private static void setOptionalInt(PreparedStatement s, int i, Optional<Integer> v) throws SQLException {
        if (v.isPresent()) {
            s.setInt(i, v.get());
        } else {
            s.setNull(i, Types.INTEGER);
        }
    }

    /** One NETWORK row before its ARs are attached. */
    private static final class Row {
        final int id;
        final String name;
        final Ownership ownership;
        final String bridge;
        final boolean bridgeGenerated;
        final Optional<Integer> vlanId;
        final Optional<LockLevel> lock;
        final Optional<Integer> parent;
        final int nextArId;
        final long version;
        final String body;

        Row(ResultSet r) throws SQLException {
            id = r.getInt("ID");
            name = r.getString("NAME");
            ownership = new Ownership(r.getInt("UID"), r.getInt("GID"), new Permissions(r.getInt("PERMS")));
            bridge = r.getString("BRIDGE");
            bridgeGenerated = r.getBoolean("BRIDGE_GENERATED");
            int v = r.getInt("VLAN_ID");
            vlanId = r.wasNull() ? Optional.empty() : Optional.of(v);
            lock = Optional.ofNullable(r.getString("LOCK_LEVEL")).map(LockLevel::valueOf);
            int p = r.getInt("PARENT_ID");
            parent = r.wasNull() ? Optional.empty() : Optional.of(p);
            nextArId = r.getInt("NEXT_AR_ID");
            version = r.getLong("VERSION");
            body = r.getString("BODY");
        }

        VirtualNetwork toNetwork(List<AddressRange> ars) {
            NetworkAttributes.Parsed p;
            Json.NetworkBody b;
            try {
                b = Json.readNetwork(body);
                p = NetworkAttributes.parse(b.attributes());
            } catch (RuntimeException e) {
                throw new VnetException("the inventory holds a damaged network " + id + ": " + e.getMessage(), e);
            }
            return p.toNetwork(id, ownership, bridge, bridgeGenerated, vlanId, lock,
                    p.securityGroups().orElse(List.of()), ars, parent, nextArId, version)
                    .toBuilder().vectors(b.vectors()).build();
        }
    }

    /**
     * Moves the id sequence of {@code kind} past {@code usedId} when objects were
     * inserted with ids of their own (a restored backup), so new objects never get them.
     */
    public void moveIdSequencePast(Connection c, String kind, int usedId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE ID_SEQUENCE SET NEXT_ID = ? WHERE KIND = ? AND NEXT_ID <= ?")) {
            s.setInt(1, Math.addExact(usedId, 1));
            s.setString(2, kind);
            s.setInt(3, usedId);
            s.executeUpdate();
        }
    }
}
