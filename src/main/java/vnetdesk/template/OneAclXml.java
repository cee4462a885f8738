package vnetdesk.template;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;

import vnetdesk.model.AclRight;
import vnetdesk.model.AclRule;
import vnetdesk.model.ResourceType;

/**
 * Writes ACL rules as {@code oneacl list -x} prints them: an {@code <ACL_POOL>}
 * with one {@code <ACL>} per rule ({@code acl_pool.xsd}).
 *
 * <p>{@code USER}, {@code RESOURCE}, {@code RIGHTS} and {@code ZONE} are
 * OpenNebula's 64-bit rule words in lower-case hexadecimal without a prefix, as
 * it prints them: the selector bit (individual {@code #}, group {@code @}, all
 * {@code *}, cluster {@code %}) or'ed with the id, the resource's type bits, the
 * right bits (USE 1, MANAGE 2, ADMIN 4, CREATE 8). The inventory has one zone,
 * and rules are stored without one, so every rule is written for zone
 * {@code #0}, the zone {@code oneacl create} gives a rule that names none.
 * {@code STRING} is OpenNebula's text of the rule: resource types in
 * OpenNebula's order (by type bit), rights in USE, MANAGE, ADMIN, CREATE order,
 * and the zone last.
 */
public final class OneAclXml {

    static final long INDIVIDUAL = 0x1_0000_0000L;
    static final long GROUP = 0x2_0000_0000L;
    static final long ALL = 0x4_0000_0000L;
    static final long CLUSTER = 0x8_0000_0000L;

    /** The one zone: individual zone 0. */
    private static final long ZONE_0 = INDIVIDUAL;

    private OneAclXml() {
    }

    /**
     * The rules as {@code oneacl list -x} XML, in the given order, indented, without an XML declaration.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String writePool(List<AclRule> rules) {
        List<AclRule> all = List.copyOf(rules);
        return OneXmlOut.render("ACL", out -> {
            out.open("ACL_POOL");
            for (AclRule r : all) {
                acl(out, r);
            }
            out.close();
        });
    }

    private static void acl(OneXmlOut out, AclRule r) throws XMLStreamException {
        out.open("ACL");
        out.leaf("ID", r.id());
        out.leaf("USER", Long.toHexString(user(r.user())));
        out.leaf("RESOURCE", Long.toHexString(resource(r)));
        out.leaf("RIGHTS", Long.toHexString(rights(r)));
        out.leaf("ZONE", Long.toHexString(ZONE_0));
        out.leaf("STRING", text(r));
        out.close();
    }

    /** The USER word: the selector bit or'ed with the user or group id. */
    static long user(AclRule.Subject s) {
        if (s instanceof AclRule.Subject.User u) {
            return INDIVIDUAL | u.uid();
        }
        if (s instanceof AclRule.Subject.Group g) {
            return GROUP | g.gid();
        }
        return ALL;
    }

    /** The RESOURCE word: the types' bits, the scope's selector bit and the scope's id. */
    static long resource(AclRule r) {
        long word = 0;
        for (ResourceType t : r.types()) {
            word |= typeBit(t);
        }
        AclRule.Scope s = r.scope();
        if (s instanceof AclRule.Scope.Object o) {
            return word | INDIVIDUAL | o.id();
        }
        if (s instanceof AclRule.Scope.InGroup g) {
            return word | GROUP | g.gid();
        }
        if (s instanceof AclRule.Scope.InCluster c) {
            return word | CLUSTER | c.clusterId();
        }
        return word | ALL;
    }

    static long rights(AclRule r) {
        long word = 0;
        for (AclRight right : r.rights()) {
            word |= rightBit(right);
        }
        return word;
    }

    /** OpenNebula's text: {@code @1 NET+VNTEMPLATE/* USE+CREATE #0}, types by type bit. */
    static String text(AclRule r) {
        String types = r.types().stream().sorted(Comparator.comparingLong(OneAclXml::typeBit))
                .map(ResourceType::name).collect(Collectors.joining("+"));
        String rights = r.rights().stream().map(AclRight::name).collect(Collectors.joining("+"));
        return r.user().text() + " " + types + "/" + r.scope().text() + " " + rights + " #0";
    }

    /** OpenNebula's object type bit (PoolObjectSQL::ObjectType). */
    static long typeBit(ResourceType t) {
        return switch (t) {
            case VM -> 0x10_0000_0000L;
            case HOST -> 0x20_0000_0000L;
            case NET -> 0x40_0000_0000L;
            case USER -> 0x100_0000_0000L;
            case GROUP -> 0x400_0000_0000L;
            case CLUSTER -> 0x2000_0000_0000L;
            case SECGROUP -> 0x1_0000_0000_0000L;
            case VNTEMPLATE -> 0x40_0000_0000_0000L;
        };
    }

    /** OpenNebula's operation bit (AuthRequest::Operation). */
    private static long rightBit(AclRight right) {
        return switch (right) {
            case USE -> 0x1L;
            case MANAGE -> 0x2L;
            case ADMIN -> 0x4L;
            case CREATE -> 0x8L;
        };
    }
}
