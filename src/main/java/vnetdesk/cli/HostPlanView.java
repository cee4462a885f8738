package vnetdesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.service.host.HostReports.ApplyResult;
import vnetdesk.service.host.HostReports.PlanGroup;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostReports.PlannedStep;

/**
 * How the host commands print a plan (its changes grouped by the host,
 * network or NIC they belong to, with the numbers of the steps making them;
 * blockers, notes, the dry run), a drift, and an apply's outcome, as text
 * and as JSON. A host's own message is always one printable line.
 */
final class HostPlanView {

    private final PrintStream out;
    private final HostKeys.Refusing keys;

    HostPlanView(PrintStream out, HostKeys.Refusing keys) {
        this.out = out;
        this.keys = keys;
    }

    /** One host's plan; {@code commands} adds the exact command text (the dry run) after its steps. */
    void plan(PlanReport r, boolean commands) {
        String name = r.host().name();
        switch (r.status()) {
            case IN_SYNC -> out.println(name + ": in sync, nothing to do");
            case UNREACHABLE -> out.println(name + ": unreachable: " + error(r));
            case BLOCKED -> out.println(name + ": blocked, nothing will run");
            case CHANGES -> out.println(name + ": " + count(r.steps().size(), "step"));
        }
        r.blockers().forEach(b -> out.println("  cannot apply: " + HostCommands.printableLine(b)));
        for (PlanGroup g : r.groups()) {
            out.println("  " + HostCommands.printableLine(g.title()) + " (" + stepNumbers(g.steps()) + ")");
            g.lines().forEach(line -> out.println("    " + HostCommands.printableLine(line)));
        }
        r.notes().forEach(n -> out.println("  note: " + HostCommands.printableLine(n)));
        if (commands && !r.steps().isEmpty()) {
            out.println("  commands (dry run):");
            out.println(r.commandText());
        }
    }

    /** One host against its desired state: in sync, out of sync with the differences, or unreachable. */
    void drift(PlanReport r) {
        String name = r.host().name();
        switch (r.status()) {
            case IN_SYNC -> out.println(name + ": in sync");
            case UNREACHABLE -> out.println(name + ": unreachable: " + error(r));
            case CHANGES, BLOCKED -> {
                out.println(name + ": out of sync");
                r.differences().forEach(d -> out.println("  " + HostCommands.printableLine(d)));
            }
        }
    }

    /** {@code kvm1: APPLIED (12 commands)}, {@code kvm2: FAILED_ROLLED_BACK at step 3: …}. */
    synchronized void outcome(ApplyResult a) {
        HostApplyOutcome o = a.outcome();
        if (o.result().success()) {
            out.println(a.host().name() + ": " + o.summary() + " (" + count(o.commandsRun(), "command") + ")");
        } else {
            out.println(a.host().name() + ": " + o.summary() + ": "
                    + HostCommands.printableLine(keys.explain(a.host(), o.message())));
        }
        out.flush();
    }

    private String error(PlanReport r) {
        return HostCommands.printableLine(keys.explain(r.host(), r.error().orElse("")));
    }

    /** {@code step 3}, {@code steps 3, 5, 11}: an apply that fails names its step by this number. */
    private static String stepNumbers(List<Integer> steps) {
        return (steps.size() == 1 ? "step " : "steps ") + String.join(", ", steps.stream().map(String::valueOf).toList());
    }

    static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /**
     * The plans as JSON: one object per host with its status, steps (commands
     * and undo), the groups of its changes (by host, network and NIC, naming
     * their steps' numbers), blockers and notes.
     */
    static List<Map<String, Object>> json(List<PlanReport> reports, HostKeys.Refusing keys) {
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (PlanReport r : reports) {
            Host h = r.host();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id());
            m.put("name", h.name());
            m.put("address", h.address());
            m.put("status", status(r.status()));
            m.put("error", r.error().map(e -> keys.explain(h, e)).orElse(null));
            m.put("blockers", r.blockers());
            List<Map<String, Object>> steps = new ArrayList<>();
            for (PlannedStep s : r.steps()) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("number", s.number());
                step.put("subject", s.subject());
                step.put("description", s.description());
                step.put("commands", s.commands());
                step.put("undo", s.undo());
                steps.add(step);
            }
            m.put("steps", steps);
            List<Map<String, Object>> groups = new ArrayList<>();
            for (PlanGroup g : r.groups()) {
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("kind", g.kind().name().toLowerCase(Locale.ROOT));
                group.put("name", g.name());
                group.put("title", g.title());
                group.put("lines", g.lines());
                group.put("steps", g.steps());
                groups.add(group);
            }
            m.put("groups", groups);
            m.put("notes", r.notes());
            hosts.add(m);
        }
        return hosts;
    }

    /** {@code in_sync}, {@code changes}, {@code blocked}, {@code unreachable}. */
    static String status(PlanStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
