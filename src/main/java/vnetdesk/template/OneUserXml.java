package vnetdesk.template;

import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;

/**
 * Writes users as OpenNebula prints them: {@code oneuser show -x} (one
 * {@code <USER>} with its quotas and the default ones, {@code user.xsd}) and
 * {@code oneuser list -x} (a {@code <USER_POOL>}: each {@code <USER>} followed by
 * its {@code <QUOTAS>}, then {@code <DEFAULT_USER_QUOTAS>}, {@code user_pool.xsd}).
 *
 * <p>Elements in the schema's order. The inventory knows a user's id, name and
 * group; a user is in that one group, so {@code GROUPS} holds its id alone.
 * vnetdesk has no passwords, authentication drivers, login tokens or quotas, and
 * never prints a secret: {@code PASSWORD} is empty, {@code AUTH_DRIVER} is
 * OpenNebula's default {@code core}, {@code ENABLED} is 1, there is no
 * {@code LOGIN_TOKEN}, the {@code TEMPLATE} is empty and every quota is empty.
 */
public final class OneUserXml {

    /** A user with the name of its group ({@code GNAME}). */
    public record Entry(int id, String name, int gid, String groupName) {

        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(groupName, "groupName");
        }
    }

    /** OpenNebula's own authentication driver, the one a user gets when none is named. */
    static final String CORE_AUTH = "core";

    private OneUserXml() {
    }

    /**
     * The user as {@code oneuser show -x} XML, indented, without an XML declaration.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String write(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        return OneXmlOut.render("user", out -> user(out, entry, true));
    }

    /**
     * Users as {@code oneuser list -x} XML, in the given order.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String writePool(List<Entry> entries) {
        List<Entry> all = List.copyOf(entries);
        return OneXmlOut.render("user", out -> {
            out.open("USER_POOL");
            for (Entry e : all) {
                user(out, e, false);
                OneXmlShared.poolQuotas(out, e.id());
            }
            OneXmlShared.defaults(out, "DEFAULT_USER_QUOTAS");
            out.close();
        });
    }

    /** One {@code USER}; {@code extended} (show) adds its quotas and the default ones inside it. */
    private static void user(OneXmlOut out, Entry e, boolean extended) throws XMLStreamException {
        out.open("USER");
        out.leaf("ID", e.id());
        out.leaf("GID", e.gid());
        OneXmlShared.ids(out, "GROUPS", List.of(e.gid()));
        out.leaf("GNAME", e.groupName());
        out.leaf("NAME", e.name());
        out.leaf("PASSWORD", "");
        out.leaf("AUTH_DRIVER", CORE_AUTH);
        out.leaf("ENABLED", 1);
        out.empty("TEMPLATE");
        if (extended) {
            OneXmlShared.quotas(out);
            OneXmlShared.defaults(out, "DEFAULT_USER_QUOTAS");
        }
        out.close();
    }
}
