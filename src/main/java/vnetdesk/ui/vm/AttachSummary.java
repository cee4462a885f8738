package vnetdesk.ui.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.ContextScript;
import vnetdesk.model.vm.GuestContext;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.Vm;
import vnetdesk.service.host.OfflinePlans;
import vnetdesk.service.vm.AttachPreview;
import vnetdesk.service.vm.VmDetails;
import vnetdesk.service.vm.VmDetails.NicDetails;

/**
 * What the last pages of the Attach NIC wizard say, from the VM as read and
 * the service's preview of the attach: the lease, the NIC's guest context,
 * its security groups and QoS, where the default route is now and after
 * (kept where it is when {@code keepRoute} and the attach would move it),
 * the warnings, and what the attach changes on the VM's host (the plan
 * from the host's desired state without the NIC to the one with it).
 */
record AttachSummary(VmDetails vm, GuestContext before, AttachPreview preview, Map<Integer, String> groupNames,
                     boolean keepRoute, Optional<OfflinePlans.HostChange> hostChange) {

    static final String GATEWAY_IFACE = "GATEWAY_IFACE";

    /** The index the new NIC gets. */
    int index() {
        return preview.nic().nic().index();
    }

    /** The NIC of the current route when the attach would move it away and the user may keep it there. */
    Optional<Integer> keepableRoute() {
        return preview.routeWarning().isPresent() && !before.defaultRouteNic().equals(preview.defaultRouteNic())
                ? before.defaultRouteNic() : Optional.empty();
    }

    /** The NIC {@code GATEWAY_IFACE} will be set to on Finish, if any. */
    Optional<Integer> gatewayIfaceToSet() {
        return keepRoute ? keepableRoute() : Optional.empty();
    }

    String lease() {
        NicDetails nic = preview.nic();
        return nic.nic().lease().map(l -> {
            List<String> parts = new ArrayList<>();
            l.addresses().ip().ifPresent(ip -> parts.add(ip.toString()));
            String ip6 = NicRow.ip6(l.addresses());
            if (!ip6.isEmpty()) {
                parts.add(ip6);
            }
            parts.add("MAC " + l.addresses().mac());
            return String.join(", ", parts) + " — address range " + l.arId() + " of network "
                    + nic.network().map(VirtualNetwork::label).orElse(String.valueOf(l.networkId()))
                    + "; NIC " + index() + ", tap " + nic.tapName();
        }).orElse("None yet: NIC " + index() + " waits for automatic selection, which chooses its network and"
                + " lease when the VM is deployed.");
    }

    /** The NIC's context attributes as the guest will get them ({@code ETHi_*}). */
    Map<String, String> nicContext() {
        return gatewayIfaceToSet().isPresent() ? after().nic(index()) : preview.nicContext();
    }

    /** The NIC's context as {@code context.sh} lines. */
    String contextSh() {
        Map<String, String> context = nicContext();
        return context.isEmpty() ? "(no context until the NIC has a lease)" : ContextScript.render(context);
    }

    /** The groups the NIC gets, the network's marked as such. */
    String securityGroups() {
        List<Integer> network = preview.nic().network().map(VirtualNetwork::securityGroups).orElse(List.of());
        List<Integer> all = preview.nic().securityGroups();
        if (all.isEmpty()) {
            return "none: the NIC's traffic is not filtered";
        }
        return String.join(", ", all.stream().map(id -> groupNames.getOrDefault(id, String.valueOf(id))
                + (network.contains(id) ? " (network)" : preview.nic().nic().securityGroups().contains(id)
                ? " (this NIC)" : " (address range)")).toList());
    }

    String qos() {
        return NicRow.qosText(preview.nic().qos()) + (preview.nic().nic().qos().isPresent() ? " (this NIC's override)"
                : " (the network's)");
    }

    /** Which NIC owns the default route now. */
    String routeNow() {
        return describe(before.defaultRouteNic(), before.attributes());
    }

    /** Which NIC will own it after the attach (and the GATEWAY_IFACE change, if any). */
    String routeAfter() {
        if (gatewayIfaceToSet().isPresent()) {
            return routeNow() + " — kept there: GATEWAY_IFACE = " + gatewayIfaceToSet().get() + " is set on the VM";
        }
        Map<String, String> attributes = new LinkedHashMap<>(before.attributes());
        attributes.putAll(preview.nicContext());
        return describe(preview.defaultRouteNic(), attributes);
    }

    /** The warning of the preview when the attach moves the route; none when it stays (or is kept). */
    Optional<String> routeWarning() {
        return gatewayIfaceToSet().isPresent() ? Optional.empty() : preview.routeWarning();
    }

    /** The VM's GATEWAY_IFACE now, as the General tab shows it. */
    String gatewayIfaceNow() {
        return Optional.ofNullable(vm.vm().attributes().get(GATEWAY_IFACE))
                .orElse("not set: the first NIC with a gateway owns the route");
    }

    List<String> warnings() {
        return gatewayIfaceToSet().isPresent() ? after().warnings() : preview.warnings();
    }

    /** What changes on the host: the planned steps, or why none are applied anywhere. */
    String hostChanges() {
        NicDetails nic = preview.nic();
        if (hostChange.isEmpty()) {
            return "None now: the VM's domain is not running on a host, so nothing is applied anywhere. When it"
                    + " runs, its host gets tap " + nic.tapName() + " on the network's bridge, the NIC's firewall"
                    + " chains and its QoS.";
        }
        String host = hostChange.get().host().label();
        List<String> lines = hostChange.get().steps();
        if (lines.isEmpty()) {
            return "Nothing changes on host " + host + " (the network's driver applies no firewall and no QoS,"
                    + " and its bridge is there already).";
        }
        return "Finish applies these changes to host " + host + " at once:\n" + lines.stream().map(l -> "• " + l)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The VM after the attach with GATEWAY_IFACE set to the kept route, and its context. */
    private GuestContext after() {
        Vm now = vm.vm();
        Map<String, String> attributes = new LinkedHashMap<>(now.attributes());
        gatewayIfaceToSet().ifPresent(i -> attributes.put(GATEWAY_IFACE, String.valueOf(i)));
        List<Nic> nics = new ArrayList<>(now.nics());
        nics.add(preview.nic().nic());
        Vm after = new Vm(now.id(), now.name(), now.ownership(), now.lock(), now.state(), now.hostId(), attributes,
                nics, now.version());
        Map<Integer, VirtualNetwork> networks = new LinkedHashMap<>();
        vm.nics().forEach(n -> n.network().ifPresent(net -> networks.put(net.id(), net)));
        preview.nic().network().ifPresent(net -> networks.put(net.id(), net));
        return GuestContext.of(after, id -> Optional.ofNullable(networks.get(id)));
    }

    /** "NIC 0 (gateway 10.0.0.254)", or that there is no default route. */
    private static String describe(Optional<Integer> nic, Map<String, String> context) {
        if (nic.isEmpty()) {
            return "none: no NIC has a gateway";
        }
        int i = nic.get();
        List<String> gateways = new ArrayList<>(2);
        Optional.ofNullable(context.get("ETH" + i + "_GATEWAY")).ifPresent(gateways::add);
        Optional.ofNullable(context.get("ETH" + i + "_IP6_GATEWAY")).ifPresent(gateways::add);
        return "NIC " + i + (gateways.isEmpty() ? "" : " (gateway " + String.join(", ", gateways) + ")");
    }
}
