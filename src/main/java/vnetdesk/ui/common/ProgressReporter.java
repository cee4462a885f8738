package vnetdesk.ui.common;

/**
 * Handed to the work of a task that reports progress: it says how far the
 * work is and learns whether it should stop. Called from the thread the work
 * runs on; the runner carries the latest report to the FX thread (reports
 * made between two deliveries are merged, so reporting often costs little).
 */
public interface ProgressReporter {

    /** {@code done} of {@code total} steps are done; {@code message} says what is being done now. */
    void report(long done, long total, String message);

    /** A fraction in [0, 1] is done; a negative one or NaN means "unknown" (the bar goes indeterminate). */
    void report(double fraction, String message);

    /** What is being done now, the fraction left as it was. */
    void message(String message);

    /**
     * Whether cancel was asked. Long work checks this between steps and returns
     * early; what it returns then is dropped.
     */
    boolean isCancelled();
}
