package vnetdesk.model.vm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import vnetdesk.ipam.ArFactory;
import vnetdesk.model.AddressRange;
import vnetdesk.model.Mac;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.VirtualNetwork;

/**
 * Networks, ARs, NICs and VMs for the guest-context tests and benchmark,
 * built through the same validation as user input (NetworkAttributes,
 * ArFactory) so a fixture cannot hold what a real inventory could not.
 */
public final class ContextFixtures {

    /** The spec's MAC prefix, and a fixed "random" MAC for ARs without IPv4. */
    private static final ArFactory ARS = new ArFactory(0x0200, prefix -> Mac.of(prefix, 0x1234_5678));

    private ContextFixtures() {
    }

    /** An ordered attribute map from name/value pairs: {@code attrs("TYPE", "IP4", "IP", "10.0.0.1")}. */
    public static Map<String, String> attrs(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("name without value: " + Arrays.toString(pairs));
        }
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            a.put(pairs[i], pairs[i + 1]);
        }
        return a;
    }

    /** AR {@code id} from its attributes, as {@code AR = [ … ]} would give them. */
    public static AddressRange ar(int id, String... pairs) {
        return ARS.create(id, attrs(pairs), Optional.empty());
    }

    /** Network {@code id} (bridge driver) with context/custom {@code attributes} and the given ARs. */
    public static VirtualNetwork network(int id, Map<String, String> attributes, AddressRange... ars) {
        Map<String, String> a = new LinkedHashMap<>(attributes);
        a.put("NAME", "net" + id);
        a.put("VN_MAD", "bridge");
        return NetworkAttributes.parse(a).toNetwork(id, new Ownership(0, 0, Permissions.DEFAULT), "br" + id,
                false, Optional.empty(), Optional.empty(), List.of(0), List.of(ars), Optional.empty(), ars.length, 0);
    }

    /** NIC {@code index} holding lease {@code leaseIndex} of AR {@code arId} of {@code network}. */
    public static Nic leased(int index, VirtualNetwork network, int arId, long leaseIndex) {
        AddressRange ar = network.addressRange(arId).orElseThrow();
        return new Nic(index, new NicNetwork.Leased(network.id(), arId, leaseIndex, ar.addressesAt(leaseIndex)),
                List.of(), Optional.empty(), Nic.DEFAULT_MODEL, Map.of());
    }

    /** NIC {@code index} waiting for automatic network selection. */
    public static Nic automatic(int index) {
        return new Nic(index, new NicNetwork.Automatic("TRAFFIC_TYPE = \"public\"", "FREE_LEASES"), List.of(),
                Optional.empty(), Nic.DEFAULT_MODEL, Map.of());
    }

    /** VM 7 "web", not placed yet, with these user-template attributes and NICs. */
    public static Vm vm(Map<String, String> attributes, Nic... nics) {
        return new Vm(7, "web", new Ownership(0, 0, Permissions.DEFAULT), Optional.empty(), VmState.PENDING,
                Optional.empty(), attributes, List.of(nics), 0);
    }

    /** The lookup GuestContext takes, over these networks. */
    public static IntFunction<Optional<VirtualNetwork>> lookup(VirtualNetwork... networks) {
        return id -> Arrays.stream(networks).filter(n -> n.id() == id).findFirst();
    }
}
