package vnetdesk.bench;

import static vnetdesk.bench.BenchStats.f2;
import static vnetdesk.bench.BenchStats.millis;
import static vnetdesk.bench.BenchStats.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import vnetdesk.model.Actor;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.QueryService;
import vnetdesk.template.Template;

/**
 * Row "huge ranges": every operation on an IP6_STATIC /64 (2^64 addresses) and an
 * IP4 /8 should cost about what it costs on a /24, well under 50 ms.
 */
public final class HugeRangeBenchmark {

    private static final double TARGET_MS = 50;
    private static final String CREATE = "NetworkService.create (with the AR)";
    private static final String ADD_AR = "NetworkService.addAr";
    private static final String ALLOCATE = "LeaseService.allocate (each of 10)";
    private static final String LEASE_PAGE = "QueryService.leasePage (100)";
    private static final String DETAILS = "QueryService.details (100 leases)";
    private static final String FREE_RANGES = "QueryService.freeRanges (100)";
    private static final List<String> OPS = List.of(CREATE, ADD_AR, ALLOCATE, LEASE_PAGE, DETAILS, FREE_RANGES);

    /** One kind of range: how to make its network template and its AR attributes. */
    private record Kind(String label, String name, Map<String, String> ar) {

        Template template() {
            return ar.get("TYPE").equals("IP6_STATIC") ? BenchInventory.ip6Slash64Network(name, ar.get("IP6"))
                    : BenchInventory.ip4Network(name, Ipv4.parse("IP", ar.get("IP")), Long.parseLong(ar.get("SIZE")));
        }
    }

    /** Wall and calling-thread CPU time of one call, in ms. */
    private record Sample(double wallMs, double cpuMs) {
    }

    /** The /64 comes last: see {@link #oneRun}. */
    private static final List<Kind> KINDS = List.of(
            new Kind("IP4 /24 (254, reference)", "v24", Map.of("TYPE", "IP4", "IP", "192.168.0.1", "SIZE", "254")),
            new Kind("IP4 /8 (16,777,214)", "v8", Map.of("TYPE", "IP4", "IP", "10.0.0.1", "SIZE", "16777214")),
            new Kind("IP6_STATIC /64 (2^64)", "v64", Map.of("TYPE", "IP6_STATIC", "IP6", "2001:db8:1::",
                    "PREFIX_LENGTH", "64")));

    private final int runs;
    private final int warmUpRuns;

    HugeRangeBenchmark(boolean quick) {
        this.runs = quick ? 3 : 9;
        this.warmUpRuns = quick ? 1 : 3;
    }

    public static void main(String[] args) {
        new HugeRangeBenchmark(IpamBenchmarks.isQuick(args)).run();
    }

    void run() {
        System.out.println("== huge ranges: per-operation latency by range size ==");
        Map<Kind, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
        for (Kind k : KINDS) {
            Map<String, List<Sample>> perOp = new LinkedHashMap<>();
            OPS.forEach(op -> perOp.put(op, new ArrayList<>()));
            samples.put(k, perOp);
        }
        for (int r = 0; r < warmUpRuns + runs; r++) {
            Map<Kind, Map<String, List<Sample>>> run = oneRun(r == 0);
            if (r >= warmUpRuns) {
                run.forEach((k, perOp) -> perOp.forEach((op, s) -> samples.get(k).get(op).addAll(s)));
            }
        }
        System.out.println();
        StringBuilder header = new StringBuilder("| operation |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Kind k : KINDS) {
            header.append(' ').append(k.label()).append(": median ms wall (max) [median ms CPU] |");
            rule.append("---|");
        }
        System.out.println(header.append(" target | result |"));
        System.out.println(rule.append("---|---|"));
        for (String op : OPS) {
            StringBuilder row = new StringBuilder("| " + op + " |");
            boolean ok = true;
            for (Kind k : KINDS) {
                List<Sample> s = samples.get(k).get(op);
                BenchStats.Summary wall = BenchStats.Summary.of(s.stream().mapToDouble(Sample::wallMs).toArray());
                BenchStats.Summary cpu = BenchStats.Summary.of(s.stream().mapToDouble(Sample::cpuMs).toArray());
                row.append(' ').append(f2(wall.median())).append(" (").append(f2(wall.max())).append(") [")
                        .append(f2(cpu.median())).append("] |");
                ok &= wall.median() < TARGET_MS;
            }
            System.out.println(row.append(" < 50 ms | ").append(verdict(ok)).append(" |"));
        }
        System.out.println("(" + runs + " measured runs per range after " + warmUpRuns + " warm-up runs; the allocate"
                + " row pools 10 calls per run; every run uses two fresh inventories)");
    }

