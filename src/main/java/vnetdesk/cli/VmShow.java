package vnetdesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.Qos;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.model.vm.Vm;
import vnetdesk.service.vm.VmDetails;
import vnetdesk.service.vm.VmDetails.NicDetails;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateWriter;

/**
 * How a VM reads on the command line: the row of {@code vm list}, the
 * sections of {@code vm show} (as {@code onevm show}: information,
 * permissions, user template, NICs), and the JSON of both.
 */
final class VmShow {

    private static final String LABEL = "%-20s: %s%n";

    /** The NETWORK cell of a NIC still waiting for automatic network selection. */
    private static final String AUTO = "auto";

    private VmShow() {
    }

    static Table listTable() {
        return new Table("ID", "USER", "GROUP", "NAME", "STATE", "HOST", "NICS").alignRight(0);
    }

    static void addListRow(Table t, VmDetails d) {
        Vm vm = d.vm();
        List<String> nics = d.nics().stream().map(n -> n.nic().index() + ":" + address(n.nic())).toList();
        t.row(vm.id(), d.ownerName(), d.groupName(), vm.name(), vm.state(), host(d),
                nics.isEmpty() ? Views.NONE : String.join(" ", nics));
    }

    /** The address an administrator knows a NIC by: IPv4, else IPv6, else MAC; {@code auto} before it has one. */
    static String address(Nic nic) {
        return nic.lease().map(l -> {
            LeaseAddresses a = l.addresses();
            return a.ip().map(Object::toString).or(() -> Views.mainIpv6(a).map(Object::toString))
                    .orElse(a.mac().toString());
        }).orElse(AUTO);
    }

    private static String host(VmDetails d) {
        return d.host().map(h -> h.label()).orElse(Views.NONE);
    }

    static void print(PrintStream out, VmDetails d) {
        Vm vm = d.vm();
        out.println("VIRTUAL MACHINE INFORMATION");
        out.printf(LABEL, "ID", vm.id());
        out.printf(LABEL, "NAME", vm.name());
        out.printf(LABEL, "USER", d.ownerName());
        out.printf(LABEL, "GROUP", d.groupName());
        out.printf(LABEL, "STATE", vm.state());
        out.printf(LABEL, "HOST", host(d));
        out.printf(LABEL, "LOCK", vm.lock().map(Enum::name).orElse("None"));
        out.println();

        out.println("PERMISSIONS");
        String rights = vm.ownership().permissions().letters();
        out.printf(LABEL, "OWNER", rights.substring(0, 3));
        out.printf(LABEL, "GROUP", rights.substring(3, 6));
        out.printf(LABEL, "OTHER", rights.substring(6, 9));
        out.println();

        out.println("USER TEMPLATE");
        Template t = Template.empty();
        for (Map.Entry<String, String> e : vm.attributes().entrySet()) {
            t = t.with(e.getKey(), e.getValue());
        }
        out.print(TemplateWriter.write(t));
        out.println();

        out.println("VM NICS");
        Table nics = new Table("ID", "NETWORK", "TAP", "MAC", "IP", "IP6", "SECURITY_GROUPS", "QOS", "MODEL")
                .alignRight(0);
        List<String> waiting = new ArrayList<>();
        for (NicDetails n : d.nics()) {
            Nic nic = n.nic();
            String network = n.network().map(VirtualNetwork::label).orElse(AUTO);
            String mac = nic.lease().map(l -> l.addresses().mac().toString()).orElse(Views.NONE);
            String ip = nic.lease().map(l -> Views.ipv4Cell(l.addresses())).orElse(Views.NONE);
            String ip6 = nic.lease().map(l -> Views.ipv6Cell(l.addresses())).orElse(Views.NONE);
            String groups = n.securityGroups().isEmpty() ? Views.NONE : Views.join(n.securityGroups());
            nics.row(nic.index(), network, n.tapName(), mac, ip, ip6, groups, qos(n.qos()), nic.model());
            if (nic.network() instanceof NicNetwork.Automatic auto) {
                waiting.add("NIC " + nic.index() + ": network chosen when the VM is deployed (SCHED_REQUIREMENTS: "
                        + orNone(auto.requirements()) + ", SCHED_RANK: " + orNone(auto.rank()) + ")");
            }
        }
        nics.print(out);
        waiting.forEach(out::println);
    }

    /** QoS in the form {@code vm nic-attach --qos} takes: {@code INBOUND_AVG_BW=1000,…}. */
    private static String qos(Qos qos) {
        List<String> limits = new ArrayList<>();
        qos.toAttributes().forEach((k, v) -> limits.add(k + "=" + v));
        return limits.isEmpty() ? Views.NONE : String.join(",", limits);
    }

    private static String orNone(String expression) {
        return expression.isBlank() ? Views.NONE : expression;
    }

    static Map<String, Object> json(VmDetails d) {
        Vm vm = d.vm();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", vm.id());
        m.put("name", vm.name());
        m.put("user", d.ownerName());
        m.put("group", d.groupName());
        m.put("uid", vm.ownership().uid());
        m.put("gid", vm.ownership().gid());
        m.put("permissions", vm.ownership().permissions().octal());
        vm.lock().ifPresent(l -> m.put("lock", l.name()));
        m.put("state", vm.state().name());
        d.host().ifPresent(h -> {
            m.put("host_id", h.id());
            m.put("host", h.name());
        });
        m.put("template", vm.attributes());
        List<Map<String, Object>> nics = new ArrayList<>();
        d.nics().forEach(n -> nics.add(nicJson(n)));
        m.put("nics", nics);
        return m;
    }

    private static Map<String, Object> nicJson(NicDetails n) {
        Nic nic = n.nic();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nic_id", nic.index());
        n.network().ifPresent(net -> {
            m.put("network_id", net.id());
            m.put("network", net.name());
        });
        if (nic.network() instanceof NicNetwork.Leased l) {
            m.put("ar_id", l.arId());
            m.putAll(Views.addressesJson(l.addresses(), ""));
        } else if (nic.network() instanceof NicNetwork.Automatic auto) {
            m.put("network_mode", AUTO);
            m.put("sched_requirements", auto.requirements());
            m.put("sched_rank", auto.rank());
        }
        m.put("target", n.tapName());
        m.put("security_groups", n.securityGroups());
        m.put("qos", n.qos().toAttributes());
        m.put("model", nic.model());
        m.put("attributes", nic.attributes());
        return m;
    }
}
