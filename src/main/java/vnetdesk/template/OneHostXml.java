package vnetdesk.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;

import vnetdesk.model.Attributes;
import vnetdesk.model.vm.Cluster;

/**
 * Writes hosts as OpenNebula prints them: {@code onehost show -x} (one
 * {@code <HOST>}, {@code host.xsd}) and {@code onehost list -x} (a
 * {@code <HOST_POOL>}, {@code host_pool.xsd}).
 *
 * <p>Elements in the schema's order. What the inventory has is written as it
 * is: name, cluster, the VMs placed on the host, its template attributes. What
 * it does not measure is written as OpenNebula writes a host it has not
 * monitored yet: every {@code HOST_SHARE} capacity and usage 0, no datastore,
 * PCI device or NUMA node, {@code VMS_THREAD} 1 and an empty {@code MONITORING}.
 * {@code RUNNING_VMS} counts the VMs placed on the host, as OpenNebula counts
 * every VM it allocated there. The drivers are KVM's ({@code IM_MAD} and
 * {@code VM_MAD} {@code kvm}) unless the host's attributes name others; they
 * are also in the {@code TEMPLATE}, as OpenNebula copies them there.
 */
public final class OneHostXml {

    /**
     * OpenNebula's host states that vnetdesk can tell apart: never contacted
     * ({@code INIT}), last contact succeeded ({@code MONITORED}), last contact
     * failed ({@code ERROR}).
     */
    public enum State {
        INIT(0), MONITORED(2), ERROR(3);

        private final int code;

        State(int code) {
            this.code = code;
        }

        /** The number OpenNebula writes in {@code STATE}. */
        public int code() {
            return code;
        }
    }

    /**
     * A host with what the document needs beside it.
     *
     * @param cluster    its cluster; empty writes OpenNebula's "no cluster" ({@code CLUSTER_ID} -1, {@code CLUSTER} "")
     * @param vms        the ids of the VMs placed on it
     * @param attributes its template attributes
     */
    public record Entry(int id, String name, State state, Optional<Cluster> cluster, List<Integer> vms,
                        Map<String, String> attributes) {

        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(cluster, "cluster");
            vms = vms.stream().sorted().toList();
            attributes = Attributes.copyOf(attributes);
        }
    }

    /** The driver of a KVM host, for monitoring ({@code IM_MAD}) and for VMs ({@code VM_MAD}). */
    static final String KVM = "kvm";

    private OneHostXml() {
    }

    /**
     * The host as {@code onehost show -x} XML, indented, without an XML declaration.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String write(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        return OneXmlOut.render("host", out -> host(out, entry));
    }

    /**
     * Hosts as {@code onehost list -x} XML: a {@code <HOST_POOL>} with one {@code <HOST>}
     * per host, as {@link #write} shapes it, in the given order.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String writePool(List<Entry> entries) {
        List<Entry> all = List.copyOf(entries);
        return OneXmlOut.render("host", out -> {
            out.open("HOST_POOL");
            for (Entry e : all) {
                host(out, e);
            }
            out.close();
        });
    }

    private static void host(OneXmlOut out, Entry e) throws XMLStreamException {
        Map<String, String> template = new TreeMap<>(e.attributes());
        template.putIfAbsent("IM_MAD", KVM);
        template.putIfAbsent("VM_MAD", KVM);
        out.open("HOST");
        out.leaf("ID", e.id());
        out.leaf("NAME", e.name());
        out.leaf("STATE", e.state().code());
        // the inventory keeps no history of states: the previous one is written as the current one
        out.leaf("PREV_STATE", e.state().code());
        out.leaf("IM_MAD", template.get("IM_MAD"));
        out.leaf("VM_MAD", template.get("VM_MAD"));
        out.leaf("CLUSTER_ID", e.cluster().map(Cluster::id).orElse(-1));
        out.leaf("CLUSTER", e.cluster().map(Cluster::name).orElse(""));
        share(out, e.vms().size());
        OneXmlShared.ids(out, "VMS", e.vms());
        out.open("TEMPLATE");
        for (Map.Entry<String, String> a : template.entrySet()) {
            out.leaf(a.getKey(), a.getValue());
        }
        out.close();
        out.empty("MONITORING");
        out.close();
    }

    /** {@code HOST_SHARE} of a host never monitored, with the number of VMs placed on it. */
    private static void share(OneXmlOut out, int runningVms) throws XMLStreamException {
        out.open("HOST_SHARE");
        for (String zero : List.of("MEM_USAGE", "CPU_USAGE", "TOTAL_MEM", "TOTAL_CPU", "MAX_MEM", "MAX_CPU")) {
            out.leaf(zero, 0);
        }
        out.leaf("RUNNING_VMS", runningVms);
        out.leaf("VMS_THREAD", 1);
        out.open("DATASTORES");
        for (String zero : List.of("DISK_USAGE", "FREE_DISK", "MAX_DISK", "USED_DISK")) {
            out.leaf(zero, 0);
        }
        out.close();
        out.empty("PCI_DEVICES");
        out.empty("NUMA_NODES");
        out.close();
    }
}
