package vnetdesk.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;

import vnetdesk.model.Ipv4;
import vnetdesk.model.Ipv6;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.model.vm.Vm;

/**
 * Writes VMs as {@code onevm show -x} XML ({@code <VM>}, every element
 * {@code vm.xsd} requires, in its order) and as {@code onevm list -x}
 * ({@code <VM_POOL>} of the shorter VM body {@code vm_pool.xsd} describes);
 * see {@link OneVmXml}. Values vnetdesk does not keep (times, monitoring,
 * storage) are written as OpenNebula writes them when it has none.
 */
final class OneVmXmlWriter {

    /** The hypervisor driver of every host vnetdesk manages. */
    static final String VM_MAD = "kvm";

    private final OneXmlOut out;

    private OneVmXmlWriter(OneXmlOut out) {
        this.out = out;
    }

    static String write(ExportedVm vm) {
        Objects.requireNonNull(vm, "vm");
        return OneXmlOut.render("VM", out -> new OneVmXmlWriter(out).vm(vm));
    }

    static String writePool(List<ExportedVm> pool) {
        List<ExportedVm> vms = List.copyOf(pool);
        return OneXmlOut.render("VM", out -> {
            OneVmXmlWriter w = new OneVmXmlWriter(out);
            out.open("VM_POOL");
            for (ExportedVm vm : vms) {
                w.pooled(vm);
            }
            out.close();
        });
    }

    /** The full body of {@code onevm show -x}. */
    private void vm(ExportedVm e) throws XMLStreamException {
        Vm vm = e.vm();
        out.open("VM");
        identity(e);
        out.permissions(vm.ownership().permissions());
        out.leaf("LAST_POLL", 0);
        out.leaf("STATE", vm.state().oneState());
        out.leaf("LCM_STATE", vm.state().oneLcmState());
        // no transition is ever under way in vnetdesk: the previous state is the state
        out.leaf("PREV_STATE", vm.state().oneState());
        out.leaf("PREV_LCM_STATE", vm.state().oneLcmState());
        times(vm);
        out.lock(vm.lock());
        out.empty("MONITORING");
        out.empty("SCHED_ACTIONS");
        out.open("TEMPLATE");
        nics(e);
        // vnetdesk keeps no storage: no system datastore driver is known
        out.leaf("TM_MAD_SYSTEM", "");
        out.leaf("VMID", vm.id());
        out.close();
        userTemplate(vm);
        out.open("HISTORY_RECORDS");
        if (e.host().isPresent()) {
            Host h = e.host().get();
            out.open("HISTORY");
            historyStart(vm, h);
            out.leaf("STIME", 0);
            out.leaf("ETIME", 0);
            out.leaf("VM_MAD", VM_MAD);
            out.leaf("TM_MAD", "");
            out.leaf("DS_ID", 0);
            out.leaf("PLAN_ID", -1);
            out.leaf("ACTION_ID", -1);
            for (String time : List.of("PSTIME", "PETIME", "RSTIME", "RETIME", "ESTIME", "EETIME")) {
                out.leaf(time, 0);
            }
            out.leaf("ACTION", 0);
            out.leaf("UID", vm.ownership().uid());
            out.leaf("GID", vm.ownership().gid());
            out.leaf("REQUEST_ID", "-1");
            out.close();
        }
        out.close();
        out.open("BACKUPS");
        out.empty("BACKUP_CONFIG");
        out.empty("BACKUP_IDS");
        out.close();
        out.close();
    }

    /** The shorter body of a VM in {@code onevm list -x}: no permissions, no previous state, a short history. */
    private void pooled(ExportedVm e) throws XMLStreamException {
        Vm vm = e.vm();
        out.open("VM");
        identity(e);
        out.leaf("LAST_POLL", 0);
        out.leaf("STATE", vm.state().oneState());
        out.leaf("LCM_STATE", vm.state().oneLcmState());
        times(vm);
        out.lock(vm.lock());
        out.open("TEMPLATE");
        nics(e);
        out.close();
        out.empty("MONITORING");
        userTemplate(vm);
        out.open("HISTORY_RECORDS");
        if (e.host().isPresent()) {
            out.open("HISTORY");
            historyStart(vm, e.host().get());
            out.leaf("DS_ID", 0);
            out.leaf("VM_MAD", VM_MAD);
            out.leaf("TM_MAD", "");
            out.leaf("ACTION", 0);
            out.close();
        }
        out.close();
        out.close();
    }

