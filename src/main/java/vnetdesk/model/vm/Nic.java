package vnetdesk.model.vm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Attributes;
import vnetdesk.model.Qos;

/**
 * One network interface of a VM: its index (OpenNebula's {@code NIC_ID}), what
 * it is connected to, the security groups the NIC itself adds (the network's
 * and its AR's apply too), a QoS that overrides the network's, the device
 * model, and the other attributes of its {@code NIC = [ … ]} vector.
 */
public record Nic(int index, NicNetwork network, List<Integer> securityGroups, Optional<Qos> qos, String model,
                  Map<String, String> attributes) {

    /** The device model when none is given. */
    public static final String DEFAULT_MODEL = "virtio";

    public Nic {
        if (index < 0) {
            throw new IllegalArgumentException("NIC index " + index);
        }
        securityGroups = List.copyOf(securityGroups);
        attributes = Attributes.copyOf(attributes);
    }

    /** The host's tap device of this NIC: {@code one-<vm>-<nic>}. */
    public String tapName(int vmId) {
        return "one-" + vmId + "-" + index;
    }

    /** The lease, unless the NIC waits for automatic selection. */
    public Optional<NicNetwork.Leased> lease() {
        return network instanceof NicNetwork.Leased l ? Optional.of(l) : Optional.empty();
    }

    public Nic withNetwork(NicNetwork n) {
        return new Nic(index, n, securityGroups, qos, model, attributes);
    }
}
