package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import vnetdesk.model.Actor;
import vnetdesk.model.AttributeVector;
import vnetdesk.model.LockLevel;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.template.ImportedNetwork;
import vnetdesk.template.OneXml;
import vnetdesk.template.OpenNebulaSchemas;
import vnetdesk.template.TemplateParser;
import vnetdesk.template.VnetXmlConformanceTest;

/**
 * Every valid network document imports: hand-made documents shaped as OpenNebula 6 prints them
 * (owners, CLUSTERS, BRIDGE_TYPE, TEMPLATE vectors, VROUTERS and the *_VMS lists, a virtual-router
 * lease, the list form with ALLOCATED, the export form with a reservation) and the project's own
 * show, list and export output, each valid against its schema; and export → import → export of
 * an inventory gives the same document, element by element.
 */
class VnetXmlImportCorpusTest {

    private static final Actor ADMIN = Actor.ONEADMIN;

    /** The hand-made documents (src/test/resources/vnet-import) and the schema each follows. */
    private static final Map<String, String> OPENNEBULA = Map.of(
            "opennebula-bridge.xml", "vnet.xsd",
            "opennebula-8021q.xml", "vnet.xsd",
            "opennebula-pool-list.xml", "vnet_pool.xsd",
            "opennebula-pool-extended.xml", "vnet_pool_extended.xsd",
            "opennebula-unmanaged.xml", "vnet_pool_extended.xsd");

    @TempDir
    Path dir;