    private void identity(ExportedVm e) throws XMLStreamException {
        Vm vm = e.vm();
        out.leaf("ID", vm.id());
        out.leaf("UID", vm.ownership().uid());
        out.leaf("GID", vm.ownership().gid());
        out.leaf("UNAME", e.ownerName());
        out.leaf("GNAME", e.groupName());
        out.leaf("NAME", vm.name());
    }

    /** RESCHED, STIME, ETIME and DEPLOY_ID: vnetdesk keeps no times (0); a placed VM's domain is {@code one-<id>}. */
    private void times(Vm vm) throws XMLStreamException {
        out.leaf("RESCHED", 0);
        out.leaf("STIME", 0);
        out.leaf("ETIME", 0);
        out.leaf("DEPLOY_ID", vm.state().onHost() ? "one-" + vm.id() : "");
    }

    /** OID, SEQ, HOSTNAME, HID and CID: the one placement vnetdesk knows, sequence 0. */
    private void historyStart(Vm vm, Host h) throws XMLStreamException {
        out.leaf("OID", vm.id());
        out.leaf("SEQ", 0);
        out.leaf("HOSTNAME", h.name());
        out.leaf("HID", h.id());
        out.leaf("CID", h.clusterId());
    }

    private void userTemplate(Vm vm) throws XMLStreamException {
        out.open("USER_TEMPLATE");
        for (Map.Entry<String, String> a : new TreeMap<>(vm.attributes()).entrySet()) {
            out.leaf(a.getKey(), a.getValue());
        }
        out.close();
    }

    private void nics(ExportedVm e) throws XMLStreamException {
        for (ExportedVm.ExportedNic n : e.nics()) {
            out.open("NIC");
            for (Map.Entry<String, String> a : nicElements(e.vm().id(), n).entrySet()) {
                out.leaf(a.getKey(), a.getValue());
            }
            out.close();
        }
    }

    /**
     * A NIC's elements in alphabetical order, as OpenNebula stores vector attributes: its own
     * attributes, then what vnetdesk derives (addresses, network, tap name …), which wins a clash.
     */
    private static Map<String, String> nicElements(int vmId, ExportedVm.ExportedNic n) {
        Nic nic = n.nic();
        Map<String, String> a = new TreeMap<>(nic.attributes());
        a.put("NIC_ID", Integer.toString(nic.index()));
        a.put("NAME", "NIC" + nic.index());
        a.put("MODEL", nic.model());
        a.put("TARGET", nic.tapName(vmId));
        if (!n.securityGroups().isEmpty()) {
            a.put("SECURITY_GROUPS", n.securityGroups().stream().sorted().distinct().map(String::valueOf)
                    .collect(Collectors.joining(",")));
        }
        a.putAll(n.qos().toAttributes());
        if (nic.network() instanceof NicNetwork.Automatic auto) {
            a.put("NETWORK_MODE", "auto");
            putIfNotBlank(a, "SCHED_REQUIREMENTS", auto.requirements());
            putIfNotBlank(a, "SCHED_RANK", auto.rank());
            return a;
        }
        NicNetwork.Leased lease = nic.lease().orElseThrow();
        VirtualNetwork network = n.network().orElseThrow();
        NetworkConf conf = network.conf();
        a.put("NETWORK", network.name());
        a.put("NETWORK_ID", Integer.toString(network.id()));
        a.put("NETWORK_UNAME", n.networkOwnerName());
        a.put("AR_ID", Integer.toString(lease.arId()));
        a.put("BRIDGE", conf.bridge());
        a.put("VN_MAD", conf.driver().mad());
        conf.phydev().ifPresent(p -> a.put("PHYDEV", p));
        conf.vlanId().ifPresent(v -> a.put("VLAN_ID", v.toString()));
        LeaseAddresses addresses = lease.addresses();
        a.put("MAC", addresses.mac().toString());
        addresses.ip().map(Ipv4::toString).ifPresent(v -> a.put("IP", v));
        addresses.ip6().map(Ipv6::toString).ifPresent(v -> a.put("IP6", v));
        addresses.ip6Global().map(Ipv6::toString).ifPresent(v -> a.put("IP6_GLOBAL", v));
        addresses.ip6Link().map(Ipv6::toString).ifPresent(v -> a.put("IP6_LINK", v));
        addresses.ip6Ula().map(Ipv6::toString).ifPresent(v -> a.put("IP6_ULA", v));
        return a;
    }

    private static void putIfNotBlank(Map<String, String> a, String name, String value) {
        if (!value.isBlank()) {
            a.put(name, value);
        }
    }
}
