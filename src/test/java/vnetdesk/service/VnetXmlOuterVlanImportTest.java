package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.template.OpenNebulaSchemas;

/**
 * An ovswitch_vxlan network as oned writes one with an automatic outer VLAN id: oned erases
 * AUTOMATIC_OUTER_VLAN_ID (and OUTER_VLAN_ID) from TEMPLATE at allocate and states the VNI it picked
 * only at the top, with OUTER_VLAN_ID_AUTOMATIC 1; its VLAN_ID is the inner 802.1Q tag. It imports,
 * keeping the picked VNI and the automatic flag, and exports the same top-level ids.
 */
class VnetXmlOuterVlanImportTest {

    private static final Actor ADMIN = Actor.ONEADMIN;
    private static final String FILE = "opennebula-ovswitch-vxlan.xml";

    @TempDir
    Path dir;

    @Test
    void theDocumentValidates() throws Exception {
        OpenNebulaSchemas.validate("vnet.xsd", VnetXmlImportCorpusTest.resource(FILE));
    }

    @Test
    void anAutomaticOuterVlanIdStatedOnlyAtTheTopImportsAndExportsBack() {
        try (Inventory inv = Inventory.openDirectory(dir.resolve("inv"))) {
            assertEquals(List.of(60), inv.interchange().importFile(ADMIN, VnetXmlImportCorpusTest.resource(FILE), FILE));
            VirtualNetwork n = inv.queries().details(ADMIN, ObjectRef.id(60), 0).network();
            assertEquals(Optional.of(100), n.conf().vlanId(), "VLAN_ID is the inner 802.1Q tag");
            Map<String, String> a = n.attributes();
            assertEquals("62", a.get("OUTER_VLAN_ID"), "the VNI oned picked");
            assertEquals("YES", a.get("AUTOMATIC_OUTER_VLAN_ID"));
            String xml = inv.interchange().showXml(ADMIN, ObjectRef.id(60));
            assertTrue(xml.contains("<VLAN_ID>100</VLAN_ID>\n  <OUTER_VLAN_ID>62</OUTER_VLAN_ID>\n"
                    + "  <VLAN_ID_AUTOMATIC>0</VLAN_ID_AUTOMATIC>\n  <OUTER_VLAN_ID_AUTOMATIC>1</OUTER_VLAN_ID_AUTOMATIC>"),
                    xml);
        }
    }
}
