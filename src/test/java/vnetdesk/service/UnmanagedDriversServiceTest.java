package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.Driver;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.template.OpenNebulaSchemas;
import vnetdesk.template.TemplateParser;
import vnetdesk.template.VnetXmlConformanceTest;

/**
 * Networks of the drivers vnetdesk does not manage on hosts (dummy,
 * ovswitch) through the service: created from templates, their BRIDGE_TYPE
 * defaulted, kept, refused and reset on a driver change as oned does, shown
 * as XML that OpenNebula's vnet.xsd accepts, and kept through export and import.
 */
class UnmanagedDriversServiceTest {

    private static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    Path dir;
    private Inventory inv;

    @BeforeEach
    void open() {
        inv = Inventory.openDirectory(dir.resolve("inv"));
    }

    @AfterEach
    void close() {
        inv.close();
    }

    private int create(String template) {
        return inv.networks().create(ADMIN, TemplateParser.parse(template, "net"));
    }

    private NetworkConf conf(String name) {
        return inv.queries().details(ADMIN, ObjectRef.name(name), 0).network().conf();
    }

    @Test
    void dummyAndOvswitchNetworksAreCreatedWithTheirDriversDefaultBridgeType() {
        create("NAME = dum\nVN_MAD = dummy\nBRIDGE = br-dummy\nAR = [ TYPE = IP4, IP = 10.8.0.1, SIZE = 4 ]\n");
        create("NAME = ovs\nVN_MAD = ovswitch\nVLAN_ID = 30\nAR = [ TYPE = IP4, IP = 10.7.0.1, SIZE = 4 ]\n");
        assertEquals(Driver.DUMMY, conf("dum").driver());
        assertEquals("linux", conf("dum").bridgeType());
        assertEquals(Driver.OVSWITCH, conf("ovs").driver());
        assertEquals("openvswitch", conf("ovs").bridgeType());
        assertEquals("onebr.30", conf("ovs").bridge(), "a bridge is generated as for the bridge driver");
    }

    @Test
    void showXmlOfAnOvswitchNetworkCarriesItsBridgeTypeAndValidates() throws Exception {
        create("NAME = ovs\nVN_MAD = ovswitch\nBRIDGE = br-ovs\nAR = [ TYPE = IP4, IP = 10.7.0.1, SIZE = 4 ]\n");
        create("NAME = dum\nVN_MAD = dummy\nBRIDGE = br-dummy\nAR = [ TYPE = IP4, IP = 10.8.0.1, SIZE = 4 ]\n");
        String xml = inv.interchange().showXml(ADMIN, ObjectRef.name("ovs"));
        assertTrue(xml.contains("<BRIDGE>br-ovs</BRIDGE>\n  <BRIDGE_TYPE>openvswitch</BRIDGE_TYPE>"), xml);
        assertTrue(xml.contains("<VN_MAD>ovswitch</VN_MAD>"), xml);
        assertTrue(xml.matches("(?s).*<TEMPLATE>.*<BRIDGE_TYPE>openvswitch</BRIDGE_TYPE>.*</TEMPLATE>.*"), xml);
        OpenNebulaSchemas.validate("vnet.xsd", VnetXmlConformanceTest.tolerated(xml, false));
        OpenNebulaSchemas.validate("vnet.xsd", VnetXmlConformanceTest.tolerated(
                inv.interchange().showXml(ADMIN, ObjectRef.name("dum")), false));
    }

