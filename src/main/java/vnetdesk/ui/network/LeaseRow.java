package vnetdesk.ui.network;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.service.SecurityGroupService.VmStatus;

/** One line of the Leases tab. */
public record LeaseRow(int arId, long index, String ip, String ip6, String mac, String owner, String ownerName,
                       boolean held, String sgState) {

    /**
     * A row of the tab; {@code sgStates} are the security-group states of the
     * network's VMs (a VM's NIC lease shows its VM's, other leases none).
     */
    static LeaseRow of(Lease l, Map<String, String> ownerNames, Map<Integer, VmStatus> sgStates) {
        var a = l.addresses();
        String ip6 = a.ip6().or(a::ip6Global).or(a::ip6Ula).map(Object::toString).orElse("");
        String label = l.owner().label();
        String sg = l.owner() instanceof LeaseOwner.VmNic v ? Optional.ofNullable(sgStates.get(v.vmId()))
                .map(s -> s.state().label() + s.error().map(e -> ": " + e).orElse("")).orElse("") : "";
        return new LeaseRow(l.arId(), l.index(), a.ip().map(Object::toString).orElse(""), ip6, a.mac().toString(),
                label, ownerNames.getOrDefault(label, ""), l.owner() instanceof LeaseOwner.Hold, sg);
    }

    /** The address the Hold / Release dialogs use for this lease (IPv4, else IPv6, else MAC). */
    public String address() {
        return !ip.isEmpty() ? ip : !ip6.isEmpty() ? ip6 : mac;
    }

    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.trim().toLowerCase(Locale.ROOT);
        return ip.contains(f) || ip6.contains(f) || mac.toLowerCase(Locale.ROOT).contains(f)
                || owner.toLowerCase(Locale.ROOT).contains(f) || ownerName.toLowerCase(Locale.ROOT).contains(f);
    }
}
