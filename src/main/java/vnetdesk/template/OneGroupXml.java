package vnetdesk.template;

import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;

/**
 * Writes groups as OpenNebula prints them: {@code onegroup show -x} (one
 * {@code <GROUP>} with its quotas, VLAN rules and the default quotas,
 * {@code group.xsd}) and {@code onegroup list -x} (a {@code <GROUP_POOL>}: each
 * {@code <GROUP>} followed by its {@code <QUOTAS>} and {@code <VLAN_RULES>},
 * then {@code <DEFAULT_GROUP_QUOTAS>}, {@code group_pool.xsd}).
 *
 * <p>Elements in the schema's order. {@code USERS} holds the ids of the users
 * whose group it is. The inventory has no group administrators, group
 * attributes, quotas or VLAN rules: {@code ADMINS} and the {@code TEMPLATE} are
 * empty, every quota is empty, and {@code VLAN_RULES} holds the group's id
 * alone, as OpenNebula writes a group without rules.
 */
public final class OneGroupXml {

    /**
     * A group with its members.
     *
     * @param users the ids of the users whose group it is
     */
    public record Entry(int id, String name, List<Integer> users) {

        public Entry {
            Objects.requireNonNull(name, "name");
            users = List.copyOf(users);
        }
    }

    private OneGroupXml() {
    }

    /**
     * The group as {@code onegroup show -x} XML, indented, without an XML declaration.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String write(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        return OneXmlOut.render("group", out -> group(out, entry, true));
    }

    /**
     * Groups as {@code onegroup list -x} XML, in the given order.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String writePool(List<Entry> entries) {
        List<Entry> all = List.copyOf(entries);
        return OneXmlOut.render("group", out -> {
            out.open("GROUP_POOL");
            for (Entry e : all) {
                group(out, e, false);
                OneXmlShared.poolQuotas(out, e.id());
                vlanRules(out, e.id());
            }
            OneXmlShared.defaults(out, "DEFAULT_GROUP_QUOTAS");
            out.close();
        });
    }

    /** One {@code GROUP}; {@code extended} (show) adds its quotas, VLAN rules and the default quotas inside it. */
    private static void group(OneXmlOut out, Entry e, boolean extended) throws XMLStreamException {
        out.open("GROUP");
        out.leaf("ID", e.id());
        out.leaf("NAME", e.name());
        out.empty("TEMPLATE");
        OneXmlShared.ids(out, "USERS", e.users());
        OneXmlShared.ids(out, "ADMINS", List.of());
        if (extended) {
            OneXmlShared.quotas(out);
            vlanRules(out, e.id());
            OneXmlShared.defaults(out, "DEFAULT_GROUP_QUOTAS");
        }
        out.close();
    }

    private static void vlanRules(OneXmlOut out, int id) throws XMLStreamException {
        out.open("VLAN_RULES");
        out.leaf("ID", id);
        out.close();
    }
}
