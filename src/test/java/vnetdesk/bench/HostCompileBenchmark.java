package vnetdesk.bench;

import static vnetdesk.bench.BenchStats.f0;
import static vnetdesk.bench.BenchStats.f1;
import static vnetdesk.bench.BenchStats.millis;
import static vnetdesk.bench.BenchStats.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import vnetdesk.host.desired.DesiredStateCompiler;
import vnetdesk.host.desired.GroupRules;
import vnetdesk.host.desired.HostInventory;
import vnetdesk.host.desired.NetworkOnHost;
import vnetdesk.host.desired.NicOnHost;
import vnetdesk.host.plan.Command;
import vnetdesk.host.plan.Plan;
import vnetdesk.host.plan.Planner;
import vnetdesk.host.plan.SavedTables;
import vnetdesk.host.plan.Step;
import vnetdesk.host.state.Device;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.RuleTable;
import vnetdesk.model.Address;
import vnetdesk.model.AllocationPolicy;
import vnetdesk.model.Driver;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Mac;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.Ownership;
import vnetdesk.model.Permissions;
import vnetdesk.model.Qos;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.host.HostEngine;

/**
 * Host-engine row "compile" (issue 11): the desired state of one host with
 * 1,000 NICs × 50 rules (ten fw networks, twenty security groups, the rule
 * mix of {@code ManyNicsTest}), compiled from its {@link HostInventory};
 * then the plan of that state against a host that has the taps and nothing
 * else, and the digest the engine keeps of an applied state. Pure
 * computation, no lab. Warm-up runs first, then medians; never asserted.
 */
final class HostCompileBenchmark {

    private static final double TARGET_MS = 1_000;

    private final int nics;
    private final int rulesPerNic;
    private final int warmups;
    private final int runs;

    HostCompileBenchmark(boolean quick) {
        this.nics = quick ? 100 : 1_000;
        this.rulesPerNic = 50;
        this.warmups = quick ? 2 : 5;
        this.runs = quick ? 3 : 11;
    }

    void run() {
        HostInventory inventory = inventory(nics, rulesPerNic);
        HostState reference = DesiredStateCompiler.compile(inventory);
        HostState actual = tapsOnly(reference);
        checkShape(reference, Planner.plan(actual, reference, SavedTables.NONE));

        for (int i = 0; i < warmups; i++) {
            Planner.plan(actual, DesiredStateCompiler.compile(inventory), SavedTables.NONE);
        }
        double[] compileWall = new double[runs];
        double[] compileCpu = new double[runs];
        double[] planWall = new double[runs];
        double[] planCpu = new double[runs];
        double[] digestWall = new double[runs];
        double[] digestCpu = new double[runs];
        Plan plan = null;
        for (int r = 0; r < runs; r++) {
            BenchStats.Clock start = BenchStats.Clock.now();
            HostState state = DesiredStateCompiler.compile(inventory);
            BenchStats.Clock compiled = BenchStats.Clock.now();
            plan = Planner.plan(actual, state, SavedTables.NONE);
            BenchStats.Clock planned = BenchStats.Clock.now();
            String digest = HostEngine.digest(state);
            BenchStats.Clock digested = BenchStats.Clock.now();
            if (!state.equals(reference) || digest.length() != 64) {
                throw new IllegalStateException("run " + r + " compiled a different state");
            }
            compileWall[r] = millis(compiled.since(start).wall());
            compileCpu[r] = millis(compiled.since(start).threadCpu());
            planWall[r] = millis(planned.since(compiled).wall());
            planCpu[r] = millis(planned.since(compiled).threadCpu());
            digestWall[r] = millis(digested.since(planned).wall());
            digestCpu[r] = millis(digested.since(planned).threadCpu());
        }
        long commands = commandCount(plan);
        long inputBytes = plan.steps().stream().flatMap(s -> s.commands().stream())
                .mapToLong(c -> c.stdin().map(String::length).orElse(0)).sum();
        System.out.println();
        System.out.println("state: " + f0(reference.devices().size()) + " devices, "
                + f0(rules(reference.iptables()) + rules(reference.ip6tables())) + " iptables + ip6tables rules in "
                + f0(reference.iptables().chains().size() + reference.ip6tables().chains().size()) + " chains, "
                + f0(reference.ipsets().size()) + " ipsets; plan against the taps alone: " + plan.steps().size()
                + " steps, " + f0(commands) + " commands, " + f1(inputBytes / 1024.0 / 1024.0) + " MiB of restore input");
        System.out.println();
        System.out.println("| operation (" + f0(nics) + " NICs × " + rulesPerNic + " rules) | runs | median ms (wall) | min"
                + " | max | median ms (thread CPU) | target | result |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        row("DesiredStateCompiler.compile", compileWall, compileCpu, "< 1,000 ms",
                verdict(BenchStats.Summary.of(compileWall).median() < TARGET_MS));
        row("Planner.plan against a host with only the taps", planWall, planCpu, "(none)", "-");
        row("HostEngine.digest of the state", digestWall, digestCpu, "(none)", "-");
    }

