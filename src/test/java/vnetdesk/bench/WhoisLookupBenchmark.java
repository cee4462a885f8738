package vnetdesk.bench;

import static vnetdesk.bench.BenchStats.f0;
import static vnetdesk.bench.BenchStats.f1;
import static vnetdesk.bench.BenchStats.f3;
import static vnetdesk.bench.BenchStats.millis;
import static vnetdesk.bench.BenchStats.verdict;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import vnetdesk.model.Actor;
import vnetdesk.model.AddressRange;
import vnetdesk.model.Ipv4;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.QueryService;

/**
 * Row "lookup": "who holds this address?" (QueryService.whois) over an inventory of
 * 1,000 networks and 1,000,000 leases. Network i has one IP4 AR of 1,100 addresses at
 * 10.0.0.1 + 2048·i whose first 1,000 are held in one bulk hold; the last 100 stay free
 * and the 948 addresses up to the next network belong to no network.
 */
public final class WhoisLookupBenchmark {

    private static final double TARGET_MS = 10;
    private static final long BLOCK = 2_048;
    private static final int AR_SIZE = 1_100;
    private static final int HELD = 1_000;
    private static final long FIRST = Ipv4.parse("IP", "10.0.0.1").unsigned();

    private final int networks;
    private final int queries;

    WhoisLookupBenchmark(boolean quick) {
        this.networks = quick ? 50 : 1_000;
        this.queries = quick ? 300 : 2_000;
    }

    public static void main(String[] args) {
        new WhoisLookupBenchmark(IpamBenchmarks.isQuick(args)).run();
    }

    /** One kind of query: what is asked and how many matches, with or without an owner, are right. */
    private enum Query {
        USED_IP("random used IP"), FREE_IP("random free IP (inside an AR)"), MAC("random MAC of an AR"),
        NO_NETWORK("IP in no network");

        final String label;

        Query(String label) {
            this.label = label;
        }
    }

    void run() {
        System.out.println("== lookup: QueryService.whois over " + f0(networks) + " networks, " + f0((long) networks * HELD)
                + " leases ==");
        try (BenchInventory bench = BenchInventory.fresh("whois")) {
            Inventory inv = bench.inventory();
            AddressRange[] ars = populate(bench);
            SplittableRandom random = new SplittableRandom(7);
            for (int w = 0; w < 400; w++) {
                for (Query q : Query.values()) {
                    ask(inv, q, ars, random);
                }
            }
            System.out.println();
            System.out.println("| query | queries | median ms | p99 ms | max ms | median ms CPU | p99 ms CPU "
                    + "| target | result (p99 wall) |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (Query q : Query.values()) {
                double[] ms = new double[queries];
                double[] cpu = new double[queries];
                for (int i = 0; i < queries; i++) {
                    double[] wallAndCpu = ask(inv, q, ars, random);
                    ms[i] = wallAndCpu[0];
                    cpu[i] = wallAndCpu[1];
                }
                BenchStats.Summary s = BenchStats.Summary.of(ms);
                BenchStats.Summary c = BenchStats.Summary.of(cpu);
                System.out.println("| " + q.label + " | " + f0(queries) + " | " + f3(s.median()) + " | " + f3(s.p99())
                        + " | " + f3(s.max()) + " | " + f3(c.median()) + " | " + f3(c.p99()) + " | < 10 ms | "
                        + verdict(s.p99() < TARGET_MS) + " |");
            }
        }
    }

    /** Creates the networks and holds their leases, printing the setup time; returns each network's AR. */
    private AddressRange[] populate(BenchInventory bench) {
        Inventory inv = bench.inventory();
        Actor a = Actor.ONEADMIN;
        long t0 = System.nanoTime();
        for (int i = 0; i < networks; i++) {
            inv.networks().create(a, BenchInventory.ip4Network("n" + i, Ipv4.ofUnsigned(base(i)), AR_SIZE));
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < networks; i++) {
            String range = Ipv4.ofUnsigned(base(i)) + "-" + Ipv4.ofUnsigned(base(i) + HELD - 1);
            int held = inv.leases().hold(a, ObjectRef.name("n" + i), List.of(range), Optional.empty()).size();
            if (held != HELD) {
                throw new IllegalStateException("n" + i + ": held " + held);
            }
            if ((i + 1) % 100 == 0) {
                System.out.println("  held " + f0((long) (i + 1) * HELD) + " leases, "
                        + f1((System.nanoTime() - t1) / 1e9) + " s");
            }
        }
        long t2 = System.nanoTime();
        System.out.println("setup: create " + f0(networks) + " networks " + f1((t1 - t0) / 1e9) + " s, hold "
                + f0((long) networks * HELD) + " leases (" + f0(networks) + " bulk holds) " + f1((t2 - t1) / 1e9)
                + " s, total " + f1((t2 - t0) / 1e9) + " s; inventory on disk "
                + f1(bench.diskBytes() / 1024.0 / 1024.0) + " MiB");
        AddressRange[] ars = new AddressRange[networks];
        for (QueryService.NetworkSummary s : inv.queries().list(a)) {
            ars[Integer.parseInt(s.network().name().substring(1))] = s.network().addressRanges().get(0);
        }
        return ars;
    }

    private static long base(int network) {
        return FIRST + BLOCK * network;
    }

    /** Asks one random query of this kind, checks the answer, and returns its wall and CPU time in ms. */
    private double[] ask(Inventory inv, Query q, AddressRange[] ars, SplittableRandom random) {
        int n = random.nextInt(networks);
        int offset = switch (q) {
            case USED_IP -> random.nextInt(HELD);
            case FREE_IP -> HELD + random.nextInt(AR_SIZE - HELD);
            case MAC -> random.nextInt(AR_SIZE);
            case NO_NETWORK -> AR_SIZE + random.nextInt((int) BLOCK - AR_SIZE);
        };
        String text = q == Query.MAC ? ars[n].firstMac().plus(offset).toString()
                : Ipv4.ofUnsigned(base(n) + offset).toString();
        BenchStats.Clock start = BenchStats.Clock.now();
        List<QueryService.WhoisMatch> matches = inv.queries().whois(Actor.ONEADMIN, text);
        BenchStats.Clock took = BenchStats.Clock.now().since(start);
        boolean right = q == Query.NO_NETWORK ? matches.isEmpty()
                : matches.size() == 1 && matches.get(0).network().name().equals("n" + n)
                && matches.get(0).index() == offset && matches.get(0).owner().isPresent() == offset < HELD;
        if (!right) {
            throw new IllegalStateException("whois " + text + " (" + q.label + ") answered " + matches);
        }
        return new double[] {millis(took.wall()), millis(took.threadCpu())};
    }
}
