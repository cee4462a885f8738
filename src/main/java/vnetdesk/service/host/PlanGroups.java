package vnetdesk.service.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import vnetdesk.host.desired.DesiredStateCompiler;
import vnetdesk.host.desired.FirewallNames;
import vnetdesk.host.desired.HostInventory;
import vnetdesk.host.desired.NetworkOnHost;
import vnetdesk.host.desired.NicOnHost;
import vnetdesk.host.plan.Change;
import vnetdesk.host.plan.Plan;
import vnetdesk.host.plan.Step;
import vnetdesk.host.state.Device;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.host.HostReports.GroupKind;
import vnetdesk.service.host.HostReports.PlanGroup;

/**
 * Regroups a host's plan by what owns each object its steps touch: a
 * network (its bridge and uplink device), a NIC (its tap, chains, hooks,
 * ipsets, QoS: every such name starts with the tap and a dash, see
 * {@link FirewallNames}; a NIC no longer in the inventory is known by the
 * {@code one-<vm>-<nic>} form of its tap), the host itself
 * (kernel settings, the global chain), or nothing any more (an owned device
 * of a network that left the host). A step touching several owners is in
 * each of their groups.
 */
final class PlanGroups {

    private final HostOwners owners;
    /** Device name → the networks whose devices it is (two networks may share a bridge). */
    private final Map<String, List<VirtualNetwork>> networksByDevice = new HashMap<>();
    private final Map<Integer, List<Device>> devicesByNetwork = new HashMap<>();
    private final Map<String, NicOnHost> nicsByTap = new HashMap<>();
    private final Map<Integer, VirtualNetwork> networks = new HashMap<>();
    private final Map<String, VirtualNetwork> networksByLabel = new HashMap<>();

    private PlanGroups(HostOwners owners) {
        this.owners = owners;
        HostInventory inventory = owners.inventory();
        Set<Integer> inUse = inventory.nics().stream().map(NicOnHost::networkId).collect(Collectors.toSet());
        for (NetworkOnHost n : inventory.networks()) {
            VirtualNetwork network = n.network();
            networks.put(network.id(), network);
            networksByLabel.put(network.label(), network);
            if (n.pinned() || inUse.contains(network.id())) {
                // the compiler is the one place that knows which devices a network needs on a host
                List<Device> devices = List.copyOf(DesiredStateCompiler.compile(new HostInventory(inventory.hostId(),
                        inventory.hostName(), List.of(new NetworkOnHost(network, true)), List.of())).devices().values());
                devicesByNetwork.put(network.id(), devices);
                devices.forEach(d -> networksByDevice.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(network));
            }
        }
        inventory.nics().forEach(nic -> nicsByTap.put(nic.tap(), nic));
    }

    /** The plan's groups: the host's, then networks and NICs in inventory order, NICs that left, objects that go. */
    static List<PlanGroup> of(Plan plan, HostOwners owners) {
        return new PlanGroups(owners).group(plan);
    }

    /** Who a group is about; {@code name} as {@link PlanGroup#name()}. */
    private record Owner(GroupKind kind, String name) {
    }

    private List<PlanGroup> group(Plan plan) {
        Map<Owner, Lines> known = new LinkedHashMap<>();
        HostInventory inventory = owners.inventory();
        known.put(host(), new Lines());
        inventory.networks().forEach(n -> known.put(network(n.network()), new Lines()));
        inventory.nics().stream().sorted(Comparator.comparingInt(NicOnHost::vmId)
                .thenComparingInt(NicOnHost::nicIndex)).forEach(nic -> known.put(nic(nic.tap()), new Lines()));
        Map<Owner, Lines> left = new TreeMap<>(Comparator.comparing(Owner::kind).thenComparing(Owner::name));
        for (int i = 0; i < plan.steps().size(); i++) {
            Step step = plan.steps().get(i);
            for (Change change : step.changes()) {
                for (Owner owner : ownersOf(change)) {
                    Lines lines = known.containsKey(owner) ? known.get(owner)
                            : left.computeIfAbsent(owner, o -> new Lines());
                    lines.add(change.text(), i + 1);
                }
            }
        }
        List<PlanGroup> out = new ArrayList<>();
        known.forEach((owner, lines) -> lines.group(owner, title(owner, true)).ifPresent(out::add));
        left.forEach((owner, lines) -> lines.group(owner, title(owner, false)).ifPresent(out::add));
        return out;
    }

