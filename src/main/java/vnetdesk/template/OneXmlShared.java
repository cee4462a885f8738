package vnetdesk.template;

import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * The {@code shared.xsd} parts the host, cluster, user and group documents
 * share: id lists, and the quota elements of users and groups. vnetdesk keeps
 * no quotas, so each quota is written as OpenNebula writes one nobody set: the
 * element with nothing in it.
 */
final class OneXmlShared {

    /** The four quota kinds in the order OpenNebula writes them and the schemas list them. */
    private static final List<String> KINDS = List.of("DATASTORE_QUOTA", "NETWORK_QUOTA", "VM_QUOTA", "IMAGE_QUOTA");

    private OneXmlShared() {
    }

    /** The four quota elements, empty. */
    static void quotas(OneXmlOut out) throws XMLStreamException {
        for (String kind : KINDS) {
            out.empty(kind);
        }
    }

    /** A pool's {@code QUOTAS} of one user or group: its id and the four empty quotas. */
    static void poolQuotas(OneXmlOut out, int id) throws XMLStreamException {
        out.open("QUOTAS");
        out.leaf("ID", id);
        quotas(out);
        out.close();
    }

    /** {@code DEFAULT_USER_QUOTAS} or {@code DEFAULT_GROUP_QUOTAS}: the four empty quotas. */
    static void defaults(OneXmlOut out, String root) throws XMLStreamException {
        out.open(root);
        quotas(out);
        out.close();
    }

    /** An {@code IDS} list ({@code shared.xsd}): one {@code ID} per id, ascending as OpenNebula's id sets. */
    static void ids(OneXmlOut out, String name, List<Integer> ids) throws XMLStreamException {
        out.open(name);
        for (int id : ids.stream().sorted().toList()) {
            out.leaf("ID", id);
        }
        out.close();
    }
}
