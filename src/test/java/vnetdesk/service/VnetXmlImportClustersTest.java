package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.template.OneXml;
import vnetdesk.template.TemplateParser;

/**
 * An imported network is placed in the document's clusters: OpenNebula's {@code CLUSTERS} when
 * {@code TEMPLATE} has no {@code CLUSTER_IDS}; a cluster missing here is an error naming the
 * network and the cluster that writes nothing; {@code --as-new} keeps the clusters that exist.
 */
class VnetXmlImportClustersTest {

    private static final Actor ADMIN = Actor.ONEADMIN;
    /** opennebula-bridge.xml (network 12 "private", CLUSTERS 0, no TEMPLATE/CLUSTER_IDS) in other clusters. */
    private static final String BRIDGE = VnetXmlImportCorpusTest.resource("opennebula-bridge.xml");

    @TempDir
    Path dir;

    private Inventory open(String name) {
        return Inventory.openDirectory(dir.resolve(name));
    }

    private static String inClusters(String xml, int... ids) {
        StringBuilder clusters = new StringBuilder("<CLUSTERS>");
        for (int id : ids) {
            clusters.append("<ID>").append(id).append("</ID>");
        }
        return xml.replaceFirst("<CLUSTERS>\\s*<ID>0</ID>\\s*</CLUSTERS>", clusters.append("</CLUSTERS>").toString());
    }

    private static List<Integer> clustersOf(Inventory inv, int network) {
        return inv.queries().details(ADMIN, ObjectRef.id(network), 0).network().clusterIds();
    }

    @Test
    void theHandMadeDocumentHasNoTemplateClusterIds() {
        assertEquals("0", OneXml.readAll(BRIDGE, "b.xml").get(0).attributes().get("CLUSTER_IDS"));
        assertTrue(!BRIDGE.contains("CLUSTER_IDS"), "the test reads CLUSTERS, not TEMPLATE/CLUSTER_IDS");
        assertEquals("100,101", OneXml.readAll(inClusters(BRIDGE, 100, 101), "b.xml").get(0).attributes()
                .get("CLUSTER_IDS"));
    }

    @Test
    void aMissingClusterIsAnErrorNamingTheNetworkAndTheClusterAndWritesNothing() {
        try (Inventory inv = open("inv")) {
            String pool = "<VNET_POOL>" + BRIDGE.replace("<ID>12</ID>", "<ID>5</ID>").replace("private", "first")
                    + inClusters(BRIDGE, 0, 101) + "</VNET_POOL>";
            ValidationException e = assertThrows(ValidationException.class,
                    () -> inv.interchange().importFile(ADMIN, pool, "pool.xml"));
            assertTrue(e.getMessage().contains("pool.xml: network 12:private: CLUSTERS: cluster 101 does not exist"
                    + " here; create the clusters first (cluster create gives ids from 100 in order) or import"
                    + " --as-new"), e.getMessage());
            assertEquals(List.of(), inv.queries().list(ADMIN), "network 5 came first and is not written either");
            assertEquals(100, inv.clusters().create(ADMIN, "one"));
            assertEquals(101, inv.clusters().create(ADMIN, "two"));
            assertEquals(List.of(5, 12), inv.interchange().importFile(ADMIN, pool, "pool.xml"));
            assertEquals(List.of(0), clustersOf(inv, 5));
            assertEquals(List.of(0, 101), clustersOf(inv, 12));
        }
    }

    @Test
    void templateClusterIdsWinOverClusters() {
        try (Inventory inv = open("inv")) {
            inv.clusters().create(ADMIN, "one");
            String xml = inClusters(BRIDGE, 7).replace("<TEMPLATE>", "<TEMPLATE><CLUSTER_IDS>100</CLUSTER_IDS>");
            inv.interchange().importFile(ADMIN, xml, "b.xml");
            assertEquals(List.of(100), clustersOf(inv, 12));
        }
    }

    @Test
    void asNewKeepsTheClustersThatExistAndOtherwiseUsesTheDefaultCluster() {
        try (Inventory inv = open("inv")) {
            inv.clusters().create(ADMIN, "one");
            List<Integer> ids = inv.interchange().importFile(ADMIN, inClusters(BRIDGE, 100, 105), "a.xml", true,
                    Progress.NONE);
            assertEquals(List.of(100), clustersOf(inv, ids.get(0)));
            ids = inv.interchange().importFile(ADMIN, inClusters(BRIDGE, 104, 105).replace("private", "copy"),
                    "b.xml", true, Progress.NONE);
            assertEquals(List.of(0), clustersOf(inv, ids.get(0)));
        }
    }

    @Test
    void anEmptyClustersElementIsANetworkInNoCluster() {
        try (Inventory inv = open("inv")) {
            inv.interchange().importFile(ADMIN, inClusters(BRIDGE), "b.xml");
            assertEquals(List.of(), clustersOf(inv, 12));
            String xml = inv.interchange().showXml(ADMIN, ObjectRef.id(12));
            assertTrue(xml.contains("<CLUSTERS></CLUSTERS>"), xml);
        }
    }

    /** A network in cluster 100 exports CLUSTERS 100 and, once the cluster is made, re-imports into 100. */
    @Test
    void aNetworkInCluster100RoundTripsThroughItsXml() {
        String export;
        try (Inventory inv = open("source")) {
            assertEquals(100, inv.clusters().create(ADMIN, "rack1"));
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = racknet\nVN_MAD = bridge\nCLUSTER_IDS = 100\n"
                    + "AR = [ TYPE = IP4, IP = 10.9.0.1, SIZE = 4 ]\n", "t"));
            export = inv.interchange().exportXml(ADMIN, List.of());
        }
        assertTrue(export.replaceAll("\\s", "").contains("<CLUSTERS><ID>100</ID></CLUSTERS>"), export);
        // as OpenNebula prints it: the clusters in CLUSTERS only
        String oneShaped = export.replaceAll("(?m)^ *<CLUSTER_IDS>[^<]*</CLUSTER_IDS>\n", "");
        for (String doc : List.of(export, oneShaped)) {
            try (Inventory inv = open("target" + doc.length())) {
                ValidationException e = assertThrows(ValidationException.class,
                        () -> inv.interchange().importFile(ADMIN, doc, "export.xml"));
                assertTrue(e.getMessage().contains("network 0:racknet: CLUSTERS: cluster 100 does not exist here"),
                        e.getMessage());
                inv.clusters().create(ADMIN, "rack1");
                inv.interchange().importFile(ADMIN, doc, "export.xml");
                assertEquals(List.of(100), clustersOf(inv, 0));
                assertEquals(VnetXmlImportCorpusTest.flatten(export),
                        VnetXmlImportCorpusTest.flatten(inv.interchange().exportXml(ADMIN, List.of())));
            }
        }
    }
}
