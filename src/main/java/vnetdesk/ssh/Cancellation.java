package vnetdesk.ssh;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** A request to stop many-host work: hosts not started are skipped, running ones stop at their next step. */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final BooleanSupplier alsoWhen;

    public Cancellation() {
        this(() -> false);
    }

    /** A cancellation that is also cancelled as soon as {@code alsoWhen} says so (e.g. a front end's task). */
    public Cancellation(BooleanSupplier alsoWhen) {
        this.alsoWhen = alsoWhen;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get() || alsoWhen.getAsBoolean();
    }
}
