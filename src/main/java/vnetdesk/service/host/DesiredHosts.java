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
        List<VmDetails> running = vms.runningOn(host.id());
        return tx.read(c -> {
            Map<Integer, VirtualNetwork> onHost = new LinkedHashMap<>();
            Map<Integer, Optional<SecurityGroup>> groupCache = new LinkedHashMap<>();
            List<NicOnHost> nics = new ArrayList<>();
            for (VmDetails vm : running) {
                for (VmDetails.NicDetails nic : vm.nics()) {
                    if (nic.network().isEmpty() || !(nic.nic().network() instanceof NicNetwork.Leased lease)) {
                        continue;
                    }
                    VirtualNetwork network = nic.network().get();
                    onHost.putIfAbsent(network.id(), network);
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
                    nics.add(new NicOnHost(vm.vm().id(), nic.nic().index(), nic.tapName(), network.id(),
                            lease.addresses().mac(), NicOnHost.addressesOf(lease.addresses()), rules, nic.nic().qos()));
                }
            }
            return new HostInventory(host.id(), host.name(),
                    onHost.values().stream().map(n -> new NetworkOnHost(n, false)).toList(), nics);
        });
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
