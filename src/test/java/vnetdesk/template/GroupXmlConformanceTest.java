package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vnetdesk.template.HostXmlConformanceTest.children;
import static vnetdesk.template.OneXmlWriteTest.count;
import static vnetdesk.template.OneXmlWriteTest.dom;
import static vnetdesk.template.OneXmlWriteTest.x;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code onegroup show -x} and {@code onegroup list -x} as vnetdesk writes them, validated against
 * OpenNebula's {@code group.xsd} and {@code group_pool.xsd}: a group with users and one without.
 */
class GroupXmlConformanceTest {

    static OneGroupXml.Entry users() {
        return new OneGroupXml.Entry(1, "users", List.of(4, 2, 3));
    }

    static OneGroupXml.Entry empty() {
        return new OneGroupXml.Entry(100, "empty", List.of());
    }

    @Test
    void showOfAGroupWithUsersIsValid() throws Exception {
        OpenNebulaSchemas.validate("group.xsd", OneGroupXml.write(users()));
    }

    @Test
    void showOfAGroupWithoutUsersIsValid() throws Exception {
        OpenNebulaSchemas.validate("group.xsd", OneGroupXml.write(empty()));
    }

    @Test
    void poolOfGroupsIsValidAndSoIsAnEmptyPool() throws Exception {
        OpenNebulaSchemas.validate("group_pool.xsd", OneGroupXml.writePool(List.of(users(), empty())));
        OpenNebulaSchemas.validate("group_pool.xsd", OneGroupXml.writePool(List.of()));
    }

    @Test
    void membersAreTheUsersAscendingAndTheRestIsEmpty() throws Exception {
        Document d = dom(OneGroupXml.write(users()));
        assertEquals("ID,NAME,TEMPLATE,USERS,ADMINS,DATASTORE_QUOTA,NETWORK_QUOTA,VM_QUOTA,IMAGE_QUOTA,VLAN_RULES,"
                + "DEFAULT_GROUP_QUOTAS", children(d, "/GROUP"));
        assertEquals("2", x(d, "/GROUP/USERS/ID[1]"));
        assertEquals("4", x(d, "/GROUP/USERS/ID[3]"));
        assertEquals(0, count(d, "/GROUP/ADMINS/*") + count(d, "/GROUP/TEMPLATE/*"));
        assertEquals("ID", children(d, "/GROUP/VLAN_RULES"));
        assertEquals("1", x(d, "/GROUP/VLAN_RULES/ID"));
    }

    @Test
    void thePoolFollowsEachGroupWithItsQuotasAndVlanRulesAndEndsWithTheDefaults() throws Exception {
        Document d = dom(OneGroupXml.writePool(List.of(users(), empty())));
        assertEquals("GROUP,QUOTAS,VLAN_RULES,GROUP,QUOTAS,VLAN_RULES,DEFAULT_GROUP_QUOTAS",
                children(d, "/GROUP_POOL"));
        assertEquals("ID,NAME,TEMPLATE,USERS,ADMINS", children(d, "/GROUP_POOL/GROUP[2]"));
        assertEquals("100", x(d, "/GROUP_POOL/VLAN_RULES[2]/ID"));
    }
}
