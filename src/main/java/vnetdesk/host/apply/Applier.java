package vnetdesk.host.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BooleanSupplier;

import vnetdesk.host.plan.Command;
import vnetdesk.host.plan.Plan;
import vnetdesk.host.plan.Planner;
import vnetdesk.host.plan.Step;
import vnetdesk.host.state.HostState;

/**
 * Applies the desired state to one host as one unit: read the host, plan,
 * run the steps in order (each step's commands in as few round trips as
 * keep their meaning, see {@link Batches}); if a step fails — or the state
 * read back after the last step is not the desired one — run the undo of
 * every step begun, last first, and read the host again to check it is back
 * as it was. A host
 * already in the desired state runs nothing but the reads. Cancellation is
 * honoured only before the first change: a host once begun is finished or
 * rolled back, never left half-applied.
 */
public final class Applier {

    private final StateReader reader;

    public Applier(StateReader reader) {
        this.reader = reader;
    }

    /** Reads the host and plans; runs no changing command. */
    public PlannedHost plan(HostShell shell, HostState desired) {
        return plan(shell, desired, Set.of());
    }

    /**
     * As {@link #plan(HostShell, HostState)}, leaving alone what the host has
     * of the taps {@code leftAlone} (NICs on networks vnetdesk does not manage
     * on hosts, see {@link Planner#plan(HostState, HostState, vnetdesk.host.plan.SavedTables, Set)}).
     */
    public PlannedHost plan(HostShell shell, HostState desired, Set<String> leftAlone) {
        Logged logged = new Logged(shell);
        StateReader.Reading reading = reader.read(logged.as(ApplyReport.Purpose.READ));
        return new PlannedHost(reading, Planner.plan(reading.state(), desired, reading.saved(), leftAlone),
                logged.log);
    }

    public ApplyReport apply(HostShell shell, HostState desired, BooleanSupplier cancelled) {
        return apply(shell, desired, Set.of(), cancelled, ApplyProgress.NONE);
    }

