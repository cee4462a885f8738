package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VnetException;
import vnetdesk.service.Inventory;

/** File → Load sample: networks from the JSON sample plus groups, a template, a user and an ACL rule. */
class SampleInventoryTest {

    @Test
    void theSampleFillsAnEmptyInventoryOnce(@TempDir Path dir) throws Exception {
        try (Inventory inv = Inventory.openDirectory(dir)) {
            List<Integer> ids = SampleInventory.load(inv, Actor.ONEADMIN);
            assertEquals(7, ids.size());
            assertEquals(List.of("default", "web", "ssh-from-mgmt"), inv.securityGroups().list(Actor.ONEADMIN)
                    .stream().map(g -> g.group().name()).toList());
            assertEquals(List.of(100, 101), inv.queries().details(Actor.ONEADMIN, ObjectRef.name("office-lan"),
                    0).network()
                    .securityGroups());
            assertTrue(inv.securityGroups().effectiveRules(Actor.ONEADMIN,
                    ObjectRef.name("office-lan")).warning().isEmpty());
            assertEquals(2, inv.templates().list(Actor.ONEADMIN).size());
            assertEquals(1, inv.users().acls().size());
            VnetException again = assertThrows(VnetException.class, () -> SampleInventory.load(inv, Actor.ONEADMIN));
            assertTrue(again.getMessage().contains("empty inventory"), again.getMessage());
        }
    }
}