    static String resource(String name) {
        try (InputStream in = VnetXmlImportCorpusTest.class.getResourceAsStream("/vnet-import/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Inventory open(String name) {
        return Inventory.openDirectory(dir.resolve(name));
    }

    /** The project's output with the departures OpenNebula's own output has (VnetXmlServiceConformanceTest). */
    private static String tolerated(String xml, boolean listForm) {
        return VnetXmlConformanceTest.tolerated(xml, listForm).replaceAll("(?m)^ {6,8}<GATEWAY>[^<]*</GATEWAY>\n", "");
    }

    @Test
    void theHandMadeDocumentsValidate() throws Exception {
        for (Map.Entry<String, String> doc : OPENNEBULA.entrySet()) {
            OpenNebulaSchemas.validate(doc.getValue(), resource(doc.getKey()));
        }
    }

    @Test
    void everyHandMadeDocumentImportsWithItsIdsAndEveryTemplateVectorIsExportedBack() {
        for (String file : OPENNEBULA.keySet()) {
            String xml = resource(file);
            List<ImportedNetwork> read = OneXml.readAll(xml, file);
            try (Inventory inv = open(file)) {
                List<Integer> ids = inv.interchange().importFile(ADMIN, xml, file);
                List<Integer> expected = read.stream().map(n -> n.id().getAsInt()).sorted().toList();
                assertEquals(expected, ids.stream().sorted().toList(), file);
                String export = inv.interchange().exportXml(ADMIN, List.of());
                List<String> out = flatten(export);
                for (ImportedNetwork n : read) {
                    assertEquals(n.vectors(), inv.queries().details(ADMIN, ObjectRef.id(n.id().getAsInt()), 0)
                            .network().vectors(), file);
                    for (AttributeVector v : n.vectors()) {
                        v.entries().forEach((k, value) -> assertTrue(out.stream().anyMatch(line -> line.matches(
                                "VNET_POOL/VNET\\[\\d+]/TEMPLATE\\[1]/" + v.name() + "\\[\\d+]/" + k + "\\[1] = "
                                        + java.util.regex.Pattern.quote(value))), file + ": " + v));
                    }
                }
            }
        }
    }

    @Test
    void anOpenNebulaNetworkKeepsItsOwnerLockVectorsAndLeases() {
        try (Inventory inv = open("one")) {
            inv.interchange().importFile(ADMIN, resource("opennebula-bridge.xml"), "bridge.xml");
            NetworkDetails d = inv.queries().details(ADMIN, ObjectRef.id(12), 100);
            VirtualNetwork n = d.network();
            assertEquals(List.of(2, 1), List.of(n.ownership().uid(), n.ownership().gid()));
            assertTrue(inv.users().users().contains(new UserService.UserInfo(2, "alice", 1, "users")),
                    "alice is made with the file's id, in the file's group");
            assertEquals(Optional.of(LockLevel.USE), n.lock());
            assertEquals(List.of("ROUTE", "ROUTE", "TAGS"), n.vectors().stream().map(AttributeVector::name).toList());
            assertEquals(Map.of("DESTINATION", "172.16.0.0/12", "GATEWAY", "10.1.0.253"), n.vectors().get(1).entries());
            // the virtual router's address and the reservation outside the file stay taken, as holds
            assertEquals(List.of("0/0 VM:45 NIC:0", "0/1 HOLD", "0/2 HOLD", "0/4 HOLD", "3/2 VM:46 NIC:0"),
                    d.leases().stream().map(l -> l.arId() + "/" + l.index() + " " + l.owner().label()).toList());
            inv.networks().unlock(ADMIN, ObjectRef.id(12));
            inv.networks().update(ADMIN, ObjectRef.id(12), TemplateParser.parse("DESCRIPTION = changed\n", "u"), false);
            VirtualNetwork updated = inv.queries().details(ADMIN, ObjectRef.id(12), 0).network();
            assertEquals("changed", updated.description());
            assertEquals(n.vectors(), updated.vectors(), "an update keeps the vectors");
            // template syntax carries them too: export --template, then vnet create
            String template = inv.interchange().exportTemplate(ADMIN, ObjectRef.id(12))
                    .replace("\"private\"", "\"from-template\"").replace("onebr12", "onebr99");
            assertTrue(template.contains("ROUTE = ["), template);
            int copy = inv.networks().create(ADMIN, TemplateParser.parse(template, "t"));
            assertEquals(n.vectors(), inv.queries().details(ADMIN, ObjectRef.id(copy), 0).network().vectors());
        }
    }

    @Test
    void theProjectsOwnShowListAndExportDocumentsValidateAndImport() throws Exception {
        Map<String, String> docs = new LinkedHashMap<>();
        try (Inventory inv = open("source")) {
            InterchangeRoundTripTest.populate(inv);
            for (String name : List.of("lan", "tagged", "static6", "overlay", "lan-res", "static6-res")) {
                docs.put("show " + name, inv.interchange().showXml(ADMIN, ObjectRef.name(name)));
            }
            docs.put("list", inv.interchange().listXml(ADMIN));
            docs.put("export", inv.interchange().exportXml(ADMIN, List.of()));
        }
        int i = 0;
        for (Map.Entry<String, String> doc : docs.entrySet()) {
            try (Inventory inv = open("fresh" + i++)) {
                int count = OneXml.readAll(doc.getValue(), "d.xml").size();
                assertEquals(count, inv.interchange().importFile(ADMIN, doc.getValue(), doc.getKey()).size(),
                        doc.getKey());
            }
        }
        for (Map.Entry<String, String> doc : docs.entrySet()) {
            boolean list = doc.getKey().equals("list");
            String xsd = list ? "vnet_pool.xsd" : doc.getKey().equals("export") ? "vnet_pool_extended.xsd" : "vnet.xsd";
            OpenNebulaSchemas.validate(xsd, tolerated(doc.getValue(), list));
        }
    }

    /**
     * An inventory with every AR type, holds, VM leases, reservations, a lock, a round-robin cursor,
     * a network of another user and one imported from OpenNebula with template vectors: its export
     * imported into a new inventory exports the same document, and so does its JSON backup restored.
     */
    @Test
    void exportImportExportGivesTheSameDocument() {
        String first;
        String backup;
        try (Inventory inv = open("source")) {
            InterchangeRoundTripTest.populate(inv);
            inv.users().createUser(ADMIN, "bob", "users");
            inv.users().addAcl(ADMIN, "@1 NET/* CREATE");
            inv.networks().create(inv.actor("bob"), TemplateParser.parse(
                    "NAME = bobnet\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.8.0.1, SIZE = 8 ]\n", "b"));
            inv.interchange().importFile(ADMIN, resource("opennebula-bridge.xml"), "bridge.xml");
            first = inv.interchange().exportXml(ADMIN, List.of());
            backup = inv.interchange().exportJson(ADMIN, List.of());
        }
        assertTrue(first.contains("<ROUTE>") && first.contains("<UNAME>bob</UNAME>"), first);
        try (Inventory inv = open("copy")) {
            inv.interchange().importFile(ADMIN, first, "first.xml");
            assertEquals(flatten(first), flatten(inv.interchange().exportXml(ADMIN, List.of())));
        }
        try (Inventory inv = open("restored")) {
            inv.interchange().importFile(ADMIN, backup, "backup.json");
            assertEquals(flatten(first), flatten(inv.interchange().exportXml(ADMIN, List.of())));
        }
    }

    /** Every element with text as {@code PATH[n]/CHILD[m] = text}, in document order; blanks between elements dropped. */
    static List<String> flatten(String xml) {
        try {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml))).getDocumentElement();
            List<String> out = new ArrayList<>();
            flatten(root, root.getTagName(), out);
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void flatten(Element e, String path, List<String> out) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        boolean children = false;
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                children = true;
                int n = seen.merge(child.getTagName(), 1, Integer::sum);
                flatten(child, path + "/" + child.getTagName() + "[" + n + "]", out);
            }
        }
        if (!children) {
            out.add(path + " = " + e.getTextContent());
        }
    }
}
