package vnetdesk.ui.host;

import java.util.List;
import java.util.Locale;

import vnetdesk.service.host.HostService.HostInfo;

/** One line of the hosts table: what its columns and the detail show, computed once per load. */
public record HostRow(int id, String name, int clusterId, String cluster, String address, List<String> vms) {

    public HostRow {
        vms = List.copyOf(vms);
    }

    static HostRow of(HostInfo info) {
        return new HostRow(info.host().id(), info.host().name(), info.cluster().id(), info.cluster().label(),
                info.host().address(), info.vms().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .toList());
    }

    /** "id:name" as shown next to every object. */
    public String label() {
        return id + ":" + name;
    }

    /** Whether the filter text (case-insensitive) is the id or appears in the name, cluster, address or a VM. */
    boolean matches(String filter) {
        String f = filter.toLowerCase(Locale.ROOT);
        return String.valueOf(id).equals(f) || name.toLowerCase(Locale.ROOT).contains(f)
                || cluster.toLowerCase(Locale.ROOT).contains(f) || address.toLowerCase(Locale.ROOT).contains(f)
                || vms.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(f));
    }
}
