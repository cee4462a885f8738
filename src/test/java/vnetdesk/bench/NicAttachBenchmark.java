package vnetdesk.bench;

import static vnetdesk.bench.BenchStats.f0;
import static vnetdesk.bench.BenchStats.f1;
import static vnetdesk.bench.BenchStats.perSecond;
import static vnetdesk.bench.BenchStats.verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.Ipv4;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.vm.NicRequest;
import vnetdesk.template.TemplateParser;

/**
 * Row "NIC attach" (issue: VMs and NICs): 10,000 NIC attaches into one /16,
 * one transaction each, through VmService (VM read, lease, NIC row,
 * security-group state), compared in the same JVM with as many single-lease allocations
 * through LeaseService — the persisted IPAM row, whose target (≥ 5,000/s) the
 * attach must meet too. Each workload runs into a fresh inventory, once cold
 * and once warm; the verdict is taken on the warm passes. Timings are
 * reported, never asserted.
 */
public final class NicAttachBenchmark {

    private static final double TARGET_PER_SEC = 5_000;
    private static final long SLASH16 = 65_534;
    private static final int WARM_ROUNDS = 5;

    private final int attaches;
    private final int nicsPerVm;

    private NicAttachBenchmark(boolean quick) {
        this.attaches = quick ? 1_000 : 10_000;
        this.nicsPerVm = 10;
    }

    public static void main(String[] args) {
        boolean quick = IpamBenchmarks.isQuick(args);
        Runtime rt = Runtime.getRuntime();
        System.out.println("NIC attach benchmark" + (quick ? " (QUICK: reduced sizes)" : "") + " — " + Instant.now()
                + ", " + rt.availableProcessors() + " CPUs, max heap " + rt.maxMemory() / (1024 * 1024)
                + " MiB, Java " + System.getProperty("java.vm.version") + ", load average "
                + BenchStats.loadAverage());
        new NicAttachBenchmark(quick).run();
    }

    private void run() {
        BenchStats.Clock allocateCold = allocations();
        BenchStats.Clock attachCold = attaches();
        // the JIT needs tens of seconds of H2's commit path on two shared cores: measured passes alternate after that
        double[] allocateRates = new double[WARM_ROUNDS];
        double[] attachRates = new double[WARM_ROUNDS];
        for (int r = 0; r < WARM_ROUNDS; r++) {
            allocateRates[r] = perSecond(attaches, allocations().wall());
            attachRates[r] = perSecond(attaches, attaches().wall());
        }
        BenchStats.Summary allocate = BenchStats.Summary.of(allocateRates);
        BenchStats.Summary attach = BenchStats.Summary.of(attachRates);
        System.out.println();
        System.out.println("| workload | cold JVM | warm JVM, median of " + WARM_ROUNDS + " (min–max) | target | result |");
        System.out.println("|---|---|---|---|---|");
        System.out.println("| " + f0(attaches) + " × LeaseService.allocate into a /16, one transaction each | "
                + f0(perSecond(attaches, allocateCold.wall())) + " /s | " + f0(allocate.median()) + " /s ("
                + f0(allocate.min()) + "–" + f0(allocate.max()) + ") | ≥ 5,000 /s | "
                + verdict(allocate.median() >= TARGET_PER_SEC) + " |");
        System.out.println("| " + f0(attaches) + " × VmService.attachNic into the same /16 (" + nicsPerVm
                + " NICs per VM), one transaction each | " + f0(perSecond(attaches, attachCold.wall())) + " /s | "
                + f0(attach.median()) + " /s (" + f0(attach.min()) + "–" + f0(attach.max()) + "; "
                + f1(100.0 * attach.median() / allocate.median()) + " % of allocate) | ≥ 5,000 /s | "
                + verdict(attach.median() >= TARGET_PER_SEC) + " |");
        System.out.println("(load average after: " + BenchStats.loadAverage() + ")");
    }

    private BenchStats.Clock allocations() {
        try (BenchInventory bench = BenchInventory.fresh("allocate")) {
            Inventory inv = bench.inventory();
            inv.networks().create(Actor.ONEADMIN, BenchInventory.ip4Network("net16", Ipv4.parse("IP", "10.0.0.1"),
                    SLASH16));
            BenchStats.Clock start = BenchStats.Clock.now();
            for (int i = 0; i < attaches; i++) {
                inv.leases().allocate(Actor.ONEADMIN, ObjectRef.name("net16"), new LeaseOwner.VmNic(i, 0),
                        Optional.empty(), Optional.empty());
            }
            BenchStats.Clock took = BenchStats.Clock.now().since(start);
            System.out.println("allocate: " + f0(attaches) + " in " + f1(took.wall() / 1e9) + " s");
            return took;
        }
    }

    private BenchStats.Clock attaches() {
        try (BenchInventory bench = BenchInventory.fresh("attach")) {
            Inventory inv = bench.inventory();
            inv.networks().create(Actor.ONEADMIN, BenchInventory.ip4Network("net16", Ipv4.parse("IP", "10.0.0.1"),
                    SLASH16));
            List<Integer> vms = new ArrayList<>();
            for (int v = 0; v < attaches / nicsPerVm; v++) {
                vms.add(inv.vms().create(Actor.ONEADMIN, TemplateParser.parse("NAME = vm" + v + "\n", "bench")));
            }
            NicRequest request = NicRequest.on(ObjectRef.name("net16"));
            BenchStats.Clock start = BenchStats.Clock.now();
            for (int i = 0; i < attaches; i++) {
                int index = inv.vms().attachNic(Actor.ONEADMIN, ObjectRef.id(vms.get(i % vms.size())), request);
                if (index != i / vms.size()) {
                    throw new IllegalStateException("attach " + i + " got NIC " + index + ", expected " + i / vms.size());
                }
            }
            BenchStats.Clock took = BenchStats.Clock.now().since(start);
            long used = inv.queries().details(Actor.ONEADMIN, ObjectRef.name("net16"), 0).usedLeases();
            if (used != attaches) {
                throw new IllegalStateException("expected " + attaches + " leases, found " + used);
            }
            System.out.println("attach: " + f0(attaches) + " in " + f1(took.wall() / 1e9) + " s, inventory files "
                    + f1(bench.diskBytes() / 1024.0 / 1024.0) + " MiB");
            return took;
        }
    }
}
