package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.h2.api.ErrorCode;

import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.vm.VmState;

/**
 * VMs and their NICs as stored: the VM row (identity, ownership, lock, state,
 * host, user template attributes as JSON) and one NIC row per interface (the
 * lease it holds, if any, and its other attributes as JSON — the NIC vector
 * without its addresses). The service turns rows into {@code model.vm.Vm},
 * computing addresses from the lease. Updates of the VM row are optimistic:
 * a write names the version it read and the repository bumps it.
 */
public final class VmRepository {

    /** The lease a NIC holds: index {@code index} (unsigned) of AR {@code arId} of network {@code networkId}. */
    public record LeaseKey(int networkId, int arId, long index) {
    }

    /** One stored NIC: index, its lease (none while it waits for automatic selection), its other attributes. */
    public record NicRow(int vmId, int index, Optional<LeaseKey> lease, Map<String, String> attributes) {
    }

    /** One stored VM with its NICs in index order. */
    public record VmRow(int id, String name, Ownership ownership, Optional<LockLevel> lock, VmState state,
                        Optional<Integer> hostId, Map<String, String> attributes, long version, List<NicRow> nics) {
    }

    private static final String COLUMNS = "ID, NAME, UID, GID, PERMS, LOCK_LEVEL, STATE, HOST_ID, VERSION, BODY";
    private static final String NIC_COLUMNS = "VM_ID, NIC_ID, NETWORK_ID, AR_ID, IDX, BODY";

