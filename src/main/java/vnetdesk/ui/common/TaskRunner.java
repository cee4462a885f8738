package vnetdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs service work away from the FX thread and hands the outcome back on it.
 * Every database, file or SSH call of the console goes through one instance;
 * ViewModel tests use {@link SameThreadTaskRunner}. This class keeps the count
 * and title the status bar shows; implementations only decide where the work runs.
 */
public abstract class TaskRunner {

    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");

    /**
     * Runs {@code work}; exactly one of {@code onSuccess} (with its result) or
     * {@code onFailure} is called afterwards, on the FX thread (on the calling
     * thread for the same-thread runner).
     *
     * @param title what the status bar shows while the work runs
     */
    public abstract <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<Throwable> onFailure);

    /** A task was handed in; it counts as running until {@link #finished}. */
    protected final void submitted() {
        running.set(running.get() + 1);
    }

    /** The task titled {@code taskTitle} has started to run. */
    protected final void started(String taskTitle) {
        title.set(taskTitle);
    }

    /** A task has ended (either way); the title clears when none is left. */
    protected final void finished() {
        running.set(running.get() - 1);
        if (running.get() == 0) {
            title.set("");
        }
    }

    /** How many tasks are queued or running. */
    public final ReadOnlyIntegerProperty running() {
        return running.getReadOnlyProperty();
    }

    /** Title of the task running now, empty when idle. */
    public final ReadOnlyStringProperty currentTitle() {
        return title.getReadOnlyProperty();
    }
}
