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
 * {@code oneuser show -x} and {@code oneuser list -x} as vnetdesk writes them, validated against
 * OpenNebula's {@code user.xsd} and {@code user_pool.xsd}: the administrator oneadmin and a user of
 * another group; and the values written for what vnetdesk does not have (no secret among them).
 */
class UserXmlConformanceTest {

    static OneUserXml.Entry oneadmin() {
        return new OneUserXml.Entry(0, "oneadmin", 0, "oneadmin");
    }

    static OneUserXml.Entry alice() {
        return new OneUserXml.Entry(2, "alice", 100, "dev&ops");
    }

    @Test
    void showOfTheAdministratorIsValid() throws Exception {
        OpenNebulaSchemas.validate("user.xsd", OneUserXml.write(oneadmin()));
    }

    @Test
    void showOfAUserOfAnotherGroupIsValid() throws Exception {
        OpenNebulaSchemas.validate("user.xsd", OneUserXml.write(alice()));
    }

    @Test
    void poolOfUsersIsValidAndSoIsAnEmptyPool() throws Exception {
        OpenNebulaSchemas.validate("user_pool.xsd", OneUserXml.writePool(List.of(oneadmin(), alice())));
        OpenNebulaSchemas.validate("user_pool.xsd", OneUserXml.writePool(List.of()));
    }

    @Test
    void identityAndGroupComeFromTheInventoryTheRestIsNeutral() throws Exception {
        Document d = dom(OneUserXml.write(alice()));
        assertEquals("ID,GID,GROUPS,GNAME,NAME,PASSWORD,AUTH_DRIVER,ENABLED,TEMPLATE,DATASTORE_QUOTA,"
                + "NETWORK_QUOTA,VM_QUOTA,IMAGE_QUOTA,DEFAULT_USER_QUOTAS", children(d, "/USER"));
        assertEquals("100", x(d, "/USER/GID"));
        assertEquals("100", x(d, "/USER/GROUPS/ID"));
        assertEquals(1, count(d, "/USER/GROUPS/ID"));
        assertEquals("dev&ops", x(d, "/USER/GNAME"));
        assertEquals("", x(d, "/USER/PASSWORD"));
        assertEquals("core", x(d, "/USER/AUTH_DRIVER"));
        assertEquals("1", x(d, "/USER/ENABLED"));
        assertEquals(0, count(d, "/USER/TEMPLATE/*") + count(d, "/USER/*[contains(name(), 'QUOTA')]/*/*"));
    }

    @Test
    void thePoolFollowsEachUserWithItsQuotasAndEndsWithTheDefaults() throws Exception {
        Document d = dom(OneUserXml.writePool(List.of(oneadmin(), alice())));
        assertEquals("USER,QUOTAS,USER,QUOTAS,DEFAULT_USER_QUOTAS", children(d, "/USER_POOL"));
        assertEquals("ID,GID,GROUPS,GNAME,NAME,PASSWORD,AUTH_DRIVER,ENABLED,TEMPLATE",
                children(d, "/USER_POOL/USER[1]"));
        assertEquals("2", x(d, "/USER_POOL/QUOTAS[2]/ID"));
    }
}
