package vnetdesk.service.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vnetdesk.host.actual.HostProbe;
import vnetdesk.host.actual.ProbeResult;
import vnetdesk.host.plan.Command;
import vnetdesk.host.plan.Plan;
import vnetdesk.host.plan.Step;
import vnetdesk.model.Driver;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostApplyOutcome;

/**
 * The engine's results as plain values a front end may hold (the CLI may not
 * reach the {@code host} and {@code ssh} packages): what a probe found, what
 * a plan would do, how an apply ended. Only the conversions live here.
 */
public final class HostReports {

    private HostReports() {
    }

    /**
     * What a host offers: its kernel, how commands get root, each probed
     * feature ({@code yes}, {@code loadable}, {@code no}), the tools found and
     * missing, every driver with the reasons it cannot run (none: it can),
     * and what else the administrator should know.
     */
    public record ProbeReport(String kernelRelease, String privilege, Map<String, String> features,
                              List<String> tools, List<String> missingTools, Map<Driver, List<String>> drivers,
                              List<String> messages) {
        public ProbeReport {
            features = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(features));
            tools = List.copyOf(tools);
            missingTools = List.copyOf(missingTools);
            drivers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(drivers));
            messages = List.copyOf(messages);
        }
    }

    /** Where a host stands against its desired state, as a plan found it. */
    public enum PlanStatus {
        /** Nothing to change (notes aside). */
        IN_SYNC,
        /** Steps would change the host. */
        CHANGES,
        /** The host cannot take its desired state: nothing would run. */
        BLOCKED,
        /** No session, a refused key or login, or output the engine cannot read. */
        UNREACHABLE
    }

    /** One step of a plan, numbered from 1 as an apply's "failed at step N" counts, with its exact commands. */
    public record PlannedStep(int number, String subject, String description, List<String> commands,
                              List<String> undo) {
        public PlannedStep {
            commands = List.copyOf(commands);
            undo = List.copyOf(undo);
        }
    }

    /** What a plan group is about. */
    public enum GroupKind {
        /** Host-wide: kernel settings, the global chain and its hook, anything no network or NIC owns. */
        HOST,
        /** A network's bridge and its uplink (PHYDEV, 802.1Q or VXLAN device). */
        NETWORK,
        /** A NIC's tap, chains, hooks, ipsets and QoS; also a NIC no longer on the host, whose objects go. */
        NIC,
        /** Objects the console made that no network or NIC on the host needs any more (a left network's bridge). */
        NO_LONGER_NEEDED
    }

    /**
     * The part of a plan about one owner: a readable line per change
     * ({@code create iptables chain one-5-0-i}) and the numbers of the steps
     * ({@link PlannedStep#number()}) whose commands make them. A step touching
     * several owners (one firewall load for many NICs) is in each of their groups.
     *
     * @param name  the host's name, the network's label ({@code 1:private}) or the NIC's tap
     *              ({@code one-5-0}); empty for {@link GroupKind#NO_LONGER_NEEDED}
     * @param title {@code network 1:private — bridge br0, 802.1Q eth0.100},
     *              {@code NIC one-5-0 — VM 5:web on network 1:private}, {@code host kvm1 — host-wide}
     */
    public record PlanGroup(GroupKind kind, String name, String title, List<String> lines, List<Integer> steps) {
        public PlanGroup {
            lines = List.copyOf(lines);
            steps = List.copyOf(steps);
        }
    }

    /**
     * One host's plan: its status, the steps (empty when in sync), the same
     * changes grouped by network and NIC (empty when in sync), why it cannot
     * be applied, notes, and the error when the host could not be read.
     */
    public record PlanReport(Host host, PlanStatus status, List<PlannedStep> steps, List<PlanGroup> groups,
                             List<String> blockers, List<String> notes, Optional<String> error) {
        public PlanReport {
            steps = List.copyOf(steps);
            groups = List.copyOf(groups);
            blockers = List.copyOf(blockers);
            notes = List.copyOf(notes);
        }

        /** The dry run: every command of every step, in order, as a shell would read it. */
        public String commandText() {
            return String.join("\n", steps.stream().flatMap(s -> s.commands().stream()).toList());
        }

        /** The differences in words: blockers, then one line per step ({@code subject: description}). */
        public List<String> differences() {
            List<String> lines = new ArrayList<>();
            blockers.forEach(b -> lines.add("cannot apply: " + b));
            steps.forEach(s -> lines.add(s.subject() + ": " + s.description()));
            return List.copyOf(lines);
        }
    }

    /** How an apply ended on one host, as the inventory recorded it. */
    public record ApplyResult(Host host, HostApplyOutcome outcome) {
    }

    static ProbeReport probe(ProbeResult r) {
        Map<String, String> features = new LinkedHashMap<>();
        for (String f : HostProbe.FEATURES) {
            features.put(f, r.features().getOrDefault(f, ProbeResult.Availability.NO).name().toLowerCase(Locale.ROOT));
        }
        List<String> missing = HostProbe.TOOLS.stream().filter(t -> !r.tools().contains(t)).toList();
        return new ProbeReport(r.kernelRelease(), r.privilege().name().toLowerCase(Locale.ROOT), features,
                List.copyOf(r.tools()), missing, r.drivers(), r.messages());
    }

    static PlanReport plan(HostEngine.HostPlan p) {
        if (p.error().isPresent() || p.plan().isEmpty()) {
            return new PlanReport(p.host(), PlanStatus.UNREACHABLE, List.of(), List.of(), List.of(), List.of(),
                    Optional.of(p.error().orElse("no plan")));
        }
        Plan plan = p.plan().get();
        List<PlannedStep> steps = new ArrayList<>();
        for (Step s : plan.steps()) {
            steps.add(new PlannedStep(steps.size() + 1, s.subject(), s.description(), texts(s.commands()),
                    texts(s.undo())));
        }
        PlanStatus status = plan.isBlocked() ? PlanStatus.BLOCKED
                : plan.isEmpty() ? PlanStatus.IN_SYNC : PlanStatus.CHANGES;
        List<PlanGroup> groups = p.owners().map(o -> PlanGroups.of(plan, o)).orElse(List.of());
        return new PlanReport(p.host(), status, steps, groups, plan.blockers(), plan.notes(), Optional.empty());
    }

    private static List<String> texts(List<Command> commands) {
        return commands.stream().map(Command::displayText).toList();
    }
}