    /**
     * OUTER_VLAN_ID is the network's VXLAN VNI (up to 16,777,215), VLAN_ID its inner 802.1Q tag (up to
     * 4094), as in OpenNebula; an automatic outer id vnetdesk has not picked is written as oned picks it.
     */
    @Test
    void anOvswitchVxlanNetworkShowsItsOuterVlanAtTheTopAsOpenNebulaDoes() throws Exception {
        create("NAME = ovx\nVN_MAD = ovswitch_vxlan\nBRIDGE = br-ovx\nOUTER_VLAN_ID = 70000\nVLAN_ID = 700\n");
        int auto = create("NAME = ovx-auto\nVN_MAD = ovswitch_vxlan\nBRIDGE = br-ovxa\nAUTOMATIC_OUTER_VLAN_ID = YES\n");
        create("NAME = ovs\nVN_MAD = ovswitch\nBRIDGE = br-ovs\nOUTER_VLAN_ID = 60\n");
        ValidationException tooBig = assertThrows(ValidationException.class, () -> create(
                "NAME = ovx-big\nVN_MAD = ovswitch_vxlan\nBRIDGE = br-ovxb\nOUTER_VLAN_ID = 50\nVLAN_ID = 7000\n"));
        assertTrue(tooBig.getMessage().startsWith("VLAN_ID"), tooBig.getMessage());
        String given = inv.interchange().showXml(ADMIN, ObjectRef.name("ovx"));
        assertTrue(given.contains("<VLAN_ID>700</VLAN_ID>\n  <OUTER_VLAN_ID>70000</OUTER_VLAN_ID>"), given);
        assertTrue(given.contains("<OUTER_VLAN_ID_AUTOMATIC>0</OUTER_VLAN_ID_AUTOMATIC>"), given);
        String automatic = inv.interchange().showXml(ADMIN, ObjectRef.name("ovx-auto"));
        // oned's set_vxlan_id: VXLAN_IDS START (2) plus the network id; never an empty automatic id
        assertTrue(automatic.contains("<OUTER_VLAN_ID>" + (2 + auto) + "</OUTER_VLAN_ID>"), automatic);
        assertTrue(automatic.contains("<OUTER_VLAN_ID_AUTOMATIC>1</OUTER_VLAN_ID_AUTOMATIC>"), automatic);
        // only ovswitch_vxlan has an outer VLAN; on another driver the attribute is a custom one, kept in TEMPLATE
        String other = inv.interchange().showXml(ADMIN, ObjectRef.name("ovs"));
        assertFalse(other.contains("<OUTER_VLAN_ID>60</OUTER_VLAN_ID>\n  <VLAN_ID_AUTOMATIC>"), other);
        for (String xml : List.of(given, automatic, other)) {
            OpenNebulaSchemas.validate("vnet.xsd", VnetXmlConformanceTest.tolerated(xml, false));
        }
    }

    @Test
    void aBridgeTypeTheDriverRefusesIsAnErrorNamingIt() {
        ValidationException e = assertThrows(ValidationException.class, () -> create(
                "NAME = ovs\nVN_MAD = ovswitch\nBRIDGE_TYPE = linux\n"));
        assertEquals("BRIDGE_TYPE: wrong value \"linux\" for VN_MAD_CONF ovswitch (the ovswitch driver allows"
                + " openvswitch, openvswitch_dpdk)", e.getMessage());
        assertTrue(inv.queries().list(ADMIN).isEmpty());
    }

    @Test
    void anUpdateKeepsTheBridgeTypeAndADriverChangeResetsItToTheNewDriversDefault() {
        create("NAME = ovs\nVN_MAD = ovswitch\nBRIDGE = br-ovs\nBRIDGE_TYPE = openvswitch_dpdk\n");
        inv.networks().update(ADMIN, ObjectRef.name("ovs"), TemplateParser.parse("DESCRIPTION = fast\n", "u"), true);
        assertEquals("openvswitch_dpdk", conf("ovs").bridgeType());
        inv.networks().update(ADMIN, ObjectRef.name("ovs"), TemplateParser.parse("DESCRIPTION = replaced\n", "u"),
                false);
        assertEquals("openvswitch_dpdk", conf("ovs").bridgeType(), "kept on replace like the other physical ones");
        inv.networks().update(ADMIN, ObjectRef.name("ovs"), TemplateParser.parse("VN_MAD = bridge\n", "u"), true);
        assertEquals(Driver.BRIDGE, conf("ovs").driver());
        assertEquals("linux", conf("ovs").bridgeType(), "the old driver's type went with it, as in oned");
    }

