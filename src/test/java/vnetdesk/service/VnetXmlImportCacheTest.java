package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;

/**
 * An XML import that keeps a network id makes the allocator cache forget it: the id may be a
 * network another console deleted, whose used set this process still holds at a version the
 * imported AR can have again.
 */
class VnetXmlImportCacheTest {

    private static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    Path dir;

    @Test
    void aKeptIdOfANetworkDeletedElsewhereIsNotServedFromTheCache() {
        try (Inventory here = Inventory.openDirectory(dir.resolve("inv"));
             Inventory other = Inventory.openDirectory(dir.resolve("inv"))) {
            int id = here.networks().create(ADMIN, TemplateParser.parse(
                    "NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 4 ]\n", "t"));
            ObjectRef ref = ObjectRef.id(id);
            // this process caches AR 0 at version 1 with 10.0.0.1 used
            here.leases().hold(ADMIN, ref, List.of("10.0.0.1"), Optional.empty());
            // another console frees it, exports the network holding 10.0.0.2 and deletes it
            other.leases().release(ADMIN, ref, List.of("10.0.0.1"), Optional.empty());
            other.leases().hold(ADMIN, ref, List.of("10.0.0.2"), Optional.empty());
            String xml = other.interchange().exportXml(ADMIN, List.of(ref));
            other.leases().release(ADMIN, ref, List.of("10.0.0.2"), Optional.empty());
            other.networks().delete(ADMIN, ref);
            // imported again here with its id: AR 0 is at version 1 again, with 10.0.0.2 used
            assertEquals(List.of(id), here.interchange().importFile(ADMIN, xml, "lan.xml"));
            here.leases().hold(ADMIN, ref, List.of("10.0.0.1"), Optional.empty());
            assertEquals(List.of("10.0.0.1", "10.0.0.2"), here.queries().details(ADMIN, ref, 10).leases().stream()
                    .map(l -> l.addresses().ip().map(Object::toString).orElse("?")).toList());
        }
    }
}
