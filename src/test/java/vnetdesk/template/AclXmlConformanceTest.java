package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vnetdesk.template.OneXmlWriteTest.count;
import static vnetdesk.template.OneXmlWriteTest.dom;
import static vnetdesk.template.OneXmlWriteTest.x;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import vnetdesk.model.AclRule;

/**
 * {@code oneacl list -x} as vnetdesk writes it, validated against OpenNebula's {@code acl_pool.xsd}:
 * rules for everyone, a user and a group, on all objects, one object, a group's objects and a
 * cluster's; the hexadecimal words checked against the values OpenNebula gives the same rules.
 */
class AclXmlConformanceTest {

    static final List<AclRule> RULES = List.of(
            AclRule.parse(0, "@1 VNTEMPLATE+NET/* CREATE+USE"),
            AclRule.parse(1, "#5 NET/#3 USE+MANAGE"),
            AclRule.parse(2, "@100 SECGROUP+VM/@100 USE"),
            AclRule.parse(3, "* HOST+NET/%100 ADMIN"),
            AclRule.parse(4, "#7 USER+GROUP+CLUSTER/* MANAGE #0"));

    @Test
    void poolOfRulesOfEveryKindIsValidAndSoIsAnEmptyPool() throws Exception {
        OpenNebulaSchemas.validate("acl_pool.xsd", OneAclXml.writePool(RULES));
        OpenNebulaSchemas.validate("acl_pool.xsd", OneAclXml.writePool(List.of()));
    }

    @Test
    void allResourcesOfATypeForAGroup() throws Exception {
        Document d = dom(OneAclXml.writePool(RULES));
        assertEquals("0", x(d, "/ACL_POOL/ACL[1]/ID"));
        assertEquals("200000001", x(d, "/ACL_POOL/ACL[1]/USER"));
        assertEquals("40004400000000", x(d, "/ACL_POOL/ACL[1]/RESOURCE"));
        assertEquals("9", x(d, "/ACL_POOL/ACL[1]/RIGHTS"));
        assertEquals("100000000", x(d, "/ACL_POOL/ACL[1]/ZONE"));
        assertEquals("@1 NET+VNTEMPLATE/* USE+CREATE #0", x(d, "/ACL_POOL/ACL[1]/STRING"));
    }

    @Test
    void oneObjectForOneUser() throws Exception {
        Document d = dom(OneAclXml.writePool(RULES));
        assertEquals("100000005", x(d, "/ACL_POOL/ACL[2]/USER"));
        assertEquals("4100000003", x(d, "/ACL_POOL/ACL[2]/RESOURCE"));
        assertEquals("3", x(d, "/ACL_POOL/ACL[2]/RIGHTS"));
        assertEquals("#5 NET/#3 USE+MANAGE #0", x(d, "/ACL_POOL/ACL[2]/STRING"));
    }

    @Test
    void aGroupsObjectsAndAClustersObjects() throws Exception {
        Document d = dom(OneAclXml.writePool(RULES));
        assertEquals("1001200000064", x(d, "/ACL_POOL/ACL[3]/RESOURCE"));
        assertEquals("@100 VM+SECGROUP/@100 USE #0", x(d, "/ACL_POOL/ACL[3]/STRING"));
        assertEquals("400000000", x(d, "/ACL_POOL/ACL[4]/USER"));
        assertEquals("6800000064", x(d, "/ACL_POOL/ACL[4]/RESOURCE"));
        assertEquals("4", x(d, "/ACL_POOL/ACL[4]/RIGHTS"));
        assertEquals("* HOST+NET/%100 ADMIN #0", x(d, "/ACL_POOL/ACL[4]/STRING"));
        assertEquals("250400000000", x(d, "/ACL_POOL/ACL[5]/RESOURCE"));
        assertEquals("#7 USER+GROUP+CLUSTER/* MANAGE #0", x(d, "/ACL_POOL/ACL[5]/STRING"));
        assertEquals(5, count(d, "/ACL_POOL/ACL"));
    }
}
