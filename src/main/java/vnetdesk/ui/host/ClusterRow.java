package vnetdesk.ui.host;

import java.util.List;
import java.util.Locale;

import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.Host;
import vnetdesk.service.host.ClusterService.ClusterInfo;

/** One line of the clusters table: the cluster with its hosts and networks as "id:name" labels. */
public record ClusterRow(int id, String name, List<String> hosts, List<String> networks) {

    public ClusterRow {
        hosts = List.copyOf(hosts);
        networks = List.copyOf(networks);
    }

    static ClusterRow of(ClusterInfo info) {
        return new ClusterRow(info.cluster().id(), info.cluster().name(),
                info.hosts().stream().map(Host::label).toList(),
                info.networks().stream().map(VirtualNetwork::label).toList());
    }

    /** "id:name" as shown next to every object. */
    public String label() {
        return id + ":" + name;
    }

    /** Whether the filter text (case-insensitive) is the id or appears in the name, a host or a network. */
    boolean matches(String filter) {
        String f = filter.toLowerCase(Locale.ROOT);
        return String.valueOf(id).equals(f) || name.toLowerCase(Locale.ROOT).contains(f)
                || hosts.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).contains(f))
                || networks.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(f));
    }
}
