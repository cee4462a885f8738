package vnetdesk.service.host;

import vnetdesk.service.host.HostReports.ApplyResult;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.ssh.Cancellation;

/**
 * One run of work on many hosts as a front end starts it: it can be asked to
 * stop (hosts not started are skipped; a host in the middle finishes or rolls
 * back, never left half-applied), and its listener hears each host's progress
 * and end. The listener is called on the threads that work on the hosts: it
 * must return quickly and hand UI work to its own thread.
 */
public final class HostRun {

    /** Hears the hosts of a run; every method may be called from several threads at once. */
    public interface Listener {
        /** A host reached a new phase or step. */
        default void progress(HostProgress progress) {
        }

        /** A host's plan is ready (plans only). */
        default void planned(PlanReport report) {
        }

        /** A host's apply ended, recorded in the inventory (applies only). */
        default void applied(ApplyResult result) {
        }
    }

    private static final Listener QUIET = new Listener() {
    };

    private final Cancellation cancellation;
    private final Listener listener;

    public HostRun(Listener listener) {
        this(listener, () -> false);
    }

    /** A run that is also cancelled as soon as {@code alsoCancelledWhen} says so (a front end task's cancel). */
    public HostRun(Listener listener, java.util.function.BooleanSupplier alsoCancelledWhen) {
        this.listener = listener;
        this.cancellation = new Cancellation(alsoCancelledWhen);
    }

    /** A run nobody watches, which nobody will stop. */
    public static HostRun quiet() {
        return new HostRun(QUIET);
    }

    /** Asks the run to stop: hosts not started are skipped, running ones stop at a safe point. */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    Cancellation cancellation() {
        return cancellation;
    }

    Listener listener() {
        return listener;
    }
}
