package vnetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.PropagationState;

/** Per security group and VM: the propagation state of the group's rules and the last error. */
public final class SecurityGroupStateRepository {

    /** The stored state of one VM; {@code error} is set for {@link PropagationState#ERROR}. */
    public record VmState(PropagationState state, Optional<String> error) {
    }

    /** Stored states of a group's VMs by VM id (VMs never applied have no entry). */
    public Map<Integer, VmState> states(Connection c, int groupId) throws SQLException {
        Map<Integer, VmState> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT VM_ID, STATE, ERROR FROM SECURITY_GROUP_VM WHERE SG_ID = ? ORDER BY VM_ID")) {
            s.setInt(1, groupId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getInt(1), new VmState(PropagationState.valueOf(r.getString(2)),
                            Optional.ofNullable(r.getString(3))));
                }
            }
        }
        return out;
    }

    /** Sets the state of each given VM (insert or replace), clearing any error. */
    public void setAll(Connection c, int groupId, Collection<Integer> vmIds, PropagationState state)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "MERGE INTO SECURITY_GROUP_VM (SG_ID, VM_ID, STATE, ERROR) KEY (SG_ID, VM_ID) VALUES (?, ?, ?, NULL)")) {
            for (int vm : vmIds) {
                s.setInt(1, groupId);
                s.setInt(2, vm);
                s.setString(3, state.name());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Sets one VM's state in a group with its error (insert or replace). */
    public void set(Connection c, int groupId, int vmId, PropagationState state, Optional<String> error)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "MERGE INTO SECURITY_GROUP_VM (SG_ID, VM_ID, STATE, ERROR) KEY (SG_ID, VM_ID) VALUES (?, ?, ?, ?)")) {
            s.setInt(1, groupId);
            s.setInt(2, vmId);
            s.setString(3, state.name());
            s.setString(4, error.orElse(null));
            s.executeUpdate();
        }
    }

    /** Forgets every group state of a VM (the VM is deleted). */
    public void forgetVm(Connection c, int vmId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM SECURITY_GROUP_VM WHERE VM_ID = ?")) {
            s.setInt(1, vmId);
            s.executeUpdate();
        }
    }

    /**
     * Marks a VM outdated in a group where a state is stored for it; a VM
     * without one is outdated already, so nothing is written for it.
     */
    public void markOutdated(Connection c, int groupId, int vmId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE SECURITY_GROUP_VM SET STATE = 'OUTDATED', ERROR = NULL"
                + " WHERE SG_ID = ? AND VM_ID = ? AND STATE <> 'OUTDATED'")) {
            s.setInt(1, groupId);
            s.setInt(2, vmId);
            s.executeUpdate();
        }
    }
}