    /**
     * One run over all kinds, in two fresh inventories: one where each kind's network is
     * created with its AR and then used, one where each kind's AR is added to an empty
     * network. (The /64 comes last in each; that order once avoided a random-MAC bug with
     * ranges larger than the MAC space, fixed since, and is kept so figures stay comparable.)
     */
    private static Map<Kind, Map<String, List<Sample>>> oneRun(boolean print) {
        Actor a = Actor.ONEADMIN;
        Map<Kind, Map<String, List<Sample>>> out = new LinkedHashMap<>();
        KINDS.forEach(k -> out.put(k, new LinkedHashMap<>()));
        try (BenchInventory bench = BenchInventory.fresh("huge-create")) {
            Inventory inv = bench.inventory();
            for (Kind k : KINDS) {
                out.get(k).put(CREATE, List.of(time(() -> inv.networks().create(a, k.template()))));
            }
            for (Kind k : KINDS) {
                out.get(k).putAll(allocateAndList(inv, k, print));
            }
        }
        try (BenchInventory bench = BenchInventory.fresh("huge-addar")) {
            Inventory inv = bench.inventory();
            for (Kind k : KINDS) {
                inv.networks().create(a, BenchInventory.emptyNetwork(k.name()));
            }
            for (Kind k : KINDS) {
                out.get(k).put(ADD_AR, List.of(time(() -> inv.networks().addAr(a, ObjectRef.name(k.name()), k.ar()))));
            }
        }
        return out;
    }

    /** 10 allocations, then a lease page, the details and the free ranges of one network. */
    private static Map<String, List<Sample>> allocateAndList(Inventory inv, Kind k, boolean print) {
        Actor a = Actor.ONEADMIN;
        String name = k.name();
        Map<String, List<Sample>> ms = new LinkedHashMap<>();
        List<Sample> allocs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int vm = i;
            List<Lease> got = new ArrayList<>();
            allocs.add(time(() -> got.add(inv.leases().allocate(a, ObjectRef.name(name), new LeaseOwner.VmNic(vm, 0),
                    Optional.empty(), Optional.empty()))));
            if (got.get(0).index() != i) {
                throw new IllegalStateException(name + ": allocation " + i + " got index " + got.get(0).index());
            }
        }
        ms.put(ALLOCATE, allocs);
        List<List<Lease>> page = new ArrayList<>();
        ms.put(LEASE_PAGE, List.of(time(() -> page.add(inv.queries().leasePage(a, ObjectRef.name(name), 0,
                OptionalLong.empty(), 100)))));
        List<Long> used = new ArrayList<>();
        ms.put(DETAILS, List.of(time(() -> used.add(inv.queries().details(a, ObjectRef.name(name),
                100).usedLeases()))));
        List<List<QueryService.FreeRange>> free = new ArrayList<>();
        ms.put(FREE_RANGES, List.of(time(() -> free.add(inv.queries().freeRanges(a, ObjectRef.name(name), 100)))));
        if (page.get(0).size() != 10 || used.get(0) != 10 || free.get(0).size() != 1) {
            throw new IllegalStateException(name + ": page " + page.get(0).size() + ", used " + used.get(0)
                    + ", free ranges " + free.get(0).size());
        }
        if (print) {
            QueryService.FreeRange f = free.get(0).get(0);
            System.out.println(k.label() + ": free range after 10 allocations " + f.first().primary() + " - "
                    + f.last().primary() + " (" + f.count() + " addresses)");
        }
        return ms;
    }

    private static Sample time(Supplier<?> call) {
        BenchStats.Clock start = BenchStats.Clock.now();
        call.get();
        BenchStats.Clock took = BenchStats.Clock.now().since(start);
        return new Sample(millis(took.wall()), millis(took.threadCpu()));
    }
}
