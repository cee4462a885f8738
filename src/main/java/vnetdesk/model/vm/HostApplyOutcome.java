package vnetdesk.model.vm;

import java.time.Instant;
import java.util.Optional;

import vnetdesk.model.ValidationException;

/**
 * What one apply did to one host, as the inventory records it: when it ran,
 * how it ended, at which step it failed (steps count from 1, as a plan shows
 * them), the host's message and how many commands were sent.
 */
public record HostApplyOutcome(Instant started, Instant finished, Result result, Optional<Integer> failedStep,
                               String message, int commandsRun) {

    /** Messages longer than this (a whole stderr) are cut: the record is a summary, the log has the rest. */
    public static final int MAX_MESSAGE_LENGTH = 4000;

    /** How an apply ended on a host. */
    public enum Result {
        /** The plan ran and the state read back matched the desired state. */
        APPLIED(true),
        /** The host was in the desired state already: nothing but the reads ran. */
        NOTHING_TO_DO(true),
        /** A step failed and the host was put back as it was before the apply. */
        FAILED_ROLLED_BACK(false),
        /** A step failed and restoring the saved state failed too: the host needs a look. */
        FAILED_NOT_ROLLED_BACK(false),
        /** No session could be opened (network, credentials, host key). */
        UNREACHABLE(false),
        /** The user cancelled before the change was loaded; what ran was rolled back. */
        CANCELLED(false),
        /** The plan could not run on this host (a driver it cannot run, a device in the way): nothing ran. */
        BLOCKED(false);

        private final boolean success;

        Result(boolean success) {
            this.success = success;
        }

        /** Whether the host is in the desired state afterwards. */
        public boolean success() {
            return success;
        }

        /** Whether an outcome of this kind names the step that failed. */
        public boolean namesAFailedStep() {
            return this == FAILED_ROLLED_BACK || this == FAILED_NOT_ROLLED_BACK;
        }
    }

    public HostApplyOutcome {
        if (started == null || finished == null || result == null || failedStep == null || message == null) {
            throw new IllegalArgumentException("an apply outcome needs every field");
        }
        if (finished.isBefore(started)) {
            throw ValidationException.invalid("finished", finished, "before the start " + started);
        }
        if (result.namesAFailedStep() != failedStep.isPresent()) {
            throw ValidationException.invalid("failedStep", failedStep.map(String::valueOf).orElse("none"),
                    result + (result.namesAFailedStep() ? " names the step that failed" : " has no failed step"));
        }
        if (failedStep.isPresent() && failedStep.get() < 1) {
            throw ValidationException.invalid("failedStep", failedStep.get(), "steps count from 1");
        }
        if (commandsRun < 0) {
            throw ValidationException.invalid("commandsRun", commandsRun, "expected 0 or more");
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
        }
    }

    /** A short form for lists: {@code APPLIED}, {@code FAILED_ROLLED_BACK at step 3}. */
    public String summary() {
        return result + failedStep.map(s -> " at step " + s).orElse("");
    }
}
