package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetdesk.model.Actor;
import vnetdesk.model.AttributeVector;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;

/**
 * {@code vnet update} of a network with kept vectors (ROUTE, ROUTE, TAGS from an OpenNebula
 * document): replace mode replaces the list with the given vectors (none given keeps it), append
 * mode replaces the vectors of a given name and adds new ones.
 */
class NetworkUpdateVectorsTest {

    private static final Actor ADMIN = Actor.ONEADMIN;
    private static final ObjectRef NET = ObjectRef.id(12);

    @TempDir
    Path dir;

    private Inventory inv;

    @BeforeEach
    void importIt() {
        inv = Inventory.openDirectory(dir.resolve("inv"));
        inv.interchange().importFile(ADMIN, VnetXmlImportCorpusTest.resource("opennebula-bridge.xml"), "b.xml");
        inv.networks().unlock(ADMIN, NET);
    }

    @AfterEach
    void close() {
        inv.close();
    }

    private List<AttributeVector> vectors() {
        return inv.queries().details(ADMIN, NET, 0).network().vectors();
    }

    private void update(String template, boolean append) {
        inv.networks().update(ADMIN, NET, TemplateParser.parse(template, "u"), append);
    }

    @Test
    void replaceModeReplacesTheVectorList() {
        // as vnet show prints the template, edited: one route left, changed, and TAGS gone
        update("DESCRIPTION = \"edited\"\nROUTE = [ DESTINATION = \"10.9.0.0/16\", GATEWAY = \"10.1.0.1\" ]\n", false);
        assertEquals(List.of(new AttributeVector("ROUTE", Map.of("DESTINATION", "10.9.0.0/16", "GATEWAY", "10.1.0.1"))),
                vectors());
        assertEquals("edited", inv.queries().details(ADMIN, NET, 0).network().description());
        update("DESCRIPTION = \"again\"\n", false);
        assertEquals(1, vectors().size(), "a template without vectors (the console's editor) keeps them");
    }

    @Test
    void appendModeReplacesVectorsOfAGivenNameAndAddsNewOnes() {
        update("TAGS = [ OWNER = \"ops\" ]\nLABELS = [ ENV = \"prod\" ]\n", true);
        assertEquals(List.of("ROUTE", "ROUTE", "TAGS", "LABELS"), vectors().stream().map(AttributeVector::name).toList());
        assertEquals(Map.of("OWNER", "ops"), vectors().get(2).entries());
        assertEquals(Map.of("DESTINATION", "192.168.0.0/16", "GATEWAY", "10.1.0.254"), vectors().get(0).entries());
    }
}
