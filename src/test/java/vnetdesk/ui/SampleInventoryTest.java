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
import vnetdesk.service.vm.VmDetails;
import vnetdesk.template.TemplateParser;

/** File → Load sample: networks from the JSON sample plus groups, a template, a user, an ACL rule, hosts and VMs. */
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
            assertEquals(List.of("web-01 RUNNING on kvm-01 with 2 NIC(s)", "batch-01 PENDING with 1 NIC(s)",
                    "db-01 POWEROFF on kvm-02 with 1 NIC(s)", "dev-01 PENDING with 1 NIC(s)"),
                    inv.vms().list(Actor.ONEADMIN).stream().map(d -> d.vm().name() + " " + d.vm().state()
                            + d.host().map(h -> " on " + h.name()).orElse("") + " with " + d.nics().size()
                            + " NIC(s)").toList());
            VmDetails web = inv.vms().show(Actor.ONEADMIN, ObjectRef.name("web-01"));
            assertTrue(web.nics().get(1).nic().lease().orElseThrow().addresses().ip6Global().isPresent(),
                    "the dmz NIC is dual stack");
            assertEquals("dc-east", inv.hosts().show(Actor.ONEADMIN, ObjectRef.name("kvm-01")).cluster().name());
            assertTrue(inv.vms().create(Actor.ONEADMIN, TemplateParser.parse("NAME = x\n", "t"))
                    > 319, "new VMs take no id the sample's leases name");
            VnetException again = assertThrows(VnetException.class, () -> SampleInventory.load(inv, Actor.ONEADMIN));
            assertTrue(again.getMessage().contains("empty inventory"), again.getMessage());
        }
    }
}
