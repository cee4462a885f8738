package vnetdesk.ui.common;

/**
 * Runs work immediately on the calling thread, both lanes alike, and delivers
 * on it too: for ViewModel tests without the toolkit. Cancel and progress
 * follow the console's rules; a test cancels from a progress listener (of
 * {@link #currentTask()}), as the status bar's Cancel button does.
 */
public final class SameThreadTaskRunner extends TaskRunner {

    private int completed;

    @Override
    void dispatch(Lane lane, TaskJob<?> job) {
        if (job.runWork()) {
            completed++;
        }
    }

    @Override
    void onUiThread(Runnable delivery) {
        delivery.run();
    }

    /** Tasks whose work ran so far (tests check that an action did or did not reach the service). */
    public int completed() {
        return completed;
    }
}
