package vnetdesk.ui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.Qos;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.service.vm.VmDetails;
import vnetdesk.service.vm.VmDetails.NicDetails;

/** One line of a VM's NICs table, and the texts the VMs view shows of NICs and QoS. */
public record NicRow(int index, String network, String tap, String ip, String ip6, String mac, String groups,
                     String qos) {

    /** The row of {@code nic}; {@code groupNames} labels the security groups the user may see. */
    static NicRow of(NicDetails nic, Map<Integer, String> groupNames) {
        String network = nic.network().map(n -> n.label())
                .orElseGet(() -> waiting((NicNetwork.Automatic) nic.nic().network()));
        var lease = nic.nic().lease();
        return new NicRow(nic.nic().index(), network, nic.tapName(),
                lease.flatMap(l -> l.addresses().ip()).map(Object::toString).orElse(""),
                lease.map(l -> ip6(l.addresses())).orElse(""),
                lease.map(l -> l.addresses().mac().toString()).orElse(""),
                groups(nic.securityGroups(), groupNames), qosText(nic.qos()));
    }

    /** "automatic, chosen at deploy: REQUIREMENTS" for a NIC whose network is chosen when its VM is deployed. */
    static String waiting(NicNetwork.Automatic auto) {
        return "automatic, chosen at deploy" + (auto.requirements().isBlank() ? "" : ": " + auto.requirements());
    }

    /** The VM's addresses for the table: each NIC's main address, "auto" for one still waiting. */
    static String addressesOf(VmDetails d) {
        return String.join(", ", d.nics().stream().map(n -> n.nic().lease().map(l -> l.addresses().primary())
                .orElse("auto")).toList());
    }

    static String ip6(LeaseAddresses a) {
        return a.ip6().or(a::ip6Global).or(a::ip6Ula).map(Object::toString).orElse("");
    }

    /** "0:default, 100:web" — a group the user may not see by its id. */
    static String groups(List<Integer> ids, Map<Integer, String> names) {
        return String.join(", ", ids.stream().map(id -> names.getOrDefault(id, String.valueOf(id))).toList());
    }

    /** "in 12500 KB/s (peak 20000, burst 100 KB), out 12500 KB/s", or "none". */
    static String qosText(Qos q) {
        if (q.isNone()) {
            return "none";
        }
        List<String> parts = new ArrayList<>(2);
        direction("in", q.inboundAvg(), q.inboundPeak(), q.inboundPeakKb(), parts);
        direction("out", q.outboundAvg(), q.outboundPeak(), q.outboundPeakKb(), parts);
        return String.join(", ", parts);
    }

    private static void direction(String name, OptionalLong avg, OptionalLong peak, OptionalLong burst,
                                  List<String> parts) {
        if (avg.isEmpty() && peak.isEmpty() && burst.isEmpty()) {
            return;
        }
        List<String> extra = new ArrayList<>(2);
        peak.ifPresent(p -> extra.add("peak " + p));
        burst.ifPresent(b -> extra.add("burst " + b + " KB"));
        parts.add(name + " " + (avg.isPresent() ? avg.getAsLong() + " KB/s" : "no average")
                + (extra.isEmpty() ? "" : " (" + String.join(", ", extra) + ")"));
    }
}
