package vnetdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs service work away from the FX thread and hands the outcome back on it.
 * Every database, file or SSH call of the console goes through one instance;
 * ViewModel tests use {@link SameThreadTaskRunner}.
 */
public interface TaskRunner {

    /**
     * Runs {@code work}; exactly one of {@code onSuccess} (with its result) or
     * {@code onFailure} is called afterwards, on the FX thread (on the calling
     * thread for the same-thread runner).
     *
     * @param title what the status bar shows while the work runs
     */
    <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** How many tasks are queued or running. */
    ReadOnlyIntegerProperty running();

    /** Title of the task running now, empty when idle. */
    ReadOnlyStringProperty currentTitle();
}
