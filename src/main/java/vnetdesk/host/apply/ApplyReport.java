package vnetdesk.host.apply;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import vnetdesk.host.plan.Plan;

/**
 * How an apply to one host ended: the outcome, the plan it ran, the step
 * that failed (1-based) and why, and every command it ran in order.
 */
public record ApplyReport(Outcome outcome, Plan plan, OptionalInt failedStep, Optional<String> message,
                          List<LoggedCommand> log) {

    public ApplyReport {
        log = List.copyOf(log);
    }

    public enum Outcome {
        /** The host was already in the desired state: nothing but the reads ran. */
        NOTHING_TO_DO,
        /** Every step ran and the state read back matched. */
        APPLIED,
        /** The plan has blockers: nothing ran. */
        BLOCKED,
        /** Cancelled before this host started: nothing ran. */
        CANCELLED,
        /** A step (or the verification) failed and the host is back as it was, checked by reading it. */
        FAILED_ROLLED_BACK,
        /** A step failed and the rollback could not bring the host back (see the message). */
        FAILED_NOT_ROLLED_BACK
    }

    /** One command run on the host: why it ran, its text, and its exit status. */
    public record LoggedCommand(Purpose purpose, String line, int exitStatus) {
    }

    /** Reads change nothing; changes are the plan's commands; undo is the rollback's. */
    public enum Purpose {
        READ, CHANGE, UNDO
    }

    /** Commands that changed (or tried to change) the host. */
    public long changingCommands() {
        return log.stream().filter(c -> c.purpose() != Purpose.READ).count();
    }
}
