package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vnetdesk.template.OneXmlReadTest.assertMentions;
import static vnetdesk.template.OneXmlReadTest.failsAt;
import static vnetdesk.template.OneXmlReadTest.read;
import static vnetdesk.template.OneXmlWriteTest.count;
import static vnetdesk.template.OneXmlWriteTest.details;
import static vnetdesk.template.OneXmlWriteTest.dom;
import static vnetdesk.template.OneXmlWriteTest.network;
import static vnetdesk.template.OneXmlWriteTest.x;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import vnetdesk.model.AllocationPolicy;
import vnetdesk.model.Driver;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.VirtualNetwork;

/**
 * What an import takes from the XML beyond the attributes: whether the bridge was generated,
 * the lock, NIC numbers for leases without {@code NIC_NAME}; and {@code VNET_POOL} writing.
 */
class OneXmlImportRulesTest {

    private static VirtualNetwork withBridge(String bridge, boolean generated) {
        NetworkConf conf = new NetworkConf(Driver.BRIDGE, bridge, generated, Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, false, AllocationPolicy.LOWEST_FREE);
        return network(Optional.empty()).toBuilder().conf(conf).build();
    }

    // ---- bridges -----------------------------------------------------------------------------

    @Test
    void generatedBridgeIsLeftOutSoTheImportingSideGeneratesItsOwn() throws Exception {
        String xml = OneXml.write(details(withBridge("onebr5", true)));
        assertEquals("onebr5", x(dom(xml), "/VNET/BRIDGE"), "the effective bridge is still shown");
        assertFalse(read(xml).attributes().containsKey("BRIDGE"), read(xml).attributes().toString());
    }

    @Test
    void explicitBridgeComesBack() {
        assertEquals("br-lan", read(OneXml.write(details(withBridge("br-lan", false)))).attributes().get("BRIDGE"));
    }

    @Test
    void topLevelBridgeCountsOnlyWhenTheTemplateNamesABridgeToo() {
        String noTemplateBridge = "<VNET><ID>4</ID><NAME>n</NAME><BRIDGE>onebr4</BRIDGE><VN_MAD>bridge</VN_MAD>"
                + "<TEMPLATE><DNS>1.1.1.1</DNS></TEMPLATE></VNET>";
        assertFalse(read(noTemplateBridge).attributes().containsKey("BRIDGE"));
        assertFalse(read(noTemplateBridge.replace("<TEMPLATE>", "<TEMPLATE><BRIDGE><![CDATA[ ]]></BRIDGE>"))
                .attributes().getOrDefault("BRIDGE", "").contains("onebr4"));
        assertEquals("onebr4", read(noTemplateBridge.replace("<TEMPLATE>", "<TEMPLATE><BRIDGE>onebr4</BRIDGE>"))
                .attributes().get("BRIDGE"), "OpenNebula repeats the bridge in TEMPLATE");
    }

    // ---- lock --------------------------------------------------------------------------------

    @Test
    void lockedNumbersAreTheLockLevels() {
        List<Optional<LockLevel>> expected = List.of(Optional.empty(), Optional.of(LockLevel.USE),
                Optional.of(LockLevel.MANAGE), Optional.of(LockLevel.ADMIN), Optional.of(LockLevel.ALL));
        for (int n = 0; n < expected.size(); n++) {
            ImportedNetwork net = read("<VNET><ID>1</ID><LOCK><LOCKED>" + n + "</LOCKED><OWNER>0</OWNER>"
                    + "<TIME>1700000000</TIME><REQ_ID>-1</REQ_ID></LOCK></VNET>");
            assertEquals(expected.get(n), net.lock(), "LOCKED " + n);
        }
        assertEquals(Optional.empty(), read("<VNET><ID>1</ID></VNET>").lock());
    }

    @Test
    void lockedOutsideZeroToFourIsRefusedAtTheElement() {
        assertMentions(failsAt("<VNET><ID>1</ID>\n<LOCK><LOCKED>5</LOCKED></LOCK></VNET>", 2, 15),
                "<LOCKED>", "4 (ALL)", "found 5");
        assertMentions(failsAt("<VNET><ID>1</ID>\n<LOCK><LOCKED>yes</LOCKED></LOCK></VNET>", 2, 15),
                "<LOCKED>", "\"yes\"");
    }

