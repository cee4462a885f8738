package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import vnetdesk.model.LockLevel;
import vnetdesk.model.SyntaxException;

/**
 * The security-group and network-template readers: identity, owner, permissions, lock, rules and
 * bodies as written; the root tells the kind; hostile documents refused as the network reader
 * refuses them.
 */
class OneObjectXmlReadTest {

    private static final String GROUP = """
            <SECURITY_GROUP>
              <ID>104</ID><UID>5</UID><GID>100</GID><UNAME>dana</UNAME><GNAME>web</GNAME><NAME>http</NAME>
              <PERMISSIONS><OWNER_U>1</OWNER_U><OWNER_M>1</OWNER_M><OWNER_A>0</OWNER_A><GROUP_U>1</GROUP_U>
                <GROUP_M>0</GROUP_M><GROUP_A>0</GROUP_A><OTHER_U>1</OTHER_U><OTHER_M>0</OTHER_M><OTHER_A>0</OTHER_A>
              </PERMISSIONS>
              <UPDATED_VMS><ID>3</ID></UPDATED_VMS><OUTDATED_VMS/><UPDATING_VMS/><ERROR_VMS/>
              <TEMPLATE>
                <DESCRIPTION>web</DESCRIPTION>
                <RULE><PROTOCOL>TCP</PROTOCOL><RANGE>80,443</RANGE><RULE_TYPE>inbound</RULE_TYPE></RULE>
                <LABELS>x</LABELS>
              </TEMPLATE>
            </SECURITY_GROUP>
            """;

    @Test
    void aSecurityGroupReadsWithItsRulesAndTheElementsItCannotHold() {
        List<ImportedSecurityGroup> read = OneSecurityGroupXml.readAll(GROUP, "g.xml");
        assertEquals(1, read.size());
        ImportedSecurityGroup g = read.get(0);
        assertEquals(OptionalInt.of(104), g.id());
        assertEquals("http", g.name());
        assertEquals(Optional.of(new ImportedNetwork.Owner(5, 100, "dana", "web")), g.owner());
        assertEquals(Optional.of("644"), g.permissionsOctal());
        assertEquals(Optional.of("web"), g.description());
        assertEquals(List.of(Map.of("PROTOCOL", "TCP", "RANGE", "80,443", "RULE_TYPE", "inbound")), g.rules());
        assertEquals(List.of("LABELS"), g.ignored());
        assertEquals(2, OneSecurityGroupXml.readAll("<SECURITY_GROUP_POOL>" + GROUP + "<OTHER/>" + GROUP
                + "</SECURITY_GROUP_POOL>", "p.xml").size());
    }

    @Test
    void aTemplateReadsWithItsLockAndBodyWithoutName() {
        ImportedVnTemplate t = OneVnTemplateXml.readAll("""
                <VNTEMPLATE_POOL><VNTEMPLATE><ID>7</ID><NAME>web-net</NAME>
                  <LOCK><LOCKED>2</LOCKED><OWNER>5</OWNER></LOCK><REGTIME>17</REGTIME>
                  <TEMPLATE><AR><IP>10.5.0.1</IP><SIZE>5</SIZE><TYPE>IP4</TYPE></AR><NAME>x</NAME>
                    <VN_MAD>bridge</VN_MAD></TEMPLATE>
                </VNTEMPLATE></VNTEMPLATE_POOL>
                """, "t.xml").get(0);
        assertEquals(OptionalInt.of(7), t.id());
        assertEquals(Optional.empty(), t.owner(), "no UID/GID/UNAME/GNAME");
        assertEquals(Optional.of(LockLevel.MANAGE), t.lock());
        assertEquals(List.of("AR", "VN_MAD"), t.body().attributes().stream().map(TemplateAttribute::name).toList());
        assertEquals(Optional.of("10.5.0.1"), t.body().vector("AR").flatMap(v -> v.get("IP")));
    }

    @Test
    void theRootTellsTheKindAndAnotherRootIsRefused() {
        assertEquals("VNTEMPLATE_POOL", OneXmlDocuments.rootElement("<?xml version=\"1.0\"?>\n<VNTEMPLATE_POOL/>",
                "x"));
        SyntaxException e = assertThrows(SyntaxException.class, () -> OneSecurityGroupXml.readAll("<VNET/>", "v.xml"));
        assertTrue(e.getMessage().contains("the root element is <VNET>; expected <SECURITY_GROUP> or"
                + " <SECURITY_GROUP_POOL> as printed by onesecgroup show -x"), e.getMessage());
    }

    @Test
    void hostileDocumentsAreRefused() {
        String entity = "<!DOCTYPE x [<!ENTITY e \"boom\">]><SECURITY_GROUP><NAME>&e;</NAME></SECURITY_GROUP>";
        SyntaxException e = assertThrows(SyntaxException.class, () -> OneSecurityGroupXml.readAll(entity, "e.xml"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertThrows(SyntaxException.class, () -> OneVnTemplateXml.readAll("<VNTEMPLATE><NAME>x", "t.xml"));
        String deep = "<VNTEMPLATE><TEMPLATE>" + "<A>".repeat(200) + "</A>".repeat(200) + "</TEMPLATE></VNTEMPLATE>";
        assertThrows(SyntaxException.class, () -> OneVnTemplateXml.readAll(deep, "d.xml"));
    }
}
