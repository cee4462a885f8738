package vnetdesk.host.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The change that takes one host from its actual to its desired state:
 * steps in the order they must run, blockers that forbid applying (a driver
 * the host cannot run, a PHYDEV it lacks, a device in the way that the
 * console did not create), and notes that change nothing (a tap not on the
 * host yet). An empty plan runs nothing.
 */
public record Plan(List<Step> steps, List<String> blockers, List<String> notes) {

    public Plan {
        steps = List.copyOf(steps);
        blockers = List.copyOf(blockers);
        notes = List.copyOf(notes);
    }

    /** Nothing to change: the host is in the desired state (notes aside). */
    public boolean isEmpty() {
        return steps.isEmpty() && blockers.isEmpty();
    }

    public boolean isBlocked() {
        return !blockers.isEmpty();
    }

    /** The dry run: every command of every step, in order, as a shell would read it. */
    public String commandText() {
        return steps.stream().flatMap(s -> s.commands().stream()).map(Command::displayText)
                .collect(Collectors.joining("\n"));
    }

    /** The readable plan: one line per step, {@code subject: description}, blockers first. */
    public List<String> readableLines() {
        List<String> lines = new java.util.ArrayList<>();
        blockers.forEach(b -> lines.add("cannot apply: " + b));
        steps.forEach(s -> lines.add(s.subject() + ": " + s.description()));
        notes.forEach(n -> lines.add("note: " + n));
        return List.copyOf(lines);
    }
}
