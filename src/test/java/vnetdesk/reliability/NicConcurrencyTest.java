package vnetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.Nic;
import vnetdesk.model.vm.Vm;
import vnetdesk.service.Inventory;
import vnetdesk.service.vm.NicRequest;
import vnetdesk.template.TemplateParser;

/**
 * Eight threads, each attaching NICs to its own VM on one network and
 * detaching them again, 500 operations each: no address is ever leased to two
 * NICs at once, and at the end the leases of the network, its counters and
 * the NICs of the VMs are the same set.
 */
class NicConcurrencyTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS = 500;
    private static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    Path dir;
    private Inventory inventory;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        inventory = Inventory.openDirectory(dir.resolve("inventory"));
        pool = Executors.newFixedThreadPool(THREADS);
        inventory.networks().create(ADMIN, TemplateParser.parse("NAME = busy\nVN_MAD = fw\n"
                + "AR = [ TYPE = IP4, IP = 10.40.0.1, SIZE = 300 ]\n"
                + "AR = [ TYPE = IP4_6, IP = 10.40.4.1, SIZE = 100, GLOBAL_PREFIX = 2001:db8:40:: ]\n", "t"));
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        inventory.close();
    }

    @Test
    void eightThreadsAttachingAndDetachingNeverShareAnAddressAndEndConsistent() throws Exception {
        List<Integer> vms = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            vms.add(inventory.vms().create(ADMIN, TemplateParser.parse("NAME = vm" + t + "\n", "t")));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<Integer, String>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int vm = vms.get(t);
            long seed = 9_000L + t;
            Callable<Map<Integer, String>> worker = () -> {
                start.await();
                return attachAndDetach(vm, new Random(seed));
            };
            futures.add(pool.submit(worker));
        }
        start.countDown();
        Map<String, LeaseOwner> live = new HashMap<>();
        for (int t = 0; t < THREADS; t++) {
            for (Map.Entry<Integer, String> nic : futures.get(t).get(300, TimeUnit.SECONDS).entrySet()) {
                LeaseOwner before = live.put(nic.getValue(), new LeaseOwner.VmNic(vms.get(t), nic.getKey()));
                assertNull(before, nic.getValue() + " is held by two NICs: " + before + " and VM " + vms.get(t));
            }
        }

        InventorySnapshot snapshot = InventorySnapshot.read(inventory);
        assertEquals(List.of(), snapshot.violations());
        assertEquals(live, snapshot.ownersByAddress(0), "the leases are exactly the NICs the threads kept");
        assertEquals(live.size(), snapshot.usedCounter(0), "the AR counters count them");
        Map<String, LeaseOwner> fromVms = new HashMap<>();
        for (int id : vms) {
            Vm vm = inventory.vms().show(ADMIN, ObjectRef.id(id)).vm();
            for (Nic nic : vm.nics()) {
                fromVms.put(nic.lease().orElseThrow().addresses().primary(), new LeaseOwner.VmNic(id, nic.index()));
            }
        }
        assertEquals(live, fromVms, "every VM's NICs are the leases the network has");
        System.out.println("NIC concurrency: " + THREADS + " threads x " + OPERATIONS + " attaches/detaches, "
                + live.size() + " NICs left attached");
    }

    /**
     * Attaches NICs (first free, or a specific free-looking address now and
     * then, which another thread may have taken) and detaches random ones; a
     * refusal (address taken, network full) is allowed and counted as nothing.
     * Returns the NICs it kept, index to address.
     */
    private Map<Integer, String> attachAndDetach(int vm, Random random) {
        Map<Integer, String> kept = new HashMap<>();
        for (int i = 0; i < OPERATIONS; i++) {
            if (!kept.isEmpty() && random.nextInt(5) < 2) {
                List<Integer> indexes = new ArrayList<>(kept.keySet());
                int index = indexes.get(random.nextInt(indexes.size()));
                inventory.vms().detachNic(ADMIN, ObjectRef.id(vm), index);
                kept.remove(index);
                continue;
            }
            NicRequest request = NicRequest.on(ObjectRef.name("busy"));
            if (random.nextInt(4) == 0) {
                request = new NicRequest(request.network(), request.automatic(),
                        Optional.of("10.40.0." + (1 + random.nextInt(250))), request.arId(),
                        request.securityGroups(), request.qos(), request.model(), request.attributes());
            }
            try {
                int index = inventory.vms().attachNic(ADMIN, ObjectRef.id(vm), request);
                Nic nic = inventory.vms().show(ADMIN, ObjectRef.id(vm)).vm().nic(index).orElseThrow();
                kept.put(index, nic.lease().orElseThrow().addresses().primary());
            } catch (ConflictException e) {
                assertTrue(e.getMessage().contains("is already used by") || e.getMessage().startsWith("no free address"),
                        e.getMessage());
            }
        }
        return kept;
    }
}
