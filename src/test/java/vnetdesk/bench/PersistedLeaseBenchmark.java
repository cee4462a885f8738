package vnetdesk.bench;

import static vnetdesk.bench.BenchStats.f0;
import static vnetdesk.bench.BenchStats.f1;
import static vnetdesk.bench.BenchStats.millis;
import static vnetdesk.bench.BenchStats.perSecond;
import static vnetdesk.bench.BenchStats.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;

/**
 * Row "IPAM persisted": single-lease allocations through LeaseService into a fresh
 * H2 inventory, one transaction each, and a bulk hold of a whole /16 in one call.
 *
 * <p>The allocation workload runs twice, each time into a new inventory: first in a
 * cold JVM (as a CLI process or a just-started console meets it), then again once
 * the JIT has compiled H2's commit path, which on two shared cores takes tens of
 * seconds. The verdict is taken on the warm pass; both are printed.
 */
public final class PersistedLeaseBenchmark {

    private static final double TARGET_LEASES_PER_SEC = 5_000;
    private static final double TARGET_BULK_MS = 2_000;
    private static final long SLASH16_SIZE = 65_534;
    private static final int CHUNK = 8_192;

    private final long allocations;
    private final int bulkRuns;

    PersistedLeaseBenchmark(boolean quick) {
        this.allocations = quick ? 6_000 : SLASH16_SIZE;
        this.bulkRuns = quick ? 1 : 3;
    }

    public static void main(String[] args) {
        new PersistedLeaseBenchmark(IpamBenchmarks.isQuick(args)).run();
    }

    void run() {
        System.out.println("== IPAM persisted: LeaseService into H2 ==");
        BenchStats.Clock cold = allocationPass("cold JVM");
        BenchStats.Clock warm = allocationPass("warm JVM");

        double[] bulkMs = new double[bulkRuns];
        double[] bulkCpuMs = new double[bulkRuns];
        try (BenchInventory bench = BenchInventory.fresh("bulk")) {
            Inventory inv = bench.inventory();
            for (int r = 0; r < bulkRuns; r++) {
                String name = "hold16-" + r;
                String net = "10." + (r + 1);
                inv.networks().create(Actor.ONEADMIN, BenchInventory.ip4Network(name, Ipv4.parse("IP", net + ".0.1"),
                        SLASH16_SIZE));
                BenchStats.Clock t0 = BenchStats.Clock.now();
                List<Lease> held = inv.leases().hold(Actor.ONEADMIN, ObjectRef.name(name),
                        List.of(net + ".0.1-" + net + ".255.254"), Optional.empty());
                BenchStats.Clock took = BenchStats.Clock.now().since(t0);
                bulkMs[r] = millis(took.wall());
                bulkCpuMs[r] = millis(took.threadCpu());
                if (held.size() != SLASH16_SIZE) {
                    throw new IllegalStateException("held " + held.size());
                }
                System.out.println("bulk hold of " + net + ".0.1-" + net + ".255.254 (65,534 leases) on a fresh network: "
                        + f1(bulkMs[r]) + " ms wall, " + f1(bulkCpuMs[r]) + " ms thread CPU, "
                        + f1(millis(took.processCpu())) + " ms process CPU");
            }
        }
        BenchStats.Summary bulk = BenchStats.Summary.of(bulkMs);
        BenchStats.Summary bulkCpu = BenchStats.Summary.of(bulkCpuMs);

        System.out.println();
        System.out.println("| workload | measured (wall) | per CPU-second of the calling thread | target | result |");
        System.out.println("|---|---|---|---|---|");
        printPass("cold JVM", cold, "(shown, not judged)");
        printPass("warm JVM", warm, verdict(perSecond(allocations, warm.wall()) >= TARGET_LEASES_PER_SEC));
        System.out.println("| LeaseService.hold of a whole /16 (65,534 addresses) in one call | median " + f0(bulk.median())
                + " ms (min " + f0(bulk.min()) + ", max " + f0(bulk.max()) + ", " + bulk.count() + " runs) | median "
                + f0(bulkCpu.median()) + " ms CPU | < 2,000 ms | " + verdict(bulk.median() < TARGET_BULK_MS) + " |");
    }

    private void printPass(String label, BenchStats.Clock total, String result) {
        System.out.println("| " + f0(allocations) + " × LeaseService.allocate, one transaction each, " + label + " | "
                + f0(perSecond(allocations, total.wall())) + " leases/s (" + f1(total.wall() / 1e9) + " s) | "
                + f0(perSecond(allocations, total.threadCpu())) + " leases/s | ≥ 5,000 leases/s | " + result + " |");
    }

    private static String mib(long bytes) {
        return f1(bytes / 1024.0 / 1024.0);
    }

    /** Allocates every address of a /16 AR of a fresh inventory, one call each; checks and returns the time taken. */
    private BenchStats.Clock allocationPass(String label) {
        List<String> blockRates = new ArrayList<>();
        try (BenchInventory bench = BenchInventory.fresh("persisted")) {
            Inventory inv = bench.inventory();
            inv.networks().create(Actor.ONEADMIN, BenchInventory.ip4Network("alloc16", Ipv4.parse("IP", "10.0.0.1"),
                    allocations));
            BenchStats.Clock start = BenchStats.Clock.now();
            BenchStats.Clock blockStart = start;
            Lease last = null;
            for (int i = 0; i < allocations; i++) {
                last = inv.leases().allocate(Actor.ONEADMIN, ObjectRef.name("alloc16"), new LeaseOwner.VmNic(i, 0),
                        Optional.empty(), Optional.empty());
                if ((i + 1) % CHUNK == 0 || i + 1 == allocations) {
                    BenchStats.Clock now = BenchStats.Clock.now();
                    BenchStats.Clock took = now.since(blockStart);
                    int inBlock = (i % CHUNK) + 1;
                    blockRates.add(f0(perSecond(inBlock, took.wall())) + " (" + f0(perSecond(inBlock, took.threadCpu()))
                            + ")");
                    blockStart = now;
                }
            }
            BenchStats.Clock total = BenchStats.Clock.now().since(start);
            long used = inv.queries().details(Actor.ONEADMIN, ObjectRef.name("alloc16"), 0).usedLeases();
            if (used != allocations || last.index() != allocations - 1) {
                throw new IllegalStateException("expected " + allocations + " leases, found " + used
                        + ", last index " + last.index());
            }
            long openBytes = bench.diskBytes();
            long closedBytes = bench.closeInventoryAndMeasure();
            System.out.println(label + ": " + f0(allocations) + " allocations (last " + last.addresses().primary() + ", "
                    + last.owner().label() + "): wall " + f1(total.wall() / 1e9) + " s, calling thread CPU "
                    + f1(total.threadCpu() / 1e9) + " s, process CPU " + f1(total.processCpu() / 1e9)
                    + " s; inventory files " + mib(openBytes) + " MiB while open, " + mib(closedBytes)
                    + " MiB after close");
            System.out.println("  leases/s per block of " + CHUNK + ", wall (per CPU-second of the calling thread): "
                    + String.join(", ", blockRates));
            return total;
        }
    }
}
