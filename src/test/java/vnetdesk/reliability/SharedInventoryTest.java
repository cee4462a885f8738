package vnetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.Nic;
import vnetdesk.service.Inventory;
import vnetdesk.template.TemplateParser;

/**
 * Two CLI processes on one shared inventory (an H2 server on loopback, as
 * {@code --db} uses it), each attaching NICs to its own VM on one network and
 * detaching them: no address is leased twice and the network's leases and
 * counters are exactly the NICs both VMs end with.
 */
class SharedInventoryTest {

    private static final int OPERATIONS = 60;

    @TempDir
    Path dir;

    @Test
    void twoCliProcessesAttachingAndDetachingOnOneSharedInventoryEndConsistent() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.resolve("server").toString(),
                "-ifNotExists").start();
        try {
            String url = "jdbc:h2:tcp://localhost:" + server.getPort() + "/shared";
            try (Inventory inventory = Inventory.openUrl(url)) {
                inventory.networks().create(Actor.ONEADMIN, TemplateParser.parse("NAME = busy\nVN_MAD = fw\n"
                        + "AR = [ TYPE = IP4, IP = 10.50.0.1, SIZE = 500 ]\n", "t"));
                inventory.vms().create(Actor.ONEADMIN, TemplateParser.parse("NAME = left\n", "t"));
                inventory.vms().create(Actor.ONEADMIN, TemplateParser.parse("NAME = right\n", "t"));
            }
            List<ChildJvm> workers = new ArrayList<>();
            for (String vm : List.of("left", "right")) {
                workers.add(ChildJvm.start(List.of(), SharedInventoryCliWorker.class.getName(),
                        List.of(url, vm, "busy", String.valueOf(OPERATIONS), String.valueOf(vm.hashCode())),
                        dir.resolve("worker-" + vm)));
            }
            for (ChildJvm worker : workers) {
                try {
                    Optional<String> done = worker.nextLine(600, TimeUnit.SECONDS);
                    assertTrue(done.filter(l -> l.startsWith("DONE ")).isPresent(),
                            "the worker finished: " + done + " " + worker.stderr());
                    System.out.println("shared inventory worker: " + done.get());
                    assertTrue(worker.process().waitFor(60, TimeUnit.SECONDS));
                    assertEquals(0, worker.process().exitValue(), worker.stderr());
                } finally {
                    worker.destroyIfAlive();
                }
            }
            try (Inventory inventory = Inventory.openUrl(url)) {
                InventorySnapshot snapshot = InventorySnapshot.read(inventory);
                assertEquals(List.of(), snapshot.violations());
                Map<String, LeaseOwner> fromVms = new HashMap<>();
                for (String name : List.of("left", "right")) {
                    var vm = inventory.vms().show(Actor.ONEADMIN, ObjectRef.name(name)).vm();
                    for (Nic nic : vm.nics()) {
                        LeaseOwner before = fromVms.put(nic.lease().orElseThrow().addresses().primary(),
                                new LeaseOwner.VmNic(vm.id(), nic.index()));
                        assertEquals(null, before, "an address held by two NICs");
                    }
                }
                assertEquals(fromVms, snapshot.ownersByAddress(0));
                assertEquals(fromVms.size(), snapshot.usedCounter(0));
            }
        } finally {
            server.stop();
        }
    }
}
