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
import vnetdesk.model.Ipv4;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.template.TemplateParser;

/**
 * Many threads taking addresses from one network through the same inventory
 * at once: no address is handed to two callers, and the counters and lease
 * rows agree with what the callers were given.
 */
class ConcurrentAllocationTest {

    private static final int THREADS = 8;
    private static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    Path dir;

    private Inventory inventory;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        inventory = Inventory.openDirectory(dir.resolve("inventory"));
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        inventory.close();
    }

    /** What one successful call handed out. */
    private record Taken(String address, LeaseOwner owner) {
    }

    /** What one thread saw: the addresses it was given, and refusals by kind. */
    private record ThreadResult(List<Taken> taken, int alreadyUsed, int noFreeAddress) {
    }

    @Test
    void holdsAndAllocationsFromEightThreadsNeverShareAnAddress() throws Exception {
        int net = createNetwork("busy", 1022, 254);
        Ipv4 first = Ipv4.parse("IP", "10.30.0.1");
        Ipv4 second = Ipv4.parse("IP", "10.30.4.1");
        int operationsPerThread = 150;
        List<ThreadResult> results = runTogether(t -> {
            Random random = new Random(7_000L + t);
            List<Taken> taken = new ArrayList<>();
            int conflicts = 0;
            for (int i = 0; i < operationsPerThread; i++) {
                if (random.nextBoolean()) {
                    Lease l = inventory.leases().allocate(ADMIN, ObjectRef.name("busy"),
                            new LeaseOwner.VmNic(t * 1000 + i, 0),
                            Optional.empty(), Optional.empty());
                    taken.add(new Taken(l.addresses().primary(), l.owner()));
                    continue;
                }
                String address = random.nextInt(1276) < 1022 ? first.plus(random.nextInt(1022)).toString()
                        : second.plus(random.nextInt(254)).toString();
                try {
                    for (Lease l : inventory.leases().hold(ADMIN, ObjectRef.name("busy"), List.of(address),
                            Optional.empty())) {
                        taken.add(new Taken(l.addresses().primary(), l.owner()));
                    }
                } catch (ConflictException e) {
                    assertTrue(e.getMessage().contains(address + " is already used by"), e.getMessage());
                    conflicts++;
                }
            }
            return new ThreadResult(taken, conflicts, 0);
        });

        Map<String, LeaseOwner> handedOut = handedOutOnce(results);
        int attempts = THREADS * operationsPerThread;
        int refused = results.stream().mapToInt(ThreadResult::alreadyUsed).sum();
        assertEquals(attempts, handedOut.size() + refused, "every call either took an address or was refused");
        assertStoredExactly(net, handedOut);
        System.out.println("concurrency: " + THREADS + " threads x " + operationsPerThread + " holds/allocations: "
                + handedOut.size() + " addresses handed out, " + refused + " holds refused as already used");
    }

    @Test
    void eightThreadsAllocatingUntilFullGetEveryAddressExactlyOnce() throws Exception {
        int size = 200 + 56;
        int net = createNetwork("small", 200, 56);
        List<ThreadResult> results = runTogether(t -> {
            List<Taken> taken = new ArrayList<>();
            for (int i = 0; ; i++) {
                try {
                    Lease l = inventory.leases().allocate(ADMIN, ObjectRef.name("small"),
                            new LeaseOwner.VmNic(t * 1000 + i, 1),
                            Optional.empty(), Optional.empty());
                    taken.add(new Taken(l.addresses().primary(), l.owner()));
                } catch (ConflictException e) {
                    assertTrue(e.getMessage().startsWith("no free address in network"), e.getMessage());
                    return new ThreadResult(taken, 0, 1);
                }
            }
        });

        Map<String, LeaseOwner> handedOut = handedOutOnce(results);
        assertEquals(size, handedOut.size(), "every address of the network was allocated");
        assertEquals(THREADS, results.stream().mapToInt(ThreadResult::noFreeAddress).sum(),
                "every thread stopped at \"no free address\"");
        Ipv4 first = Ipv4.parse("IP", "10.30.0.1");
        Ipv4 second = Ipv4.parse("IP", "10.30.4.1");
        for (int i = 0; i < 200; i++) {
            assertTrue(handedOut.containsKey(first.plus(i).toString()), "allocated: " + first.plus(i));
        }
        for (int i = 0; i < 56; i++) {
            assertTrue(handedOut.containsKey(second.plus(i).toString()), "allocated: " + second.plus(i));
        }
        assertStoredExactly(net, handedOut);
        System.out.println("concurrency: " + THREADS + " threads allocating until full: " + handedOut.size()
                + " of " + size + " addresses allocated, per thread "
                + results.stream().map(r -> r.taken().size()).toList());
    }

    /** A network with an IP4 AR at 10.30.0.1 and an IP4_6 AR at 10.30.4.1. */
    private int createNetwork(String name, int ip4Size, int dualSize) {
        return inventory.networks().create(ADMIN, TemplateParser.parse("NAME = " + name + "\nVN_MAD = fw\n"
                + "AR = [ TYPE = IP4, IP = 10.30.0.1, SIZE = " + ip4Size + " ]\n"
                + "AR = [ TYPE = IP4_6, IP = 10.30.4.1, SIZE = " + dualSize + ", GLOBAL_PREFIX = 2001:db8:30:: ]\n",
                "concurrency-test"));
    }

    /** A worker body for thread number t. */
    @FunctionalInterface
    private interface Body {
        ThreadResult run(int t) throws Exception;
    }

    /** Runs the body on every thread, released together by a start gate; returns their results. */
    private List<ThreadResult> runTogether(Body body) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ThreadResult>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<ThreadResult> task = () -> {
                ready.countDown();
                start.await();
                return body.run(thread);
            };
            futures.add(pool.submit(task));
        }
        assertTrue(ready.await(30, TimeUnit.SECONDS), "all threads started");
        start.countDown();
        List<ThreadResult> results = new ArrayList<>();
        for (Future<ThreadResult> f : futures) {
            results.add(f.get(120, TimeUnit.SECONDS));
        }
        return results;
    }

    /** Merges every thread's addresses, failing if one address was given to two callers. */
    private static Map<String, LeaseOwner> handedOutOnce(List<ThreadResult> results) {
        Map<String, LeaseOwner> all = new HashMap<>();
        for (ThreadResult r : results) {
            for (Taken t : r.taken()) {
                LeaseOwner before = all.put(t.address(), t.owner());
                assertNull(before, t.address() + " was handed to " + before + " and to " + t.owner());
            }
        }
        return all;
    }

    /** The lease rows are exactly what the callers were given, the counters agree, the invariants hold. */
    private void assertStoredExactly(int networkId, Map<String, LeaseOwner> handedOut) {
        InventorySnapshot snapshot = InventorySnapshot.read(inventory);
        assertEquals(List.of(), snapshot.violations());
        assertEquals(handedOut, snapshot.ownersByAddress(networkId));
        assertEquals(handedOut.size(), snapshot.usedCounter(networkId), "USED counters = successful calls");
        assertEquals(handedOut.size(), inventory.queries().details(ADMIN, ObjectRef.id(networkId), 0)
                .usedPerAr().values().stream().mapToLong(Long::longValue).sum());
    }
}
