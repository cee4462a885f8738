package vnetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.Ipv4;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.Nic;
import vnetdesk.service.Inventory;
import vnetdesk.template.TemplateParser;

/**
 * Issue 13: a console keeps the inventory open while CLI commands run beside
 * it in parallel. A console-like process ({@link InventoryHolder}, which opens
 * the inventory as the console does) holds the folder open; 8 {@code vnet hold}
 * processes (8 addresses each) and 8 {@code vm nic-attach --network} processes
 * (one automatically picked address each) start together on the same
 * {@code --data} folder. Every one must exit 0, no address may be leased twice,
 * and every hold and NIC must be in the inventory with the AR counter equal to
 * the lease rows.
 */
class ParallelCliHoldsTest {

    private static final int PROCESSES = 8;
    private static final int PER_HOLD = 8;
    private static final Ipv4 FIRST = Ipv4.parse("IP", "10.60.0.1");
    /** Holds name addresses from here on; the attaches pick the lowest free ones, below. */
    private static final int HOLDS_FROM = 100;

    @TempDir
    Path dir;

    @Test
    void eightHoldsAndEightAttachesFromSeparateCliProcessesBesideAConsoleAllSucceed() throws Exception {
        Path data = dir.resolve("inventory");
        ChildJvm console = ChildJvm.start(List.of(), InventoryHolder.class.getName(), List.of(data.toString()),
                dir.resolve("console"));
        try {
            Optional<String> ready = console.nextLine(120, TimeUnit.SECONDS);
            assertTrue(ready.filter(l -> l.startsWith("READY ")).isPresent(), "console: " + ready + console.stderr());
            try (Inventory inventory = Inventory.openDirectory(data)) {
                inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = par\nVN_MAD = fw\n"
                        + "AR = [ TYPE = IP4, IP = " + FIRST + ", SIZE = 200 ]\n", "t"));
                for (int i = 0; i < PROCESSES; i++) {
                    inventory.vms().create(Actor.ONEADMIN, TemplateParser.parse("NAME = vm" + i + "\n", "t"));
                }
            }

            long start = System.nanoTime();
            Map<String, ChildJvm> clis = new LinkedHashMap<>();
            Map<String, List<String>> holdsAsked = new HashMap<>();
            for (int i = 0; i < PROCESSES; i++) {
                List<String> addresses = new ArrayList<>();
                for (int k = 0; k < PER_HOLD; k++) {
                    addresses.add(FIRST.plus(HOLDS_FROM + i * PER_HOLD + k).toString());
                }
                List<String> hold = new ArrayList<>(List.of("--data", data.toString(), "vnet", "hold", "par"));
                hold.addAll(addresses);
                holdsAsked.put("hold" + i, addresses);
                clis.put("hold" + i, ChildJvm.start(List.of(), "vnetdesk.Main", hold, dir.resolve("hold" + i)));
                clis.put("attach" + i, ChildJvm.start(List.of(), "vnetdesk.Main", List.of("--data", data.toString(),
                        "vm", "nic-attach", "vm" + i, "--network", "par"), dir.resolve("attach" + i)));
            }
            for (Map.Entry<String, ChildJvm> e : clis.entrySet()) {
                Process p = e.getValue().process();
                try {
                    assertTrue(p.waitFor(300, TimeUnit.SECONDS), e.getKey() + " did not end");
                    assertEquals(0, p.exitValue(), e.getKey() + " failed: " + e.getValue().stderr());
                } finally {
                    e.getValue().destroyIfAlive();
                }
            }
            long wallMs = (System.nanoTime() - start) / 1_000_000;

            try (Inventory inventory = Inventory.openDirectory(data)) {
                InventorySnapshot snapshot = InventorySnapshot.read(inventory);
                assertEquals(List.of(), snapshot.violations());
                int net = snapshot.networkNamed("par").orElseThrow().id();
                Map<String, LeaseOwner> expected = new HashMap<>();
                holdsAsked.values().forEach(list -> list.forEach(a -> expected.put(a, new LeaseOwner.Hold())));
                for (int i = 0; i < PROCESSES; i++) {
                    var vm = inventory.vms().show(Actor.ONEADMIN, ObjectRef.name("vm" + i)).vm();
                    assertEquals(1, vm.nics().size(), "vm" + i + " has its NIC");
                    Nic nic = vm.nics().get(0);
                    LeaseOwner before = expected.put(nic.lease().orElseThrow().addresses().primary(),
                            new LeaseOwner.VmNic(vm.id(), nic.index()));
                    assertEquals(null, before, "an address given twice: " + nic);
                }
                assertEquals(expected, snapshot.ownersByAddress(net));
                assertEquals(PROCESSES * (PER_HOLD + 1), snapshot.usedCounter(net));
                System.out.println("parallel CLI beside a console: " + clis.size() + " processes, all exit 0, "
                        + expected.size() + " leases, no address twice, wall " + wallMs + " ms");
            }
        } finally {
            console.closeStdin();
            console.process().waitFor(60, TimeUnit.SECONDS);
            console.destroyIfAlive();
        }
    }
}
