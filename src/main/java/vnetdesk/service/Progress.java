package vnetdesk.service;

/**
 * Hears how far a long service operation is (a bulk hold, an import), for a
 * front end's progress bar. Called on the thread doing the work, inside its
 * transaction: a listener must return quickly and never call back into the
 * services. The service reports per chunk of work, not per address, so a
 * listener needs no throttling of its own to keep the work fast.
 */
public interface Progress {

    /** A stage of the work begins ("holding addresses", "committing"); steps that follow count within it. */
    default void phase(String text) {
    }

    /** {@code done} of {@code total} units of the current stage are finished ({@code done} never falls). */
    default void step(long done, long total) {
    }

    /** Nobody listens. */
    Progress NONE = new Progress() {
    };
}