    @Test
    void exportThenImportKeepsDriversAndBridgeTypes() {
        create("NAME = ovs\nVN_MAD = ovswitch\nBRIDGE = br-ovs\nBRIDGE_TYPE = openvswitch_dpdk\nVLAN_ID = 30\n"
                + "AR = [ TYPE = IP4, IP = 10.7.0.1, SIZE = 4 ]\n");
        create("NAME = dum\nVN_MAD = dummy\nBRIDGE = br-dummy\nAR = [ TYPE = IP4, IP = 10.8.0.1, SIZE = 4 ]\n");
        String export = inv.interchange().exportXml(ADMIN, List.of());
        try (Inventory other = Inventory.openDirectory(dir.resolve("other"))) {
            assertEquals(2, other.interchange().importFile(ADMIN, export, "export.xml").size());
            NetworkConf ovs = other.queries().details(ADMIN, ObjectRef.name("ovs"), 0).network().conf();
            assertEquals(Driver.OVSWITCH, ovs.driver());
            assertEquals("openvswitch_dpdk", ovs.bridgeType());
            assertEquals(java.util.Optional.of(30), ovs.vlanId());
            NetworkConf dum = other.queries().details(ADMIN, ObjectRef.name("dum"), 0).network().conf();
            assertEquals(Driver.DUMMY, dum.driver());
            assertFalse(dum.driver().managedOnHosts());
        }
    }
    /** Two networks as {@code onevnet list -x} of OpenNebula's extended pool prints them: dummy and ovswitch. */
    private static final String ONE_POOL = """
<VNET_POOL>
  <VNET>
    <ID>0</ID><UID>0</UID><GID>0</GID><UNAME>oneadmin</UNAME><GNAME>oneadmin</GNAME><NAME>test-dummy</NAME>
    <PERMISSIONS><OWNER_U>1</OWNER_U><OWNER_M>1</OWNER_M><OWNER_A>0</OWNER_A><GROUP_U>0</GROUP_U><GROUP_M>0</GROUP_M><GROUP_A>0</GROUP_A><OTHER_U>0</OTHER_U><OTHER_M>0</OTHER_M><OTHER_A>0</OTHER_A></PERMISSIONS>
    <CLUSTERS><ID>0</ID></CLUSTERS>
    <BRIDGE>br0</BRIDGE><BRIDGE_TYPE>linux</BRIDGE_TYPE><STATE>1</STATE><PREV_STATE>1</PREV_STATE>
    <PARENT_NETWORK_ID/><TEMPLATE_ID/><VN_MAD>dummy</VN_MAD><PHYDEV/><VLAN_ID/><OUTER_VLAN_ID/>
    <VLAN_ID_AUTOMATIC>0</VLAN_ID_AUTOMATIC><OUTER_VLAN_ID_AUTOMATIC>0</OUTER_VLAN_ID_AUTOMATIC>
    <USED_LEASES>0</USED_LEASES><VROUTERS/><UPDATED_VMS/><OUTDATED_VMS/><UPDATING_VMS/><ERROR_VMS/>
    <TEMPLATE><BRIDGE><![CDATA[br0]]></BRIDGE><BRIDGE_TYPE><![CDATA[linux]]></BRIDGE_TYPE><DNS><![CDATA[8.8.8.8]]></DNS><OUTER_VLAN_ID><![CDATA[]]></OUTER_VLAN_ID><PHYDEV><![CDATA[]]></PHYDEV><SECURITY_GROUPS><![CDATA[0]]></SECURITY_GROUPS><VLAN_ID><![CDATA[]]></VLAN_ID><VN_MAD><![CDATA[dummy]]></VN_MAD></TEMPLATE>
    <AR_POOL><AR><AR_ID><![CDATA[0]]></AR_ID><IP><![CDATA[10.0.0.1]]></IP><MAC><![CDATA[02:00:0a:00:00:01]]></MAC><NEXT_INDEX><![CDATA[0]]></NEXT_INDEX><SIZE><![CDATA[10]]></SIZE><TYPE><![CDATA[IP4]]></TYPE><MAC_END><![CDATA[02:00:0a:00:00:0a]]></MAC_END><IP_END><![CDATA[10.0.0.10]]></IP_END><USED_LEASES>0</USED_LEASES><LEASES/></AR></AR_POOL>
  </VNET>
  <VNET>
    <ID>1</ID><UID>0</UID><GID>0</GID><UNAME>oneadmin</UNAME><GNAME>oneadmin</GNAME><NAME>test-ovs</NAME>
    <PERMISSIONS><OWNER_U>1</OWNER_U><OWNER_M>1</OWNER_M><OWNER_A>0</OWNER_A><GROUP_U>0</GROUP_U><GROUP_M>0</GROUP_M><GROUP_A>0</GROUP_A><OTHER_U>0</OTHER_U><OTHER_M>0</OTHER_M><OTHER_A>0</OTHER_A></PERMISSIONS>
    <CLUSTERS><ID>0</ID></CLUSTERS>
    <BRIDGE>ovsbr0</BRIDGE><BRIDGE_TYPE>openvswitch_dpdk</BRIDGE_TYPE><STATE>1</STATE><PREV_STATE>1</PREV_STATE>
    <PARENT_NETWORK_ID/><TEMPLATE_ID/><VN_MAD>ovswitch</VN_MAD><PHYDEV/><VLAN_ID>30</VLAN_ID><OUTER_VLAN_ID/>
    <VLAN_ID_AUTOMATIC>0</VLAN_ID_AUTOMATIC><OUTER_VLAN_ID_AUTOMATIC>0</OUTER_VLAN_ID_AUTOMATIC>
    <USED_LEASES>0</USED_LEASES><VROUTERS/><UPDATED_VMS/><OUTDATED_VMS/><UPDATING_VMS/><ERROR_VMS/>
    <TEMPLATE><BRIDGE><![CDATA[ovsbr0]]></BRIDGE><BRIDGE_TYPE><![CDATA[openvswitch_dpdk]]></BRIDGE_TYPE><OUTER_VLAN_ID><![CDATA[]]></OUTER_VLAN_ID><PHYDEV><![CDATA[]]></PHYDEV><SECURITY_GROUPS><![CDATA[0]]></SECURITY_GROUPS><VLAN_ID><![CDATA[30]]></VLAN_ID><VN_MAD><![CDATA[ovswitch]]></VN_MAD></TEMPLATE>
    <AR_POOL><AR><AR_ID><![CDATA[0]]></AR_ID><IP><![CDATA[10.7.0.1]]></IP><MAC><![CDATA[02:00:0a:07:00:01]]></MAC><NEXT_INDEX><![CDATA[0]]></NEXT_INDEX><SIZE><![CDATA[10]]></SIZE><TYPE><![CDATA[IP4]]></TYPE><MAC_END><![CDATA[02:00:0a:07:00:0a]]></MAC_END><IP_END><![CDATA[10.7.0.10]]></IP_END><USED_LEASES>0</USED_LEASES><LEASES/></AR></AR_POOL>
  </VNET>
</VNET_POOL>
""";

