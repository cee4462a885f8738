package vnetdesk.host.apply;

/**
 * Hears where an apply of one host is, for a front end's progress bar: the
 * stage, and while changing, which step of how many is starting (1-based)
 * with its readable text. Called on the thread that applies, between
 * commands; it must return quickly.
 */
@FunctionalInterface
public interface ApplyProgress {

    /** Where an apply is. */
    enum Stage {
        /** Reading the host's state before planning. */
        READING,
        /** Running step {@code step} of {@code steps}. */
        CHANGING,
        /** Reading the host back to check it is the desired state. */
        VERIFYING,
        /** Running the undo of the steps begun, after a failure. */
        ROLLING_BACK
    }

    /** Nothing listens. */
    ApplyProgress NONE = (stage, step, steps, what) -> { };

    /**
     * @param step  the step starting (1-based) while {@code CHANGING}; 0 otherwise
     * @param steps the plan's number of steps; 0 before it is known
     * @param what  the step's {@code subject: description} while changing; empty otherwise
     */
    void at(Stage stage, int step, int steps, String what);
}