    @Test
    void writtenLockComesBack() {
        for (LockLevel level : LockLevel.values()) {
            assertEquals(Optional.of(level), read(OneXml.write(details(network(Optional.of(level))))).lock());
        }
        assertEquals(Optional.empty(), read(OneXml.write(details(network(Optional.empty())))).lock());
    }

    // ---- NIC numbers -------------------------------------------------------------------------

    private static String lease(String ip, String owner) {
        return "<LEASE><IP>" + ip + "</IP>" + owner + "</LEASE>";
    }

    private static String vnet(int id, String... leases) {
        return "<VNET><ID>" + id + "</ID><AR_POOL><AR><AR_ID>0</AR_ID><LEASES>" + String.join("", leases)
                + "</LEASES></AR></AR_POOL></VNET>";
    }

    private static List<ImportedOwner> owners(List<ImportedNetwork> networks) {
        return networks.stream().flatMap(n -> n.addressRanges().stream()).flatMap(ar -> ar.leases().stream())
                .map(ImportedLease::owner).toList();
    }

    @Test
    void nicsOfOneVmWithoutNicNameAreNumberedInDocumentOrder() {
        List<ImportedNetwork> one = List.of(read(vnet(1, lease("10.0.0.1", "<VM>5</VM>"),
                lease("10.0.0.2", "<VM>5</VM>"), lease("10.0.0.3", "<VM>6</VM>"), lease("10.0.0.4", "<VM>-1</VM>"))));
        assertEquals(List.of(new ImportedOwner.Vm(5, 0), new ImportedOwner.Vm(5, 1), new ImportedOwner.Vm(6, 0),
                new ImportedOwner.Hold()), owners(one));
    }

    @Test
    void numbersRunOverThePoolAndSkipNumbersThatNicNamesGive() {
        String pool = "<VNET_POOL>"
                + vnet(1, lease("10.0.0.1", "<VM>5</VM>"), lease("10.0.0.2", "<VM>5</VM><NIC_NAME>eth0</NIC_NAME>"))
                + vnet(2, lease("10.0.1.1", "<VM>5</VM><NIC_NAME>NIC1</NIC_NAME>"), lease("10.0.1.2", "<VM>5</VM>"),
                        lease("10.0.1.3", "<VM>5</VM><NIC_NAME>NIC0</NIC_NAME>"))
                + "</VNET_POOL>";
        assertEquals(List.of(new ImportedOwner.Vm(5, 2), new ImportedOwner.Vm(5, 3), new ImportedOwner.Vm(5, 1),
                new ImportedOwner.Vm(5, 4), new ImportedOwner.Vm(5, 0)), owners(OneXml.readAll(pool, "pool.xml")));
    }

    // ---- VNET_POOL ---------------------------------------------------------------------------

    @Test
    void poolHoldsEveryNetworkAsWriteShapesItAndReadsBackAsEach() throws Exception {
        NetworkDetails first = details(network(Optional.of(LockLevel.USE)));
        NetworkDetails second = details(withBridge("onebr9", true).toBuilder().id(9).name("other").build());
        String pool = OneXml.writePool(List.of(VnetXmlNetwork.of(first), VnetXmlNetwork.of(second)));
        Document d = dom(pool);
        assertEquals("VNET_POOL", d.getDocumentElement().getNodeName());
        assertEquals(2, count(d, "/VNET_POOL/VNET"));
        assertEquals("other", x(d, "/VNET_POOL/VNET[2]/NAME"));
        List<ImportedNetwork> both = OneXml.readAll(pool, "p.xml");
        assertEquals(read(OneXml.write(first)), both.get(0));
        ImportedNetwork alone = read(OneXml.write(second));
        assertEquals(alone.attributes(), both.get(1).attributes());
        assertEquals(alone.addressRanges().size(), both.get(1).addressRanges().size());
        // leases name VMs only (as OpenNebula's): a VM's NICs are numbered across the whole document
        assertEquals(new ImportedOwner.Vm(7, 0), both.get(0).addressRanges().get(0).leases().get(0).owner());
        assertEquals(new ImportedOwner.Vm(7, 1), both.get(1).addressRanges().get(0).leases().get(0).owner());
        assertEquals(List.of(), OneXml.readAll(OneXml.writePool(List.of()), "p.xml"));
    }
}
