package vnetdesk.service.vm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.ObjectRef;
import vnetdesk.model.Qos;

/**
 * A NIC to attach, as the CLI, the console's wizard or a VM template's
 * {@code NIC = [ … ]} asks for it: a network (or automatic selection with
 * requirements and rank), optionally a specific address or AR, the NIC's own
 * security groups, a QoS that overrides the network's, the device model, and
 * any other NIC attributes to keep.
 */
public record NicRequest(Optional<ObjectRef> network, Optional<Automatic> automatic, Optional<String> address,
                         Optional<Integer> arId, List<Integer> securityGroups, Optional<Qos> qos, String model,
                         Map<String, String> attributes) {

    /** {@code NETWORK_MODE = auto}: the network is chosen by these expressions when the VM is placed. */
    public record Automatic(String requirements, String rank) {
    }

    public NicRequest {
        if (network.isPresent() == automatic.isPresent()) {
            throw new IllegalArgumentException("a NIC request names a network or asks for automatic selection");
        }
        securityGroups = List.copyOf(securityGroups);
        // in the order given, so a NIC's stored attributes keep the order they were written in
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * The NIC the attributes of a {@code NIC = [ … ]} vector ask for, every value
     * checked as in a VM template (the CLI's nic-attach options are such
     * attributes); {@code field} names the NIC in errors, e.g. {@code NIC}.
     */
    public static NicRequest fromAttributes(String field, Map<String, String> attributes) {
        return NicAttributes.request(field, attributes);
    }

    /** A NIC on {@code network} with the first free address, the network's groups and QoS, model virtio. */
    public static NicRequest on(ObjectRef network) {
        return new NicRequest(Optional.of(network), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), vnetdesk.model.vm.Nic.DEFAULT_MODEL, Map.of());
    }
}
