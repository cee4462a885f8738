package vnetdesk.ui.host;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import vnetdesk.service.host.HostReports.PlanGroup;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostReports.PlannedStep;

/**
 * One line of the Plan window's tree, with the exact commands behind it:
 * a host (its status; all its commands, as a dry run prints them), then its
 * blockers and error, its changes grouped by what they are for — the host,
 * each network, each NIC, what is no longer needed — each group with the
 * commands of the steps that carry it, then the steps in the order they run
 * (numbered as an apply's "failed at step N"), then its notes.
 */
public record PlanItem(Kind kind, String text, String commands, List<PlanItem> children) {

    /** What a line is; blockers and errors are shown in red. */
    public enum Kind { HOST, GROUP, CHANGE, STEP, BLOCKER, ERROR, NOTE }

    public PlanItem {
        children = List.copyOf(children);
    }

    /** The tree of one host's plan. */
    public static PlanItem of(PlanReport report) {
        return new PlanItem(Kind.HOST, report.host().label() + " — " + statusText(report), report.commandText(),
                lines(report));
    }

    /** A host without a plan: skipped (the run was cancelled first), or the run broke (an error). */
    public static PlanItem unplanned(HostRunRow row) {
        return new PlanItem(row.state() == HostRunRow.State.SKIPPED ? Kind.NOTE : Kind.ERROR,
                row.label() + " — " + row.state().words() + ": " + row.messageProperty().get(), "", List.of());
    }

    /** "nothing to do", "12 steps", "blocked", "unreachable: connection refused". */
    public static String statusText(PlanReport report) {
        switch (report.status()) {
            case IN_SYNC:
                return "nothing to do";
            case CHANGES:
                return report.steps().size() + (report.steps().size() == 1 ? " step" : " steps");
            case BLOCKED:
                return "blocked";
            default:
                return "unreachable: " + report.error().orElse("");
        }
    }

    private static List<PlanItem> lines(PlanReport report) {
        List<PlanItem> lines = new ArrayList<>();
        report.error().ifPresent(e -> lines.add(new PlanItem(Kind.ERROR, e, "", List.of())));
        report.blockers().forEach(b -> lines.add(new PlanItem(Kind.BLOCKER, "cannot apply: " + b, "", List.of())));
        for (PlanGroup g : report.groups()) {
            String commands = g.steps().stream().map(n -> commandsOf(report.steps().get(n - 1)))
                    .collect(Collectors.joining("\n"));
            List<PlanItem> changes = g.lines().stream().map(l -> new PlanItem(Kind.CHANGE, l, commands, List.of()))
                    .toList();
            lines.add(new PlanItem(Kind.GROUP, g.title() + " (" + (g.steps().size() == 1 ? "step " : "steps ")
                    + g.steps().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")", commands,
                    changes));
        }
        List<PlanItem> steps = new ArrayList<>();
        for (PlannedStep s : report.steps()) {
            steps.add(new PlanItem(Kind.STEP, s.number() + ". " + s.subject() + ": " + s.description(),
                    commandsOf(s), List.of()));
        }
        if (!steps.isEmpty()) {
            lines.add(new PlanItem(Kind.GROUP, "the steps in the order they run", report.commandText(), steps));
        }
        report.notes().forEach(n -> lines.add(new PlanItem(Kind.NOTE, "note: " + n, "", List.of())));
        if (report.status() == PlanStatus.IN_SYNC && lines.isEmpty()) {
            lines.add(new PlanItem(Kind.NOTE, "nothing to do: the host is as the inventory wants it", "",
                    List.of()));
        }
        return lines;
    }

    /** A step's commands, then what undoes them when a later step fails (as comments, so the text still runs). */
    static String commandsOf(PlannedStep s) {
        StringBuilder text = new StringBuilder(String.join("\n", s.commands()));
        if (!s.undo().isEmpty()) {
            text.append("\n# undone, if a later step fails, by:");
            s.undo().forEach(u -> text.append("\n#   ").append(u));
        }
        return text.toString();
    }
}
