package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.SecurityGroup;
import vnetdesk.model.ValidationException;
import vnetdesk.service.interchange.ImportResult;
import vnetdesk.template.OpenNebulaSchemas;
import vnetdesk.template.SecurityGroupSchemas;

/**
 * Import of security-group and network-template documents as OpenNebula prints them: ids, owners,
 * permissions and lock kept; OpenNebula's built-in {@code default} group recognised as present;
 * a taken id or a bad rule is an error naming the object that writes nothing; {@code asNew} copies.
 */
class SecgroupVntemplateXmlImportTest {

    private static final Actor ADMIN = Actor.ONEADMIN;

    /** {@code onesecgroup list -x} of an OpenNebula 6 cloud: its default group and one of user 5 "dana". */
    static final String ONE_GROUPS = """
            <SECURITY_GROUP_POOL>
              <SECURITY_GROUP>
                <ID>0</ID><UID>0</UID><GID>0</GID><UNAME>oneadmin</UNAME><GNAME>oneadmin</GNAME><NAME>default</NAME>
                <PERMISSIONS><OWNER_U>1</OWNER_U><OWNER_M>1</OWNER_M><OWNER_A>0</OWNER_A><GROUP_U>1</GROUP_U>\
            <GROUP_M>0</GROUP_M><GROUP_A>0</GROUP_A><OTHER_U>1</OTHER_U><OTHER_M>0</OTHER_M><OTHER_A>0</OTHER_A>\
            </PERMISSIONS>
                <UPDATED_VMS><ID>3</ID></UPDATED_VMS><OUTDATED_VMS/><UPDATING_VMS/><ERROR_VMS/>
                <TEMPLATE>
                  <DESCRIPTION><![CDATA[The default security group is added to every network. Use it to add default \
            filter rules for your networks. You may remove this security group from any network by updating its \
            properties.]]></DESCRIPTION>
                  <RULE><PROTOCOL><![CDATA[ALL]]></PROTOCOL><RULE_TYPE><![CDATA[OUTBOUND]]></RULE_TYPE></RULE>
                  <RULE><PROTOCOL><![CDATA[ALL]]></PROTOCOL><RULE_TYPE><![CDATA[INBOUND]]></RULE_TYPE></RULE>
                </TEMPLATE>
              </SECURITY_GROUP>
              <SECURITY_GROUP>
                <ID>104</ID><UID>5</UID><GID>100</GID><UNAME>dana</UNAME><GNAME>web</GNAME><NAME>http</NAME>
                <PERMISSIONS><OWNER_U>1</OWNER_U><OWNER_M>1</OWNER_M><OWNER_A>0</OWNER_A><GROUP_U>1</GROUP_U>\
            <GROUP_M>1</GROUP_M><GROUP_A>0</GROUP_A><OTHER_U>0</OTHER_U><OTHER_M>0</OTHER_M><OTHER_A>0</OTHER_A>\
            </PERMISSIONS>
                <UPDATED_VMS/><OUTDATED_VMS><ID>7</ID></OUTDATED_VMS><UPDATING_VMS/><ERROR_VMS/>
                <TEMPLATE>
                  <DESCRIPTION><![CDATA[web servers]]></DESCRIPTION>
                  <RULE><PROTOCOL><![CDATA[TCP]]></PROTOCOL><RANGE><![CDATA[80,443]]></RANGE>\
            <RULE_TYPE><![CDATA[inbound]]></RULE_TYPE></RULE>
                  <RULE><ICMP_TYPE><![CDATA[8]]></ICMP_TYPE><IP><![CDATA[10.0.0.0]]></IP>\
            <PROTOCOL><![CDATA[ICMP]]></PROTOCOL><RULE_TYPE><![CDATA[inbound]]></RULE_TYPE>\
            <SIZE><![CDATA[256]]></SIZE></RULE>
                </TEMPLATE>
              </SECURITY_GROUP>
            </SECURITY_GROUP_POOL>
            """;

