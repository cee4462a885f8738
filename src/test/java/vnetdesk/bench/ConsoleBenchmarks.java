package vnetdesk.bench;

import static vnetdesk.bench.FxBench.onFx;
import static vnetdesk.bench.FxBench.onFxRun;
import static vnetdesk.bench.FxBench.pulse;
import static vnetdesk.bench.FxBench.waitUntil;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TableView;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.FxTaskRunner;
import vnetdesk.ui.network.NetworkDetailView;

/**
 * The console rows of the performance table (spec 50-quality.md): cold start
 * to a usable window on a 1,000-network inventory (a fresh JVM per run,
 * measured to the moment the networks table is filled), and opening the
 * Leases tab of a /16 with 65,534 leases (in one JVM, first page shown), plus
 * scrolling that tab to its end. Timings are printed, never asserted.
 *
 * <p>Headless through Monocle unless {@code DISPLAY} is set. Arguments:
 * {@code startup}, {@code leases} or {@code all}; {@code --quick} for a harness check.
 */
public final class ConsoleBenchmarks {

    private static final Actor ADMIN = Actor.ONEADMIN;

    private ConsoleBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        boolean quick = a.contains("--quick");
        boolean all = a.contains("all") || a.stream().noneMatch(x -> x.equals("startup") || x.equals("leases"));
        boolean headless = System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isEmpty();
        System.out.println("console benchmarks — " + java.time.Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.vm.version")
                + ", " + (headless ? "headless (Monocle, software rendering)" : "DISPLAY=" + System.getenv("DISPLAY"))
                + ", load average " + BenchStats.loadAverage() + (quick ? " (QUICK: figures not comparable)" : ""));
        Path work = Files.createTempDirectory("vnetdesk-console-bench");
        if (all || a.contains("startup")) {
            startup(work.resolve("thousand"), quick ? 50 : 1000, quick ? 2 : 7, headless);
        }
        if (all || a.contains("leases")) {
            leases(work.resolve("slash16"), quick ? 5000 : 65_534, quick ? 2 : 7, headless);
        }
        System.exit(0);
    }

    // ---- cold start ----

    private static void startup(Path data, int networks, int runs, boolean headless) throws Exception {
        long t0 = System.nanoTime();
        try (Inventory inv = Inventory.openDirectory(data)) {
            for (int i = 0; i < networks; i++) {
                int third = i / 250;
                int fourth = i % 250;
                inv.networks().create(ADMIN, TemplateParser.parse("NAME = net" + i + "\nVN_MAD = "
                        + (i % 3 == 0 ? "fw" : "bridge") + "\nAR = [ TYPE = IP4, IP = 10." + third + "." + fourth
                        + ".1, SIZE = 200 ]\n", "bench"));
                inv.leases().hold(ADMIN, ObjectRef.name("net" + i),
                        List.of("10." + third + "." + fourth + ".1-10." + third + "."
                        + fourth + ".5"), Optional.empty());
            }
        }
        System.out.printf("%ncold start: inventory of %d networks (5 holds each) prepared in %.1f s%n", networks,
                (System.nanoTime() - t0) / 1e9);
        List<Long> wall = new ArrayList<>();
        List<Long> uptime = new ArrayList<>();
        Path prefs = Files.createTempDirectory("vnetdesk-bench-prefs");
        for (int run = 0; run < runs; run++) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dvnetdesk.startupProbe=true",
                    "-Djava.util.prefs.userRoot=" + prefs, "-Djava.util.logging.config.file="
                            + Path.of("src/main/resources/vnetdesk-logging.properties").toAbsolutePath()));
            if (headless) {
                cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                        "-Dheadless.geometry=1600x1200-32"));
            }
            cmd.add("vnetdesk.Main");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("VNETDESK_DATA", data.toString());
            long start = System.nanoTime();
            Process p = pb.start();
            Long probe = null;
            long seen = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("vnetdesk-startup-ms ") && probe == null) {
                        seen = System.nanoTime();
                        probe = Long.parseLong(line.substring(20).trim());
                    }
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || probe == null) {
                p.destroyForcibly();
                throw new IllegalStateException("the console did not report a usable window (run " + run + ")");
            }
            wall.add((seen - start) / 1_000_000);
            uptime.add(probe);
        }
        System.out.println("| measure | runs | min ms | median ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        row("launch to filled networks table (wall, parent-side)", wall);
        row("JVM uptime at filled networks table (child-side)", uptime);
    }

    private static void row(String what, List<Long> values) {
        List<Long> v = new ArrayList<>(values);
        Collections.sort(v);
        System.out.printf("| %s | %d | %d | %d | %d |%n", what, v.size(), v.get(0), v.get(v.size() / 2),
                v.get(v.size() - 1));
    }

    // ---- Leases tab of a /16 ----

    private static void leases(Path data, int leases, int runs, boolean headless) throws Exception {
        if (headless) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", "1600x1200-32");
        }
        Inventory inv = Inventory.openDirectory(data);
        long t0 = System.nanoTime();
        int big = inv.networks().create(ADMIN, TemplateParser.parse(
                "NAME = big\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.200.0.1, SIZE = 65534 ]\n", "bench"));
        int small = inv.networks().create(ADMIN, TemplateParser.parse(
                "NAME = small\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.201.0.1, SIZE = 10 ]\n", "bench"));
        String last = vnetdesk.model.Ipv4.parse("IP", "10.200.0.1").plus(leases - 1).toString();
        inv.leases().hold(ADMIN, ObjectRef.name("big"), List.of("10.200.0.1-" + last), Optional.empty());
        System.out.printf("%nLeases tab: network of 65,534 addresses with %d held leases prepared in %.1f s%n",
                leases, (System.nanoTime() - t0) / 1e9);

        FxBench.DetailWindow window = FxBench.detailView(inv, ADMIN, 5);
        FxTaskRunner runner = window.runner();
        NetworkDetailView detail = window.view();
        @SuppressWarnings("unchecked")
        TableView<Object> table = onFx(() -> (TableView<Object>) detail.node().lookup("#lease-table"));
        List<Long> open = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            onFxRun(() -> detail.show(small, () -> { }));
            waitUntil(() -> runner.running().get() == 0 && table.getItems().size() < 100);
            long start = System.nanoTime();
            onFxRun(() -> detail.show(big, () -> { }));
            waitUntil(() -> table.getItems().size() >= 1000 && runner.running().get() == 0);
            pulse();
            open.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("| measure | runs | min ms | median ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        row("open the Leases tab of the /16 (first page shown)", open);

        long scrollStart = System.nanoTime();
        List<Long> steps = new ArrayList<>();
        int target = 0;
        while (true) {
            int loaded = onFx(() -> table.getItems().size());
            if (target >= leases - 1 || target >= loaded - 1) {
                if (loaded >= leases) {
                    break;
                }
                waitUntil(() -> runner.running().get() == 0);
                if (onFx(() -> table.getItems().size()) == loaded) {
                    break;
                }
                continue;
            }
            target = Math.min(loaded - 1, target + 500);
            int to = target;
            long s = System.nanoTime();
            onFxRun(() -> table.scrollTo(to));
            pulse();
            steps.add((System.nanoTime() - s) / 1_000_000);
        }
        System.out.printf("scrolled through all %d rows in %d steps of 500 in %.2f s (loading pages as it went);"
                        + " one step (scroll + layout + paint) took median %d ms, max %d ms%n",
                onFx(() -> table.getItems().size()), steps.size(), (System.nanoTime() - scrollStart) / 1e9,
                median(steps), Collections.max(steps));
        onFxRun(window.stage()::close);
        runner.runLastAndWait(inv::close, 30, TimeUnit.SECONDS);
    }

    private static long median(List<Long> v) {
        List<Long> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

}
