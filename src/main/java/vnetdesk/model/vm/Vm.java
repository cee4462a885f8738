package vnetdesk.model.vm;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Attributes;
import vnetdesk.model.LockLevel;
import vnetdesk.model.Ownership;

/**
 * A virtual machine as the inventory keeps it: identity, owner and
 * permissions, its state and host (none unless the state is on a host), its
 * user template attributes ({@code GATEWAY_IFACE}, {@code SCHED_REQUIREMENTS}
 * …) and its NICs in index order.
 */
public record Vm(int id, String name, Ownership ownership, Optional<LockLevel> lock, VmState state,
                 Optional<Integer> hostId, Map<String, String> attributes, List<Nic> nics, long version) {

    public Vm {
        attributes = Attributes.copyOf(attributes);
        nics = nics.stream().sorted(Comparator.comparingInt(Nic::index)).toList();
        if (state.onHost() && hostId.isEmpty()) {
            throw new IllegalArgumentException("VM " + id + " is " + state + " without a host");
        }
        if (!state.onHost() && hostId.isPresent()) {
            throw new IllegalArgumentException("VM " + id + " is " + state + " but has host " + hostId.get());
        }
    }

    /** {@code id:name}, as messages name it. */
    public String label() {
        return id + ":" + name;
    }

    public Optional<Nic> nic(int index) {
        return nics.stream().filter(n -> n.index() == index).findFirst();
    }

    /** The index a new NIC gets: one above the highest (OpenNebula never reuses a NIC_ID while the VM lives). */
    public int nextNicIndex() {
        return nics.stream().mapToInt(Nic::index).max().orElse(-1) + 1;
    }

    public Vm withNics(List<Nic> newNics) {
        return new Vm(id, name, ownership, lock, state, hostId, attributes, newNics, version);
    }

    public Vm withState(VmState newState, Optional<Integer> newHost) {
        return new Vm(id, name, ownership, lock, newState, newHost, attributes, nics, version);
    }
}