    private void row(String name, double[] wall, double[] cpu, String target, String result) {
        BenchStats.Summary w = BenchStats.Summary.of(wall);
        System.out.println("| " + name + " | " + w.count() + " | " + f1(w.median()) + " | " + f1(w.min()) + " | "
                + f1(w.max()) + " | " + f1(BenchStats.Summary.of(cpu).median()) + " | " + target + " | " + result + " |");
    }

    private static long rules(RuleTable table) {
        return table.hooks().size() + table.chains().values().stream().mapToLong(c -> c.rules().size()).sum();
    }

    /** Sizes the harness relies on: one tap per NIC, one chain per NIC and direction, a firewall step. */
    private void checkShape(HostState state, Plan plan) {
        if (state.devices().size() != 10 + nics || state.iptables().chains().size() != 2 * nics + 1) {
            throw new IllegalStateException("unexpected state: " + state.devices().size() + " devices, "
                    + state.iptables().chains().size() + " chains");
        }
        if (plan.isBlocked() || plan.steps().stream().map(Step::subject).noneMatch("iptables"::equals)) {
            throw new IllegalStateException("unexpected plan: " + plan.readableLines().subList(0,
                    Math.min(5, plan.readableLines().size())));
        }
    }

    /** A host as it is before the first apply: the taps exist unenslaved, bridged filtering is on. */
    static HostState tapsOnly(HostState desired) {
        Map<String, Device> taps = new LinkedHashMap<>();
        desired.devices().values().stream().filter(d -> d.name().startsWith("one-"))
                .forEach(d -> taps.put(d.name(), new Device.Other(d.name(), Optional.empty(), OptionalInt.empty())));
        return new HostState(taps, desired.sysctls(), RuleTable.EMPTY, RuleTable.EMPTY, RuleTable.EMPTY, Map.of(),
                Map.of());
    }

    /** {@code nics} NICs on ten fw networks, two per VM, each with one of twenty groups of {@code rules} rules. */
    static HostInventory inventory(int nics, int rules) {
        List<NetworkOnHost> networks = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            NetworkConf conf = new NetworkConf(Driver.FW, "br" + n, false, Optional.empty(), Optional.empty(), false,
                    Optional.empty(), true, true, AllocationPolicy.LOWEST_FREE);
            networks.add(new NetworkOnHost(new VirtualNetwork(n, "net" + n, "", List.of(0),
                    new Ownership(0, 0, Permissions.DEFAULT), Optional.empty(), conf, Qos.NONE, Map.of(), List.of(0),
                    List.of(), Optional.empty(), 0, 1), false));
        }
        List<NicOnHost> out = new ArrayList<>();
        for (int i = 0; i < nics; i++) {
            int vm = 1000 + i / 2;
            out.add(new NicOnHost(vm, i % 2, "one-" + vm + "-" + i % 2, i % 10, Mac.of(0x0200, 0x0a000000 + i),
                    List.of(new Address.V4(Ipv4.ofUnsigned(0x0a000000L + i))), List.of(group(i, rules)),
                    Optional.empty()));
        }
        return new HostInventory(1, "big", networks, out);
    }

    /** Group {@code 100 + i % 20}: TCP ports, UDP / ICMP / IPv6 address blocks, multiport TCP with a block. */
    private static GroupRules group(int i, int rules) {
        List<SecurityRule> list = new ArrayList<>();
        for (int r = 0; r < rules; r++) {
            String dir = r % 2 == 0 ? "INBOUND" : "OUTBOUND";
            Map<String, String> a = new LinkedHashMap<>();
            a.put("RULE_TYPE", dir);
            switch (r % 5) {
                case 0 -> {
                    a.put("PROTOCOL", "TCP");
                    a.put("RANGE", Integer.toString(1000 + r + i % 7));
                }
                case 1 -> {
                    a.put("PROTOCOL", "UDP");
                    a.put("IP", "10." + r + ".0.1");
                    a.put("SIZE", Integer.toString(r + 10));
                }
                case 2 -> {
                    a.put("PROTOCOL", "ICMP");
                    a.put("ICMP_TYPE", "8");
                    a.put("IP", "172.16." + r + ".0");
                    a.put("SIZE", "64");
                }
                case 3 -> {
                    a.put("PROTOCOL", "ALL");
                    a.put("IP", "2001:db8:" + r + "::");
                    a.put("SIZE", Integer.toString(r * 1000 + 3));
                }
                default -> {
                    a.put("PROTOCOL", "TCP");
                    a.put("RANGE", "22," + (2000 + r));
                    a.put("IP", "192.168." + r + ".0");
                    a.put("SIZE", "256");
                }
            }
            list.add(SecurityRule.parse(a));
        }
        return new GroupRules(100 + i % 20, list);
    }

    static long commandCount(Plan plan) {
        return plan.steps().stream().mapToLong(s -> s.commands().size()).sum();
    }

    static List<Command> commands(Plan plan) {
        return plan.steps().stream().flatMap(s -> s.commands().stream()).toList();
    }
}
