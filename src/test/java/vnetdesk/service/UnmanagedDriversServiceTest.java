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
}