    private List<Owner> ownersOf(Change change) {
        if (change.kind() == Change.Kind.KERNEL_SETTING) {
            return List.of(host());
        }
        if (change.kind() == Change.Kind.DEVICE && networksByDevice.containsKey(change.name())) {
            return networksByDevice.get(change.name()).stream().map(PlanGroups::network).toList();
        }
        Optional<String> tap = nicsByTap.keySet().stream()
                .filter(t -> change.name().equals(t) || change.name().startsWith(t + "-"))
                .max(Comparator.comparingInt(String::length))
                .or(() -> FirewallNames.tapOf(change.name()));
        if (tap.isPresent()) {
            return List.of(nic(tap.get()));
        }
        if (change.action().removes() && !change.name().equals(FirewallNames.GLOBAL_CHAIN)) {
            return List.of(new Owner(GroupKind.NO_LONGER_NEEDED, ""));
        }
        return List.of(host());
    }

    private Owner host() {
        return new Owner(GroupKind.HOST, owners.inventory().hostName());
    }

    private static Owner network(VirtualNetwork network) {
        return new Owner(GroupKind.NETWORK, network.label());
    }

    private static Owner nic(String tap) {
        return new Owner(GroupKind.NIC, tap);
    }

    private String title(Owner owner, boolean inInventory) {
        return switch (owner.kind()) {
            case HOST -> "host " + owner.name() + " — host-wide";
            case NETWORK -> networkTitle(networksByLabel.get(owner.name()));
            case NIC -> inInventory ? nicTitle(nicsByTap.get(owner.name()))
                    : "NIC " + owner.name() + " — no longer on this host";
            case NO_LONGER_NEEDED -> "no longer needed";
        };
    }

    /** {@code NIC one-5-0 — VM 5:web on network 1:private}. */
    private String nicTitle(NicOnHost nic) {
        return "NIC " + nic.tap() + " — VM " + owners.vmLabel(nic.vmId()) + " on network "
                + networks.get(nic.networkId()).label();
    }

    /** {@code network 1:private — bridge br0, 802.1Q eth0.100}. */
    private String networkTitle(VirtualNetwork network) {
        List<String> devices = devicesByNetwork.getOrDefault(network.id(), List.of()).stream()
                .map(PlanGroups::deviceWords).toList();
        return "network " + network.label() + (devices.isEmpty() ? "" : " — " + String.join(", ", devices));
    }

    private static String deviceWords(Device d) {
        if (d instanceof Device.Bridge) {
            return "bridge " + d.name();
        }
        if (d instanceof Device.Vlan) {
            return "802.1Q " + d.name();
        }
        if (d instanceof Device.Vxlan) {
            return "VXLAN " + d.name();
        }
        return "PHYDEV " + d.name();
    }

    /** One group's lines (each once, in plan order) and the numbers of the steps carrying them. */
    private static final class Lines {
        private final Set<String> lines = new LinkedHashSet<>();
        private final Set<Integer> steps = new TreeSet<>();

        void add(String line, int step) {
            lines.add(line);
            steps.add(step);
        }

        Optional<PlanGroup> group(Owner owner, String title) {
            return lines.isEmpty() ? Optional.empty()
                    : Optional.of(new PlanGroup(owner.kind(), owner.name(), title, List.copyOf(lines),
                    List.copyOf(steps)));
        }
    }
}