    /**
     * As {@link #apply(HostShell, HostState, BooleanSupplier)}, leaving alone
     * what the host has of the taps {@code leftAlone} (in the plan and in the
     * check after it), telling {@code progress} where it is.
     */
    public ApplyReport apply(HostShell shell, HostState desired, Set<String> leftAlone, BooleanSupplier cancelled,
                             ApplyProgress progress) {
        Logged logged = new Logged(shell);
        HostShell read = logged.as(ApplyReport.Purpose.READ);
        progress.at(ApplyProgress.Stage.READING, 0, 0, "");
        StateReader.Reading before = reader.read(read);
        Plan plan = Planner.plan(before.state(), desired, before.saved(), leftAlone);
        if (plan.isBlocked()) {
            return report(ApplyReport.Outcome.BLOCKED, plan, OptionalInt.empty(),
                    "cannot apply: " + String.join("; ", plan.blockers()), logged);
        }
        if (plan.isEmpty()) {
            return report(ApplyReport.Outcome.NOTHING_TO_DO, plan, OptionalInt.empty(), null, logged);
        }
        if (cancelled.getAsBoolean()) {
            return report(ApplyReport.Outcome.CANCELLED, plan, OptionalInt.empty(), "cancelled before it began",
                    logged);
        }
        HostShell change = logged.as(ApplyReport.Purpose.CHANGE);
        List<Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            String what = steps.get(i).subject() + ": " + steps.get(i).description();
            progress.at(ApplyProgress.Stage.CHANGING, i + 1, steps.size(), what);
            Optional<String> failure = run(change, steps.get(i));
            if (failure.isPresent()) {
                String why = "step " + (i + 1) + " (" + what + ") failed: " + failure.get();
                progress.at(ApplyProgress.Stage.ROLLING_BACK, 0, steps.size(), "");
                return rollBack(logged, plan, i, i + 1, why, before.state());
            }
        }
        progress.at(ApplyProgress.Stage.VERIFYING, 0, steps.size(), "");
        StateReader.Reading after = reader.read(read);
        Plan left = Planner.plan(after.state(), desired, after.saved(), leftAlone);
        if (!left.isEmpty()) {
            String why = "the host read back after the apply still differs from the plan: "
                    + String.join("; ", left.readableLines());
            progress.at(ApplyProgress.Stage.ROLLING_BACK, 0, steps.size(), "");
            return rollBack(logged, plan, steps.size() - 1, steps.size(), why, before.state());
        }
        return report(ApplyReport.Outcome.APPLIED, plan, OptionalInt.empty(), null, logged);
    }

    /** Runs the undo of steps {@code last} … 1, then reads the host to tell whether it is back as before. */
    private ApplyReport rollBack(Logged logged, Plan plan, int last, int failedStep, String why, HostState before) {
        HostShell undo = logged.as(ApplyReport.Purpose.UNDO);
        List<String> undoFailures = new ArrayList<>();
        for (int i = last; i >= 0; i--) {
            for (Command c : Batches.undo(plan.steps().get(i).undo())) {
                try {
                    HostShell.CommandOutput out = undo.run(c);
                    if (!out.succeeded()) {
                        undoFailures.add(c.line() + ": " + firstLine(out));
                    }
                } catch (HostUnreachableException e) {
                    return report(ApplyReport.Outcome.FAILED_NOT_ROLLED_BACK, plan, OptionalInt.of(failedStep),
                            why + "; the rollback could not reach the host: " + e.getMessage(), logged);
                }
            }
        }
        HostState now;
        try {
            now = reader.read(logged.as(ApplyReport.Purpose.READ)).state();
        } catch (HostUnreachableException e) {
            return report(ApplyReport.Outcome.FAILED_NOT_ROLLED_BACK, plan, OptionalInt.of(failedStep),
                    why + "; after the rollback the host could not be read: " + e.getMessage(), logged);
        }
        if (!now.equals(before)) {
            Plan back = Planner.plan(now, before, vnetdesk.host.plan.SavedTables.NONE);
            return report(ApplyReport.Outcome.FAILED_NOT_ROLLED_BACK, plan, OptionalInt.of(failedStep),
                    why + "; the rollback left the host different from before: "
                            + String.join("; ", back.readableLines())
                            + (undoFailures.isEmpty() ? "" : "; undo errors: " + String.join("; ", undoFailures)),
                    logged);
        }
        return report(ApplyReport.Outcome.FAILED_ROLLED_BACK, plan, OptionalInt.of(failedStep),
                why + "; rolled back, the host is as before", logged);
    }

    /** Runs a step's commands; the reason of the first that fails, or empty. */
    private static Optional<String> run(HostShell shell, Step step) {
        for (Command c : Batches.change(step.commands())) {
            HostShell.CommandOutput out;
            try {
                out = shell.run(c);
            } catch (HostUnreachableException e) {
                return Optional.of(e.getMessage());
            }
            if (!out.succeeded()) {
                return Optional.of("`" + c.line() + "` exited with " + out.exitStatus() + ": " + firstLine(out));
            }
        }
        return Optional.empty();
    }

    private static String firstLine(HostShell.CommandOutput out) {
        String text = out.stderr().isBlank() ? out.stdout() : out.stderr();
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        return trimmed.isEmpty() ? "(no message)" : nl < 0 ? trimmed : trimmed.substring(0, nl);
    }

    private static ApplyReport report(ApplyReport.Outcome outcome, Plan plan, OptionalInt failedStep, String message,
                                      Logged logged) {
        return new ApplyReport(outcome, plan, failedStep, Optional.ofNullable(message), logged.log);
    }

    /** The host's reading and plan, with the reads that made them. */
    public record PlannedHost(StateReader.Reading reading, Plan plan, List<ApplyReport.LoggedCommand> log) {
        public PlannedHost {
            log = List.copyOf(log);
        }
    }

    /** A shell that writes every command it runs into one log, tagged with why it ran. */
    private static final class Logged {
        private final HostShell shell;
        private final List<ApplyReport.LoggedCommand> log = new ArrayList<>();

        Logged(HostShell shell) {
            this.shell = shell;
        }

        HostShell as(ApplyReport.Purpose purpose) {
            return command -> {
                try {
                    HostShell.CommandOutput out = shell.run(command);
                    log.add(new ApplyReport.LoggedCommand(purpose, command.line(), out.exitStatus()));
                    return out;
                } catch (HostUnreachableException e) {
                    log.add(new ApplyReport.LoggedCommand(purpose, command.line(), -1));
                    throw e;
                }
            };
        }
    }
}
