package vnetdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work immediately on the calling thread: for ViewModel tests without the toolkit. */
public final class SameThreadTaskRunner extends TaskRunner {

    private int completed;

    @Override
    public <T> void run(String taskTitle, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure) {
        submitted();
        started(taskTitle);
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            end();
            onFailure.accept(e);
            return;
        }
        end();
        onSuccess.accept(result);
    }

    private void end() {
        finished();
        completed++;
    }

    /** Tasks finished so far (tests check that an action did or did not reach the service). */
    public int completed() {
        return completed;
    }
}
