package vnetdesk.template;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;

import vnetdesk.model.PropagationState;
import vnetdesk.model.SecurityGroup;
import vnetdesk.model.SecurityRule;

/**
 * Writes security groups as OpenNebula prints them: {@code onesecgroup show -x}
 * (one {@code <SECURITY_GROUP>}, {@code security_group.xsd}) and
 * {@code onesecgroup list -x} (a {@code <SECURITY_GROUP_POOL>}).
 *
 * <p>Elements in the schema's order: identity, {@code PERMISSIONS}, the four VM
 * lists {@code UPDATED_VMS}, {@code OUTDATED_VMS}, {@code UPDATING_VMS},
 * {@code ERROR_VMS} (ids ascending, as OpenNebula's id sets), and a
 * {@code TEMPLATE} with {@code DESCRIPTION} (when there is one) and one
 * {@code RULE} per rule. A rule's elements are in alphabetical order, as
 * OpenNebula writes vector attributes; its {@code IP}, {@code SIZE},
 * {@code NETWORK_ID}, {@code RANGE}, {@code ICMP_TYPE} and {@code ICMPV6_TYPE}
 * are not in the schema, which lists only {@code PROTOCOL} and
 * {@code RULE_TYPE}: OpenNebula writes them all the same (a known departure of
 * its own output). Security groups have no lock, and the schema no {@code LOCK}.
 */
public final class OneSecurityGroupXml {

    /**
     * A group with what the document needs beside it.
     *
     * @param ownerName the owner's user name ({@code UNAME})
     * @param groupName the owning group's name ({@code GNAME})
     * @param vms       the ids of the group's VMs by propagation state; a state absent means none
     */
    public record Entry(SecurityGroup group, String ownerName, String groupName,
                        Map<PropagationState, List<Integer>> vms) {

        public Entry {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(ownerName, "ownerName");
            Objects.requireNonNull(groupName, "groupName");
            Map<PropagationState, List<Integer>> copy = new EnumMap<>(PropagationState.class);
            vms.forEach((state, ids) -> copy.put(state, ids.stream().sorted().toList()));
            vms = Map.copyOf(copy);
        }

        /** The ids of the VMs in {@code state}, ascending. */
        public List<Integer> vmsIn(PropagationState state) {
            return vms.getOrDefault(state, List.of());
        }
    }

    /** The VM lists in the schema's order, each written as {@code <STATE>_VMS}. */
    private static final List<PropagationState> SCHEMA_ORDER = List.of(PropagationState.UPDATED,
            PropagationState.OUTDATED, PropagationState.UPDATING, PropagationState.ERROR);

    private OneSecurityGroupXml() {
    }

    /**
     * The group as {@code onesecgroup show -x} XML, indented, without an XML declaration.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String write(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        return OneXmlOut.render("security group", out -> group(out, entry));
    }

    /**
     * Groups as {@code onesecgroup list -x} XML: a {@code <SECURITY_GROUP_POOL>} with one
     * {@code <SECURITY_GROUP>} per group, as {@link #write} shapes it, in the given order.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String writePool(List<Entry> entries) {
        List<Entry> all = List.copyOf(entries);
        return OneXmlOut.render("security group", out -> {
            out.open("SECURITY_GROUP_POOL");
            for (Entry e : all) {
                group(out, e);
            }
            out.close();
        });
    }

    /**
     * Reads {@code onesecgroup show -x} (one {@code SECURITY_GROUP}) or {@code onesecgroup list -x} (a
     * {@code SECURITY_GROUP_POOL}) XML, as {@link #write} and {@link #writePool} print it.
     *
     * @throws vnetdesk.model.SyntaxException naming the line and column of what cannot be read
     */
    public static List<ImportedSecurityGroup> readAll(String xml, String source) {
        return OneSecurityGroupXmlReader.read(Objects.requireNonNull(xml, "xml"), Objects.requireNonNull(source,
                "source"));
    }

    private static void group(OneXmlOut out, Entry e) throws XMLStreamException {
        SecurityGroup g = e.group();
        out.open("SECURITY_GROUP");
        out.leaf("ID", g.id());
        out.leaf("UID", g.ownership().uid());
        out.leaf("GID", g.ownership().gid());
        out.leaf("UNAME", e.ownerName());
        out.leaf("GNAME", e.groupName());
        out.leaf("NAME", g.name());
        out.permissions(g.ownership().permissions());
        for (PropagationState state : SCHEMA_ORDER) {
            out.open(state.name() + "_VMS");
            for (int vm : e.vmsIn(state)) {
                out.leaf("ID", vm);
            }
            out.close();
        }
        out.open("TEMPLATE");
        if (!g.description().isEmpty()) {
            out.leaf("DESCRIPTION", g.description());
        }
        for (SecurityRule rule : g.rules()) {
            out.open("RULE");
            for (Map.Entry<String, String> a : new TreeMap<>(rule.toAttributes()).entrySet()) {
                out.leaf(a.getKey(), a.getValue());
            }
            out.close();
        }
        out.close();
        out.close();
    }
}
