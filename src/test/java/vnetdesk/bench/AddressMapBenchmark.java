package vnetdesk.bench;

import static vnetdesk.bench.FxBench.onFx;
import static vnetdesk.bench.FxBench.onFxRun;
import static vnetdesk.bench.FxBench.pulse;
import static vnetdesk.bench.FxBench.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Label;

import vnetdesk.ipam.UsedIndexSet;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.AddressMap;
import vnetdesk.service.Inventory;
import vnetdesk.service.ReservationService;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.FxTaskRunner;
import vnetdesk.ui.network.NetworkDetailView;

/**
 * The address map of a /8 (issue 13): the service query alone, the Addresses
 * tab from {@code show(id)} to the map painted, the per-cell count of a full
 * /8 in memory, and, for contrast, counting the same leases from their rows.
 * Timings are printed, never asserted. Headless through Monocle unless
 * {@code DISPLAY} is set; {@code --quick} for a harness check.
 */
public final class AddressMapBenchmark {

    private static final Actor ADMIN = Actor.ONEADMIN;
    private static final long SLASH8_LAST = 16_777_213;

    private AddressMapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int runs = quick ? 2 : 7;
        boolean headless = System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isEmpty();
        if (headless) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", "1600x1200-32");
        }
        System.out.println("address map benchmark — " + java.time.Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.vm.version")
                + ", " + (headless ? "headless (Monocle, software rendering)" : "DISPLAY=" + System.getenv("DISPLAY"))
                + ", load average " + BenchStats.loadAverage() + (quick ? " (QUICK: figures not comparable)" : ""));
        inMemory(runs);
        Path data = Files.createTempDirectory("vnetdesk-map-bench").resolve("inventory");
        Inventory inv = Inventory.openDirectory(data);
        long t0 = System.nanoTime();
        int big = inv.networks().create(ADMIN, TemplateParser.parse("NAME = big\nVN_MAD = bridge\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 16777214 ]\n", "bench"));
        int small = inv.networks().create(ADMIN, TemplateParser.parse("NAME = small\nVN_MAD = bridge\n"
                + "AR = [ TYPE = IP4, IP = 192.168.0.1, SIZE = 254 ]\n", "bench"));
        inv.leases().hold(ADMIN, ObjectRef.id(small), List.of("192.168.0.1-192.168.0.100"), Optional.empty());
        inv.leases().hold(ADMIN, ObjectRef.id(big), quick ? List.of("10.1.0.0-10.1.15.255")
                : List.of("10.1.0.0-10.1.255.255", "10.2.0.0-10.2.255.255"), Optional.empty());
        List<String> scattered = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            scattered.add("10." + (10 + i % 50) + "." + (i / 50) + ".7"); // below the reservation at 10.64
        }
        inv.leases().hold(ADMIN, ObjectRef.id(big), scattered, Optional.empty());
        inv.reservations().reserve(ADMIN, ObjectRef.id(big), new ReservationService.Request(quick ? 1024 : 32_768,
                Optional.of("labs"), Optional.empty(), Optional.empty(), Optional.of("10.64.0.0")));
        long used = inv.queries().details(ADMIN, ObjectRef.id(big), 0).usedLeases();
        System.out.printf("%n/8 network (16,777,214 addresses) with %,d leases prepared in %.1f s%n", used,
                (System.nanoTime() - t0) / 1e9);

        List<Double> query = new ArrayList<>();
        List<Double> queryCpu = new ArrayList<>();
        long coldStart = System.nanoTime();
        AddressMap first = inv.queries().addressMap(ADMIN, ObjectRef.id(big), 0, AddressMap.Window.whole(SLASH8_LAST),
                1024);
        double cold = BenchStats.millis(System.nanoTime() - coldStart);
        check(first.used() == used, "the map counts " + first.used() + " used, the network " + used);
        for (int run = 0; run < runs; run++) {
            long cpu = BenchStats.threadCpuNanos();
            long s = System.nanoTime();
            inv.queries().addressMap(ADMIN, ObjectRef.id(big), 0, AddressMap.Window.whole(SLASH8_LAST), 1024);
            query.add(BenchStats.millis(System.nanoTime() - s));
            queryCpu.add(BenchStats.millis(BenchStats.threadCpuNanos() - cpu));
        }
        List<Double> rows = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long s = System.nanoTime();
            long counted = inv.queries().blockUsage(ADMIN, ObjectRef.id(big), 0, AddressMap.Window.whole(SLASH8_LAST))
                    .values().stream().mapToLong(Long::longValue).sum();
            rows.add(BenchStats.millis(System.nanoTime() - s));
            check(counted == used, "the rows count " + counted);
        }
        List<Double> smallQuery = new ArrayList<>();
        for (int run = 0; run < runs + 1; run++) {
            long s = System.nanoTime();
            inv.queries().addressMap(ADMIN, ObjectRef.id(small), 0, AddressMap.Window.whole(253), 1024);
            if (run > 0) {
                smallQuery.add(BenchStats.millis(System.nanoTime() - s));
            }
        }
        List<List<Double>> tabs = tab(inv, big, small, runs);
        System.out.println("| measure | runs | min ms | median ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| `addressMap` of the whole /8, first call in the JVM (cold code; the holds had already put the allocator's set in its cache) "
                + "| 1 | %s | | |%n", BenchStats.f1(cold));
        row("`addressMap` of the whole /8, 1,024 cells (wall)", query);
        row("the same, CPU time of the calling thread", queryCpu);
        row("`addressMap` of a /24 with 100 holds, 254 single cells (reads their lease rows), for comparison",
                smallQuery);
        row("Addresses tab: `show(id)` to the /8 map painted (details, ARs, map query, paint, one pulse)",
                tabs.get(0));
        row("Addresses tab: `show(id)` to the /24 map painted, for comparison", tabs.get(1));
        row("for contrast: counting the same leases from their rows (`blockUsage` of the whole /8)", rows);
        inv.close();
        System.exit(0);
    }

    /** The per-cell count alone, on a /8 whose every address is used (256 bitmap containers). */
    private static void inMemory(int runs) {
        UsedIndexSet full = new UsedIndexSet(SLASH8_LAST);
        for (long i = 0; i <= SLASH8_LAST; i++) {
            full.add(i);
        }
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < runs + 3; run++) {
            long s = System.nanoTime();
            long[] cells = full.usedPerCell(0, SLASH8_LAST, 14);
            double ms = BenchStats.millis(System.nanoTime() - s);
            check(Arrays.stream(cells).sum() == SLASH8_LAST + 1, "full /8 counted wrong");
            if (run >= 3) { // the first runs warm the JIT up
                times.add(ms);
            }
        }
        System.out.println();
        System.out.println("| measure | runs | min ms | median ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        row("`UsedIndexSet.usedPerCell`, full /8 (16,777,214 used), 1,024 cells of 16,384", times);
        List<Double> fine = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long s = System.nanoTime();
            full.usedPerCell(65_536 * 17, 65_536 * 17 + 16_383, 4);
            fine.add(BenchStats.millis(System.nanoTime() - s));
        }
        row("the same, one block of 16,384 zoomed into: 1,024 cells of 16", fine);
    }

    /** The tab's time to the painted map of the /8 and of the /24, alternating. */
    private static List<List<Double>> tab(Inventory inv, int big, int small, int runs) throws Exception {
        FxBench.DetailWindow window = FxBench.detailView(inv, ADMIN, 4);
        FxTaskRunner runner = window.runner();
        NetworkDetailView detail = window.view();
        Label scale = onFx(() -> (Label) detail.node().lookup("#map-scale"));
        List<Double> times = new ArrayList<>();
        List<Double> smallTimes = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long t = System.nanoTime();
            onFxRun(() -> detail.show(small, () -> { }));
            waitUntil(() -> scale.getText().endsWith("1 address"));
            pulse();
            smallTimes.add(BenchStats.millis(System.nanoTime() - t));
            waitUntil(() -> runner.running().get() == 0);
            long s = System.nanoTime();
            onFxRun(() -> detail.show(big, () -> { }));
            waitUntil(() -> scale.getText().endsWith("16,384 addresses"));
            pulse();
            times.add(BenchStats.millis(System.nanoTime() - s));
            waitUntil(() -> runner.running().get() == 0);
        }
        onFxRun(window.stage()::close);
        return List.of(times, smallTimes);
    }

    private static void row(String what, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        s.sort(null);
        System.out.printf("| %s | %d | %s | %s | %s |%n", what, s.size(), BenchStats.f1(s.get(0)),
                BenchStats.f1(s.get(s.size() / 2)), BenchStats.f1(s.get(s.size() - 1)));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
