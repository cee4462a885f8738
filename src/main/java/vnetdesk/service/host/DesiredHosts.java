package vnetdesk.service.host;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.host.desired.DesiredStateCompiler;
import vnetdesk.host.desired.GroupRules;
import vnetdesk.host.desired.HostInventory;
import vnetdesk.host.desired.NetworkOnHost;
import vnetdesk.host.desired.NicOnHost;
import vnetdesk.host.state.HostState;
import vnetdesk.model.RuleTarget;
import vnetdesk.model.SecurityGroup;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.SecurityRuleExpansion;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.service.core.Tx;
import vnetdesk.service.vm.VmDetails;
import vnetdesk.service.vm.VmService;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.OwnedObjectRepository;
import vnetdesk.store.SecurityGroupCodec;

/**
 * What the inventory says a host must carry: the NICs of the VMs running on
 * it, each with its lease, its security groups' rules (a rule naming a
 * network expanded to that network's address blocks) and its QoS, and the
 * networks they are on — compiled into the host's desired state.
 */
final class DesiredHosts {

    private final Tx tx;
    private final VmService vms;
    private final NetworkRepository networks;
    private final OwnedObjectRepository groups = OwnedObjectRepository.securityGroups();

    DesiredHosts(Tx tx, VmService vms, NetworkRepository networks) {
        this.tx = tx;
        this.vms = vms;
        this.networks = networks;
    }

    HostState desired(Host host) {
        return DesiredStateCompiler.compile(inventory(host));
    }

    HostInventory inventory(Host host) {
        return inventory(host, Optional.empty());
    }

    /** The host's inventory with the labels of the VMs running there, from one read of them. */
    HostOwners owners(Host host) {
        List<VmDetails> running = vms.runningOn(host.id());
        Map<Integer, String> labels = new LinkedHashMap<>();
        running.forEach(vm -> labels.put(vm.vm().id(), vm.vm().label()));
        return new HostOwners(inventory(host, running, Optional.empty()), labels);
    }

    /**
     * The host's inventory, with {@code extra} (a NIC of a VM on the host,
     * not stored yet: an attach being previewed) added to the NICs.
     */
    HostInventory inventory(Host host, Optional<Extra> extra) {
        return inventory(host, vms.runningOn(host.id()), extra);
    }

    private HostInventory inventory(Host host, List<VmDetails> running, Optional<Extra> extra) {
        return tx.read(c -> {
            Map<Integer, VirtualNetwork> onHost = new LinkedHashMap<>();
            Map<Integer, Optional<SecurityGroup>> groupCache = new LinkedHashMap<>();
            List<NicOnHost> nics = new ArrayList<>();
            for (VmDetails vm : running) {
                for (VmDetails.NicDetails nic : vm.nics()) {
                    nicOnHost(c, vm.vm().id(), nic, groupCache).ifPresent(n -> {
                        onHost.putIfAbsent(n.networkId(), nic.network().orElseThrow());
                        nics.add(n);
                    });
                }
            }
            if (extra.isPresent()) {
                VmDetails.NicDetails nic = extra.get().nic();
                nicOnHost(c, extra.get().vmId(), nic, groupCache).ifPresent(n -> {
                    onHost.putIfAbsent(n.networkId(), nic.network().orElseThrow());
                    nics.add(n);
                });
            }
            return new HostInventory(host.id(), host.name(),
                    onHost.values().stream().map(n -> new NetworkOnHost(n, false)).toList(), nics);
        });
    }

    /** A NIC that is not stored yet, of VM {@code vmId}. */
    record Extra(int vmId, VmDetails.NicDetails nic) {
    }

    /** The NIC as the compiler takes it; empty while it has no lease (automatic selection pending). */
    private Optional<NicOnHost> nicOnHost(Connection c, int vmId, VmDetails.NicDetails nic,
                                          Map<Integer, Optional<SecurityGroup>> groupCache) throws SQLException {
        if (nic.network().isEmpty() || !(nic.nic().network() instanceof NicNetwork.Leased lease)) {
            return Optional.empty();
        }
        List<GroupRules> rules = new ArrayList<>();
        for (int id : nic.securityGroups()) {
            Optional<SecurityGroup> group = groupCache.get(id);
            if (group == null) {
                group = groups.find(c, id).map(SecurityGroupCodec::decode);
                groupCache.put(id, group);
            }
            if (group.isPresent()) {
                rules.add(new GroupRules(id, expanded(c, group.get())));
            }
        }
        return Optional.of(new NicOnHost(vmId, nic.nic().index(), nic.tapName(), nic.network().get().id(),
                lease.addresses().mac(), NicOnHost.addressesOf(lease.addresses()), rules, nic.nic().qos()));
    }

    /** The group's rules with every rule naming a network replaced by that network's address blocks. */
    private List<SecurityRule> expanded(Connection c, SecurityGroup group) throws SQLException {
        List<SecurityRule> out = new ArrayList<>();
        for (SecurityRule rule : group.rules()) {
            if (rule.target() instanceof RuleTarget.OfNetwork of) {
                Optional<VirtualNetwork> target = networks.find(c, of.networkId());
                target.ifPresent(n -> out.addAll(SecurityRuleExpansion.expand(rule, n)));
            } else {
                out.add(rule);
            }
        }
        return out;
    }
}
