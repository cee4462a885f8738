package vnetdesk.ui.common;

import java.util.function.BooleanSupplier;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One task handed to a {@link TaskRunner}: its state, progress and message as
 * read-only properties (changed only on the FX thread, or on the caller's
 * thread with the same-thread runner), and {@link #cancel()}.
 */
public final class TaskHandle {

    /** Where a task is in its life; the last three are final. */
    public enum State {
        QUEUED, RUNNING, CANCELLING, SUCCEEDED, FAILED, CANCELLED;

        public boolean isDone() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    /** The progress of a task that has not reported a fraction (as {@code ProgressBar.INDETERMINATE_PROGRESS}). */
    public static final double INDETERMINATE = -1;

    private final String title;
    private final boolean stoppable;
    private final BooleanSupplier cancelAction;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.QUEUED);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(INDETERMINATE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    TaskHandle(String title, boolean stoppable, BooleanSupplier cancelAction) {
        this.title = title;
        this.stoppable = stoppable;
        this.cancelAction = cancelAction;
    }

    /** What the status bar shows while the task runs. */
    public String title() {
        return title;
    }

    /**
     * Whether cancel stops the work while it runs (the forms that hand the work
     * a {@link ProgressReporter}). Any task can be cancelled; a plain one that
     * has started is left to finish and only its outcome is dropped.
     */
    public boolean isStoppable() {
        return stoppable;
    }

    public State state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The fraction done in [0, 1], or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the work last said it is doing; empty until it says. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Asks the task to stop; call on the FX thread. A queued task never starts;
     * a running one is told ({@link ProgressReporter#isCancelled()}, and a pool
     * task is interrupted) and ends as {@link State#CANCELLED} when its work
     * returns. See {@link TaskRunner} for the callbacks.
     *
     * @return false when the task had already ended or been cancelled
     */
    public boolean cancel() {
        return cancelAction.getAsBoolean();
    }

    void setState(State now) {
        state.set(now);
    }

    void setProgress(double fraction) {
        progress.set(fraction);
    }

    void setMessage(String text) {
        message.set(text);
    }

    @Override
    public String toString() {
        return title + " (" + state.get() + ")";
    }
}
