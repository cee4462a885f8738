package vnetdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Runs work immediately on the calling thread: for ViewModel tests without the toolkit. */
public final class SameThreadTaskRunner implements TaskRunner {

    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private int completed;

    @Override
    public <T> void run(String taskTitle, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure) {
        running.set(running.get() + 1);
        title.set(taskTitle);
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            finish();
            onFailure.accept(e);
            return;
        }
        finish();
        onSuccess.accept(result);
    }

    private void finish() {
        running.set(running.get() - 1);
        title.set("");
        completed++;
    }

    /** Tasks finished so far (tests check that an action did or did not reach the service). */
    public int completed() {
        return completed;
    }

    @Override
    public ReadOnlyIntegerProperty running() {
        return running.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty currentTitle() {
        return title.getReadOnlyProperty();
    }
}