    /** {@code onevntemplate show -x}: a locked template of dana's with an AR. */
    static final String ONE_TEMPLATE = """
            <VNTEMPLATE>
              <ID>7</ID><UID>5</UID><GID>100</GID><UNAME>dana</UNAME><GNAME>web</GNAME><NAME>web-net</NAME>
              <LOCK><LOCKED>1</LOCKED><OWNER>5</OWNER><TIME>1733220000</TIME><REQ_ID>-1</REQ_ID></LOCK>
              <PERMISSIONS><OWNER_U>1</OWNER_U><OWNER_M>1</OWNER_M><OWNER_A>0</OWNER_A><GROUP_U>1</GROUP_U>\
            <GROUP_M>0</GROUP_M><GROUP_A>0</GROUP_A><OTHER_U>0</OTHER_U><OTHER_M>0</OTHER_M><OTHER_A>0</OTHER_A>\
            </PERMISSIONS>
              <REGTIME>1733220000</REGTIME>
              <TEMPLATE>
                <AR><IP><![CDATA[10.5.0.1]]></IP><SIZE><![CDATA[50]]></SIZE><TYPE><![CDATA[IP4]]></TYPE></AR>
                <DNS><![CDATA[10.5.0.53]]></DNS>
                <SECURITY_GROUPS><![CDATA[0,104]]></SECURITY_GROUPS>
                <VN_MAD><![CDATA[bridge]]></VN_MAD>
              </TEMPLATE>
            </VNTEMPLATE>
            """;

    @TempDir
    Path dir;

    private Inventory open(String name) {
        return Inventory.openDirectory(dir.resolve(name));
    }

    private static ImportResult importXml(Inventory inv, Actor actor, String xml, boolean asNew) {
        return inv.interchange().importDocument(actor, xml, "one.xml", asNew, Progress.NONE);
    }

    @Test
    void theOpenNebulaDocumentsValidate() throws Exception {
        SecurityGroupSchemas.validate("security_group_pool.xsd", ONE_GROUPS);
        OpenNebulaSchemas.validate("vntemplate.xsd", ONE_TEMPLATE);
    }

    @Test
    void openNebulasGroupsImportWithIdsOwnersAndPermissionsAndItsDefaultGroupIsPresent() {
        try (Inventory inv = open("inv")) {
            // security_group.xsd allows DESCRIPTION and RULE only; OpenNebula keeps whatever an update adds
            String labelled = ONE_GROUPS.replace("<DESCRIPTION><![CDATA[web servers]]></DESCRIPTION>",
                    "<DESCRIPTION><![CDATA[web servers]]></DESCRIPTION><LABELS>prod</LABELS>");
            ImportResult r = importXml(inv, ADMIN, labelled, false);
            assertEquals(List.of(104), r.securityGroups());
            assertEquals(List.of("one.xml: security group 104:http: TEMPLATE/LABELS is not kept (a security group"
                    + " holds DESCRIPTION and RULE only)", "security group 0:default already present, unchanged (its"
                    + " DESCRIPTION differs from the file's; this inventory's is kept)"), r.notes());
            assertTrue(inv.users().users().contains(new UserService.UserInfo(5, "dana", 1, "users")),
                    inv.users().users().toString());
            SecurityGroup http = inv.securityGroups().show(ADMIN, ObjectRef.id(104)).summary().group();
            assertEquals(List.of(5, 100, 0660), List.of(http.ownership().uid(), http.ownership().gid(),
                    http.ownership().permissions().bits()));
            assertEquals("web servers", http.description());
            assertEquals(2, http.rules().size());
            int next = inv.securityGroups().create(ADMIN, vnetdesk.template.TemplateParser.parse("NAME = n\n", "t"));
            assertEquals(105, next, "the id sequence moved past the kept 104");
        }
    }

    @Test
    void aTemplateKeepsItsIdOwnerAndLockAndItsOwnersGroupsComeFirst() {
        try (Inventory inv = open("inv")) {
            importXml(inv, ADMIN, ONE_GROUPS, false);
            ImportResult r = importXml(inv, ADMIN, ONE_TEMPLATE, false);
            assertEquals(List.of(7), r.networkTemplates());
            NetworkTemplateService.NetworkTemplate t = inv.templates().info(ADMIN, ObjectRef.id(7));
            assertEquals("web-net", t.name());
            assertEquals(Optional.of(LockLevel.USE), t.lock());
            assertEquals(List.of(5, 100, 0640), List.of(t.ownership().uid(), t.ownership().gid(),
                    t.ownership().permissions().bits()));
            assertEquals(1, t.addressRangeCount());
            assertEquals(Optional.of("10.5.0.53"), t.body().single("DNS"));
        }
    }

