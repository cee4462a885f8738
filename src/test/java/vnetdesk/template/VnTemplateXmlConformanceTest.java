package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.template.OneXmlWriteTest.count;
import static vnetdesk.template.OneXmlWriteTest.dom;
import static vnetdesk.template.OneXmlWriteTest.x;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import vnetdesk.model.LockLevel;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;

/**
 * {@code onevntemplate show -x} and {@code onevntemplate list -x} as vnetdesk writes them, validated
 * against OpenNebula's {@code vntemplate.xsd} and {@code vntemplate_pool.xsd}: templates with an AR of
 * every type, with security groups, locked at every level and not locked.
 */
class VnTemplateXmlConformanceTest {

    /** Template 3 "office": an AR of every type, security groups, a MANAGE lock. */
    static OneVnTemplateXml.Entry office(Optional<LockLevel> lock) {
        Template body = TemplateParser.parse("""
                VN_MAD = "802.1Q"
                PHYDEV = eth1
                VLAN_ID = 50
                SECURITY_GROUPS = "0,101"
                DNS = "10.0.0.53"
                DESCRIPTION = "office & lab <2>"
                AR = [ TYPE = IP4, IP = 10.0.0.10, SIZE = 100 ]
                AR = [ TYPE = ETHER, SIZE = 16, MAC = "02:00:00:00:01:00" ]
                AR = [ TYPE = IP6, GLOBAL_PREFIX = "2001:db8:1::", ULA_PREFIX = "fd00:1::", SIZE = 50 ]
                AR = [ TYPE = IP4_6, IP = 10.1.0.1, GLOBAL_PREFIX = "2001:db8:2::", SIZE = 20 ]
                AR = [ TYPE = IP6_STATIC, IP6 = "2001:db8:3::10", PREFIX_LENGTH = 64, SIZE = 8 ]
                AR = [ TYPE = IP4_6_STATIC, IP = 10.2.0.1, IP6 = "2001:db8:4::10", PREFIX_LENGTH = 64, SIZE = 8 ]
                """, "office");
        return new OneVnTemplateXml.Entry(3, "office", new Ownership(2, 1, new Permissions(0644)), lock,
                1764763200L, "alice", "users", body);
    }

    /** The stock "Private IPv4": no AR, not locked. */
    static OneVnTemplateXml.Entry privateIpv4() {
        Template body = TemplateParser.parse("VN_MAD = fw\nSECURITY_GROUPS = 0\n", "private");
        return new OneVnTemplateXml.Entry(0, "Private IPv4", new Ownership(0, 0, new Permissions(0644)),
                Optional.empty(), 0, "oneadmin", "oneadmin", body);
    }

    @Test
    void showOfATemplateWithEveryArTypeAndSecurityGroupsLockedAtEachLevelIsValid() throws Exception {
        for (LockLevel level : LockLevel.values()) {
            OpenNebulaSchemas.validate("vntemplate.xsd", OneVnTemplateXml.write(office(Optional.of(level))));
        }
        OpenNebulaSchemas.validate("vntemplate.xsd", OneVnTemplateXml.write(office(Optional.empty())));
    }

    @Test
    void showOfATemplateWithoutArIsValid() throws Exception {
        OpenNebulaSchemas.validate("vntemplate.xsd", OneVnTemplateXml.write(privateIpv4()));
    }

    @Test
    void poolOfTemplatesIsValidAndSoIsAnEmptyPool() throws Exception {
        OpenNebulaSchemas.validate("vntemplate_pool.xsd", OneVnTemplateXml.writePool(
                List.of(privateIpv4(), office(Optional.of(LockLevel.USE)))));
        OpenNebulaSchemas.validate("vntemplate_pool.xsd", OneVnTemplateXml.writePool(List.of()));
    }

    @Test
    void lockLevelPermissionsRegtimeAndIdentityAreWritten() throws Exception {
        Document d = dom(OneVnTemplateXml.write(office(Optional.of(LockLevel.MANAGE))));
        assertEquals("3", x(d, "/VNTEMPLATE/ID"));
        assertEquals("2", x(d, "/VNTEMPLATE/UID"));
        assertEquals("alice", x(d, "/VNTEMPLATE/UNAME"));
        assertEquals("office", x(d, "/VNTEMPLATE/NAME"));
        assertEquals("2", x(d, "/VNTEMPLATE/LOCK/LOCKED"));
        assertEquals("1", x(d, "/VNTEMPLATE/PERMISSIONS/OTHER_U"));
        assertEquals("1764763200", x(d, "/VNTEMPLATE/REGTIME"));
        assertEquals(0, count(dom(OneVnTemplateXml.write(privateIpv4())), "/VNTEMPLATE/LOCK"));
    }

    @Test
    void templateAttributesAndArEntriesAreAlphabeticalWithoutNameAsOpenNebulaWritesThem() throws Exception {
        String xml = OneVnTemplateXml.write(office(Optional.empty()));
        assertTrue(xml.contains("office &amp; lab &lt;2&gt;"), xml);
        Document d = dom(xml);
        List<String> top = childNames((Element) d.getElementsByTagName("TEMPLATE").item(0));
        assertEquals(List.of("AR", "AR", "AR", "AR", "AR", "AR", "DESCRIPTION", "DNS", "PHYDEV", "SECURITY_GROUPS",
                "VLAN_ID", "VN_MAD"), top);
        assertEquals("IP4", x(d, "/VNTEMPLATE/TEMPLATE/AR[1]/TYPE"), "ARs keep their order");
        assertEquals("IP4_6_STATIC", x(d, "/VNTEMPLATE/TEMPLATE/AR[6]/TYPE"));
        assertEquals(List.of("IP", "IP6", "PREFIX_LENGTH", "SIZE", "TYPE"),
                childNames((Element) d.getElementsByTagName("AR").item(5)));
        assertEquals("0,101", x(d, "/VNTEMPLATE/TEMPLATE/SECURITY_GROUPS"));
        assertEquals(0, count(d, "/VNTEMPLATE/TEMPLATE/NAME"));
    }

    private static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                names.add(e.getTagName());
            }
        }
        return names;
    }
}