    /** Inserts the VM and its NICs. */
    public void insert(Connection c, VmRow vm) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO VM (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setInt(1, vm.id());
            s.setString(2, vm.name());
            s.setInt(3, vm.ownership().uid());
            s.setInt(4, vm.ownership().gid());
            s.setInt(5, vm.ownership().permissions().bits());
            s.setString(6, vm.lock().map(Enum::name).orElse(null));
            s.setString(7, vm.state().name());
            setOptional(s, 8, vm.hostId());
            s.setLong(9, vm.version());
            s.setString(10, Json.write(vm.attributes()));
            s.executeUpdate();
        }
        for (NicRow nic : vm.nics()) {
            insertNic(c, nic);
        }
    }

    /**
     * Writes the VM row (not its NICs) if it is still at the version it was
     * read with, and bumps that version; returns the new one. NICs are rows of
     * their own: attaching or detaching one leaves the VM row alone.
     */
    public long update(Connection c, VmRow vm) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE VM SET NAME = ?, UID = ?, GID = ?, PERMS = ?, "
                + "LOCK_LEVEL = ?, STATE = ?, HOST_ID = ?, VERSION = VERSION + 1, BODY = ? WHERE ID = ? AND VERSION = ?")) {
            s.setString(1, vm.name());
            s.setInt(2, vm.ownership().uid());
            s.setInt(3, vm.ownership().gid());
            s.setInt(4, vm.ownership().permissions().bits());
            s.setString(5, vm.lock().map(Enum::name).orElse(null));
            s.setString(6, vm.state().name());
            setOptional(s, 7, vm.hostId());
            s.setString(8, Json.write(vm.attributes()));
            s.setInt(9, vm.id());
            s.setLong(10, vm.version());
            if (s.executeUpdate() != 1) {
                throw new ConflictException("VM " + vm.id() + ":" + vm.name()
                        + " was changed by another console; reload and try again");
            }
        }
        return vm.version() + 1;
    }

    /** Deletes the VM and its NICs (their leases are the caller's to release first). */
    public void delete(Connection c, int id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM VM WHERE ID = ?")) {
            s.setInt(1, id);
            s.executeUpdate();
        }
    }

    /** Inserts a NIC; another process that gave the same VM a NIC of this index first makes it a conflict. */
    public void insertNic(Connection c, NicRow nic) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO NIC (" + NIC_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setInt(1, nic.vmId());
            s.setInt(2, nic.index());
            bindLease(s, 3, nic.lease());
            s.setString(6, Json.write(nic.attributes()));
            s.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                throw new ConflictException("VM " + nic.vmId() + " got a NIC " + nic.index()
                        + " from another console meanwhile; try again");
            }
            throw e;
        }
    }

    /** Rewrites a NIC (its lease once its network is chosen, its attributes). */
    public void updateNic(Connection c, NicRow nic) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE NIC SET NETWORK_ID = ?, AR_ID = ?, IDX = ?, BODY = ? WHERE VM_ID = ? AND NIC_ID = ?")) {
            bindLease(s, 1, nic.lease());
            s.setString(4, Json.write(nic.attributes()));
            s.setInt(5, nic.vmId());
            s.setInt(6, nic.index());
            s.executeUpdate();
        }
    }

    public void deleteNic(Connection c, int vmId, int index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM NIC WHERE VM_ID = ? AND NIC_ID = ?")) {
            s.setInt(1, vmId);
            s.setInt(2, index);
            s.executeUpdate();
        }
    }

    public Optional<VmRow> find(Connection c, int id) throws SQLException {
        List<VmRow> found = query(c, "WHERE ID = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Ids of the VMs with this name (VM names need not be unique). */
    public List<Integer> idsByName(Connection c, String name) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID FROM VM WHERE NAME = ? ORDER BY ID")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getInt(1));
                }
            }
        }
        return ids;
    }

    public List<VmRow> list(Connection c) throws SQLException {
        return query(c, "ORDER BY ID");
    }

    /** The VMs placed on host {@code hostId}. */
    public List<VmRow> onHost(Connection c, int hostId) throws SQLException {
        return query(c, "WHERE HOST_ID = ? ORDER BY ID", hostId);
    }

    /** The NICs holding a lease of network {@code networkId}, by VM and index. */
    public List<NicRow> nicsOn(Connection c, int networkId) throws SQLException {
        return nics(c, "WHERE NETWORK_ID = ? ORDER BY VM_ID, NIC_ID", networkId);
    }

    /** Every NIC of every VM, by VM and index. */
    public List<NicRow> nics(Connection c) throws SQLException {
        return nics(c, "ORDER BY VM_ID, NIC_ID");
    }

    /** VM names by id, for naming lease owners. */
    public Map<Integer, String> names(Connection c) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID, NAME FROM VM ORDER BY ID");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getInt(1), r.getString(2));
            }
        }
        return out;
    }

    public Optional<String> name(Connection c, int id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT NAME FROM VM WHERE ID = ?")) {
            s.setInt(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<VmRow> query(Connection c, String where, Object... args) throws SQLException {
        List<VmRow> vms = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM VM " + where)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int hostId = r.getInt(8);
                    Optional<Integer> host = r.wasNull() ? Optional.empty() : Optional.of(hostId);
                    String lock = r.getString(6);
                    vms.add(new VmRow(r.getInt(1), r.getString(2), new Ownership(r.getInt(3), r.getInt(4),
                            new Permissions(r.getInt(5))), Optional.ofNullable(lock).map(LockLevel::valueOf),
                            VmState.valueOf(r.getString(7)), host, Json.read(r.getString(10)), r.getLong(9),
                            List.of()));
                }
            }
        }
        if (vms.isEmpty()) {
            return vms;
        }
        // the NICs of every VM read in one query, not one per VM
        Map<Integer, List<NicRow>> nicsByVm = new LinkedHashMap<>();
        List<NicRow> all = vms.size() == 1 ? nics(c, "WHERE VM_ID = ? ORDER BY NIC_ID", vms.get(0).id())
                : nics(c, "WHERE VM_ID = ANY(?) ORDER BY VM_ID, NIC_ID",
                c.createArrayOf("INTEGER", vms.stream().map(VmRow::id).toArray()));
        for (NicRow nic : all) {
            nicsByVm.computeIfAbsent(nic.vmId(), k -> new ArrayList<>()).add(nic);
        }
        List<VmRow> out = new ArrayList<>();
        for (VmRow vm : vms) {
            out.add(new VmRow(vm.id(), vm.name(), vm.ownership(), vm.lock(), vm.state(), vm.hostId(),
                    vm.attributes(), vm.version(), nicsByVm.getOrDefault(vm.id(), List.of())));
        }
        return out;
    }

    private static List<NicRow> nics(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + NIC_COLUMNS + " FROM NIC " + where)) {
            bind(s, args);
            List<NicRow> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int network = r.getInt(3);
                    Optional<LeaseKey> lease = r.wasNull() ? Optional.empty()
                            : Optional.of(new LeaseKey(network, r.getInt(4), LeaseRepository.fromDecimal(r.getBigDecimal(5))));
                    out.add(new NicRow(r.getInt(1), r.getInt(2), lease, Json.read(r.getString(6))));
                }
            }
            return out;
        }
    }

    private static void bindLease(PreparedStatement s, int first, Optional<LeaseKey> lease) throws SQLException {
        if (lease.isPresent()) {
            s.setInt(first, lease.get().networkId());
            s.setInt(first + 1, lease.get().arId());
            s.setBigDecimal(first + 2, LeaseRepository.toDecimal(lease.get().index()));
        } else {
            s.setNull(first, Types.INTEGER);
            s.setNull(first + 1, Types.INTEGER);
            s.setNull(first + 2, Types.NUMERIC);
        }
    }

    private static void setOptional(PreparedStatement s, int i, Optional<Integer> v) throws SQLException {
        if (v.isPresent()) {
            s.setInt(i, v.get());
        } else {
            s.setNull(i, Types.INTEGER);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
