package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetdesk.model.Actor;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.template.OpenNebulaSchemas;
import vnetdesk.template.VnetXmlConformanceTest;

/**
 * The list form ({@code onevnet list -x}) states its leases in each AR's ALLOCATED: an OpenNebula
 * list-form pool imports with its VM leases, holds, virtual-router addresses and a reservation's
 * block held in its parent; and vnetdesk's own {@code vnet list --xml} writes ALLOCATED too, so
 * list → import keeps every lease.
 */
class VnetXmlListAllocatedTest {

    private static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    Path dir;

    private static List<String> leases(Inventory inv, int network) {
        return inv.queries().details(ADMIN, ObjectRef.id(network), Integer.MAX_VALUE).leases().stream()
                .map(VnetXmlListAllocatedTest::label).toList();
    }

    /** A lease without its NIC number, which ALLOCATED does not carry (the VM document does). */
    private static String label(Lease l) {
        String owner = l.owner() instanceof LeaseOwner.VmNic nic ? "VM:" + nic.vmId() : l.owner().label();
        return l.arId() + "/" + Long.toUnsignedString(l.index()) + " " + owner;
    }

    @Test
    void theOpenNebulaListFormValidates() throws Exception {
        OpenNebulaSchemas.validate("vnet_pool.xsd", VnetXmlImportCorpusTest.resource(
                "opennebula-pool-list-allocated.xml"));
    }

    @Test
    void anOpenNebulaListFormPoolImportsWithItsLeases() {
        try (Inventory inv = Inventory.openDirectory(dir.resolve("one"))) {
            inv.interchange().importFile(ADMIN, VnetXmlImportCorpusTest.resource("opennebula-pool-list-allocated.xml"),
                    "list.xml");
            assertEquals(List.of("0/0 VM:5", "0/1 VM:7", "0/2 HOLD", "0/3 HOLD", "0/10 NET:41", "0/11 NET:41",
                    "0/12 NET:41", "0/13 NET:41", "2/4 VM:5"), leases(inv, 40));
            assertEquals(List.of("0/1 VM:9"), leases(inv, 41));
            assertEquals(List.of(0, 1), inv.queries().details(ADMIN, ObjectRef.id(40), 100).leases().stream()
                    .filter(l -> l.owner() instanceof LeaseOwner.VmNic nic && nic.vmId() == 5)
                    .map(l -> ((LeaseOwner.VmNic) l.owner()).nicIndex()).toList(), "VM 5's NICs numbered in order");
        }
    }

    /** No reservation block is held in its parent on the document's behalf (a /8 would make millions of rows). */
    @Test
    void aReservationItsParentListsNoneOfIsRefused() {
        String xml = VnetXmlImportCorpusTest.resource("opennebula-pool-list-allocated.xml")
                .replaceFirst("<ALLOCATED><!\\[CDATA\\[ 0 [^]]*]]></ALLOCATED>", "<ALLOCATED><![CDATA[]]></ALLOCATED>");
        try (Inventory inv = Inventory.openDirectory(dir.resolve("none"))) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> inv.interchange().importFile(ADMIN, xml, "list.xml"));
            assertTrue(e.getMessage().contains("network 41:lan-res: its address ranges cover 4 addresses of address"
                    + " range 0 of network 40:lan, but that network holds 0 of them for it"), e.getMessage());
            assertEquals(List.of(), inv.queries().list(ADMIN), "nothing is written");
        }
    }

    @Test
    void ourListFormCarriesTheLeasesSoListThenImportKeepsThem() throws Exception {
        String list;
        Map<Integer, List<String>> before = new TreeMap<>();
        try (Inventory inv = Inventory.openDirectory(dir.resolve("source"))) {
            InterchangeRoundTripTest.Fixture f = InterchangeRoundTripTest.populate(inv);
            for (int id : f.all()) {
                before.put(id, leases(inv, id));
            }
            list = inv.interchange().listXml(ADMIN);
        }
        assertTrue(list.contains("<ALLOCATED> 0 "), list);
        OpenNebulaSchemas.validate("vnet_pool.xsd", VnetXmlConformanceTest.tolerated(list, true)
                .replaceAll("(?m)^ {6,8}<GATEWAY>[^<]*</GATEWAY>\n", ""));
        try (Inventory inv = Inventory.openDirectory(dir.resolve("copy"))) {
            inv.interchange().importFile(ADMIN, list, "list.xml");
            Map<Integer, List<String>> after = new TreeMap<>();
            for (int id : before.keySet()) {
                after.put(id, leases(inv, id));
            }
            assertEquals(before, after);
            List<String> all = new ArrayList<>();
            before.values().forEach(all::addAll);
            assertTrue(all.stream().anyMatch(l -> l.contains("NET:")) && all.stream().anyMatch(l -> l.contains("VM:"))
                    && all.stream().anyMatch(l -> l.contains("HOLD")), all.toString());
        }
    }
}
