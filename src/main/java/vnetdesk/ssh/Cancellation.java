package vnetdesk.ssh;

import java.util.concurrent.atomic.AtomicBoolean;

/** A request to stop many-host work: hosts not started are skipped, running ones stop at their next step. */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