    @Test
    void anOpenNebulaPoolWithDummyAndOvswitchImportsAsNotManagedAndExportsTheSameDriverElements() throws Exception {
        OpenNebulaSchemas.validate("vnet_pool_extended.xsd", ONE_POOL);
        assertEquals(2, inv.interchange().importFile(ADMIN, ONE_POOL, "one.xml").size());
        NetworkConf dummy = conf("test-dummy");
        NetworkConf ovs = conf("test-ovs");
        assertEquals(Driver.DUMMY, dummy.driver());
        assertEquals("br0", dummy.bridge());
        assertEquals(Driver.OVSWITCH, ovs.driver());
        assertEquals("openvswitch_dpdk", ovs.bridgeType());
        assertEquals(java.util.Optional.of(30), ovs.vlanId());
        assertFalse(dummy.driver().managedOnHosts() || ovs.driver().managedOnHosts());
        String export = inv.interchange().exportXml(ADMIN, List.of());
        for (String element : List.of("<BRIDGE>br0</BRIDGE>\n    <BRIDGE_TYPE>linux</BRIDGE_TYPE>",
                "<VN_MAD>dummy</VN_MAD>", "<BRIDGE>ovsbr0</BRIDGE>\n    <BRIDGE_TYPE>openvswitch_dpdk</BRIDGE_TYPE>",
                "<VN_MAD>ovswitch</VN_MAD>", "<VLAN_ID>30</VLAN_ID>")) {
            assertTrue(export.contains(element), element + " in " + export);
        }
        OpenNebulaSchemas.validate("vnet_pool_extended.xsd", VnetXmlConformanceTest.tolerated(export, false));
    }
}