    @Test
    void aTakenIdWithOtherContentIsAConflictThatWritesNothing() {
        try (Inventory inv = open("inv")) {
            String other = ONE_GROUPS.replace("<ID>104</ID>", "<ID>100</ID>");
            inv.securityGroups().create(ADMIN, vnetdesk.template.TemplateParser.parse("NAME = mine\n", "t"));
            ConflictException e = assertThrows(ConflictException.class, () -> importXml(inv, ADMIN, other, false));
            assertEquals("one.xml: security group 100:http: ID 100 is already security group 100:mine in this"
                    + " inventory (import --as-new gives the file's security groups new ids)", e.getMessage());
            assertTrue(inv.users().users().stream().noneMatch(u -> u.name().equals("dana")), "nothing written");
            String defaultChanged = ONE_GROUPS.replace("<![CDATA[INBOUND]]>", "<![CDATA[OUTBOUND]]>")
                    .replace("<ID>104</ID>", "<ID>110</ID>");
            e = assertThrows(ConflictException.class, () -> importXml(inv, ADMIN, defaultChanged, false));
            assertTrue(e.getMessage().contains("security group 0:default: ID 0 is already security group 0:default"),
                    e.getMessage());
            ImportResult copies = importXml(inv, ADMIN, other, true);
            assertEquals(List.of(101), copies.securityGroups());
            assertEquals(0, inv.securityGroups().show(ADMIN, ObjectRef.id(101)).summary().group().ownership().uid());
        }
    }

    @Test
    void anIdOfNineNinesCannotBeKept() {
        try (Inventory inv = open("inv")) {
            for (String big : List.of(ONE_GROUPS.replace("<ID>104</ID>", "<ID>999999999</ID>"),
                    ONE_TEMPLATE.replace("<ID>7</ID>", "<ID>999999999</ID>"))) {
                ValidationException e = assertThrows(ValidationException.class, () -> importXml(inv, ADMIN, big, false));
                assertTrue(e.getMessage().contains("ID: 999999999 is above 999999998"), e.getMessage());
            }
            assertEquals(1, inv.securityGroups().list(ADMIN).size(), "only the built-in group");
        }
    }

    @Test
    void aBadRuleNamesTheGroupAndTheRule() {
        try (Inventory inv = open("inv")) {
            String bad = ONE_GROUPS.replace("<![CDATA[80,443]]>", "<![CDATA[80,99999]]>");
            ValidationException e = assertThrows(ValidationException.class, () -> importXml(inv, ADMIN, bad, false));
            assertTrue(e.getMessage().startsWith("one.xml: security group 104:http: RULE 1: "), e.getMessage());
            assertEquals(1, inv.securityGroups().list(ADMIN).size(), "only the built-in group");
        }
    }

    @Test
    void aUsersImportMakesCopiesWithNewIdsThatAreTheUsers() {
        try (Inventory inv = open("inv")) {
            inv.users().createUser(ADMIN, "bob", "users");
            inv.users().addAcl(ADMIN, "@1 SECGROUP/* CREATE");
            inv.users().addAcl(ADMIN, "@1 VNTEMPLATE/* CREATE");
            Actor bob = inv.actor("bob");
            // id 104 is taken by an administrator's group: a user's import neither conflicts with it nor names it
            importXml(inv, ADMIN, ONE_GROUPS, false);
            assertEquals(List.of(105), importXml(inv, bob, ONE_GROUPS, false).securityGroups());
            SecurityGroup http = inv.securityGroups().show(bob, ObjectRef.id(105)).summary().group();
            assertEquals(bob.uid(), http.ownership().uid());
            int before = inv.users().users().size();
            // the file's id 7 is free here, and still not kept
            assertEquals(List.of(100), importXml(inv, bob, ONE_TEMPLATE.replace("<UNAME>dana</UNAME>",
                    "<UNAME>zed</UNAME>").replace("<UID>5</UID>", "<UID>9</UID>"), false).networkTemplates());
            assertEquals(bob.uid(), inv.templates().info(bob, ObjectRef.id(100)).ownership().uid());
            assertEquals(before, inv.users().users().size(), "a user cannot make users");
        }
    }
}
