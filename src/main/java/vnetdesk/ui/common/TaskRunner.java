package vnetdesk.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs service work away from the FX thread and hands the outcome back on it.
 * Every database, file or SSH call of the console goes through one instance;
 * ViewModel tests use {@link SameThreadTaskRunner}. This class owns the rules
 * every runner keeps (a task's life, cancel, progress) and what the status bar
 * shows; implementations only decide where the work runs.
 *
 * <p>Two lanes. The ordered lane runs one task at a time in request order:
 * inventory work (the database serialises writes anyway, and results must
 * arrive in the order the user asked for them). The pool runs a bounded number
 * of long independent tasks at once (work on many hosts), so a long apply does
 * not hold up the inventory reads behind it.
 *
 * <p>Outcome. Exactly one callback is called, once, on the FX thread (on the
 * caller's thread for the same-thread runner): {@code onSuccess} with the
 * result or {@code onFailure} with what the work threw, unless cancel was asked
 * before that outcome was delivered. A cancelled task calls neither of them but
 * {@code onCancelled} (the plain {@link #run} form has none, so nothing is
 * called): at once if it had not started, else when its work returns, whatever
 * it returned or threw being dropped — except for work given its own way to
 * stop ({@link #runOnPoolStoppedBy}, {@link #runOnHosts}): that work stops at
 * a safe point and returns what it really did, which is delivered as
 * {@code onSuccess} or {@code onFailure}. Progress and state changes are delivered
 * the same way, before the outcome.
 *
 * <p>Cancel never interrupts the ordered lane: a thread interrupted during an
 * H2 file read closes the embedded database for every connection, so that work
 * stops by checking {@link ProgressReporter#isCancelled()} between steps. Pool
 * work of {@link #runOnPool} is interrupted, so that a blocking read or wait
 * ends at once; host work ({@link #runOnHosts}, {@link #runOnPoolStoppedBy}),
 * which reads and records in the inventory, never is.
 */
public abstract class TaskRunner {

    /** Work that reports its progress and may be asked to stop. */
    @FunctionalInterface
    public interface ProgressWork<T> {
        T call(ProgressReporter progress) throws Exception;
    }

    /** Where a task's work runs. */
    enum Lane { ORDERED, POOL }

    private static final Runnable NOTHING = () -> { };

    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Optional<TaskHandle>> current = new ReadOnlyObjectWrapper<>(Optional.empty());
    /** Tasks whose work has started and that have not ended, in the order they started. */
    private final List<TaskHandle> started = new ArrayList<>();

    /**
     * Runs {@code work} on the ordered lane. Cancel keeps it from starting; once
     * started it runs to its end and only its outcome is dropped.
     *
     * @param title what the status bar shows while the work runs
     */
    public final <T> TaskHandle run(String title, Callable<T> work, Consumer<? super T> onSuccess,
                                    Consumer<Throwable> onFailure) {
        return submit(Lane.ORDERED, title, false, progress -> work.call(), onSuccess, onFailure, NOTHING);
    }

    /** Runs {@code work} on the ordered lane, handing it a reporter of progress that also tells it to stop. */
    public final <T> TaskHandle runWithProgress(String title, ProgressWork<T> work, Consumer<? super T> onSuccess,
                                                Consumer<Throwable> onFailure, Runnable onCancelled) {
        return submit(Lane.ORDERED, title, true, work, onSuccess, onFailure, onCancelled);
    }

    /**
     * Runs {@code work} on the bounded pool, beside the ordered lane; cancel
     * also interrupts it. Pool work must not touch the inventory (an interrupt
     * during an H2 read closes the database): it does its own I/O (SSH) and
     * hands what must be stored to the ordered lane.
     */
    public final <T> TaskHandle runOnPool(String title, ProgressWork<T> work, Consumer<? super T> onSuccess,
                                          Consumer<Throwable> onFailure, Runnable onCancelled) {
        return submit(Lane.POOL, title, true, work, onSuccess, onFailure, onCancelled, Optional.empty());
    }

    /**
     * Runs {@code work} on the pool like {@link #runOnPool}, but a cancel
     * (the status bar's too) calls {@code stop} instead of interrupting: for
     * work on hosts that reads and records in the inventory as it goes (a
     * {@code HostRun}), where an interrupt could land in an H2 read and close
     * the database. The work returns once it has stopped at a safe point, and
     * what it returns is delivered (a cancel before it started calls
     * {@code onCancelled}).
     */
    public final <T> TaskHandle runOnPoolStoppedBy(Runnable stop, String title, ProgressWork<T> work,
                                                   Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
                                                   Runnable onCancelled) {
        return submit(Lane.POOL, title, true, work, onSuccess, onFailure, onCancelled, Optional.of(stop));
    }

    /**
     * Runs work on hosts that also reads and records in the inventory (the
     * host engine): on the bounded pool like {@link #runOnPool}, but a cancel
     * never interrupts it — an interrupt during an H2 read would close the
     * database — it only asks it to stop: the work hands
     * {@link ProgressReporter#isCancelled()} to its host run, which skips the
     * hosts not started and lets a host in the middle finish or roll back
     * ({@link #runOnPoolStoppedBy} with nothing to call: the work polls).
     */
    public final <T> TaskHandle runOnHosts(String title, ProgressWork<T> work, Consumer<? super T> onSuccess,
                                           Consumer<Throwable> onFailure, Runnable onCancelled) {
        return runOnPoolStoppedBy(NOTHING, title, work, onSuccess, onFailure, onCancelled);
    }

    private <T> TaskHandle submit(Lane lane, String taskTitle, boolean stoppable, ProgressWork<T> work,
                                  Consumer<? super T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled) {
        return submit(lane, taskTitle, stoppable, work, onSuccess, onFailure, onCancelled, Optional.empty());
    }

    private <T> TaskHandle submit(Lane lane, String taskTitle, boolean stoppable, ProgressWork<T> work,
                                  Consumer<? super T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled,
                                  Optional<Runnable> stop) {
        TaskJob<T> job = new TaskJob<>(this, new TaskJob.Callbacks<>(onSuccess, onFailure, onCancelled), taskTitle,
                stoppable, lane == Lane.POOL && stop.isEmpty(), work, stop);
        running.set(running.get() + 1);
        dispatch(lane, job);
        return job.handle();
    }

    /**
     * Runs {@code work} on the UI thread (soon, in order): for listeners that
     * hear background work as it goes (an SSH run's hosts ending one by one).
     */
    public final void later(Runnable work) {
        onUiThread(work);
    }

    /** Has {@link TaskJob#runWork()} called on the lane's thread, now or later. */
    abstract void dispatch(Lane lane, TaskJob<?> job);

    /** Runs a delivery (state, progress, outcome) on the thread that owns the UI. */
    abstract void onUiThread(Runnable delivery);

    /** The task's work has started: it becomes the one the status bar shows. */
    final void taskStarted(TaskHandle task) {
        started.add(task);
        title.set(task.title());
        current.set(Optional.of(task));
    }

    /**
     * A task has ended (either way, or cancelled before it started). When it was
     * the one shown, another running one (pool work) takes its place; between two
     * tasks of the ordered lane the title stays until the next one starts.
     */
    final void taskEnded(TaskHandle task) {
        running.set(running.get() - 1);
        started.remove(task);
        if (running.get() == 0) {
            title.set("");
            current.set(Optional.empty());
        } else if (current.get().filter(task::equals).isPresent()) {
            Optional<TaskHandle> next = started.isEmpty() ? Optional.empty()
                    : Optional.of(started.get(started.size() - 1));
            next.ifPresent(n -> title.set(n.title()));
            current.set(next);
        }
    }

    /**
     * Asks every task whose work has started to stop (on the UI thread), as
     * its Cancel would: the console is closing. Host work stops at a safe
     * point; ordered work stops at its next step.
     */
    public final void cancelStarted() {
        List.copyOf(started).forEach(TaskHandle::cancel);
    }

    /** How many tasks are queued or running. */
    public final ReadOnlyIntegerProperty running() {
        return running.getReadOnlyProperty();
    }

    /** Title of the task running now, empty when idle. */
    public final ReadOnlyStringProperty currentTitle() {
        return title.getReadOnlyProperty();
    }

    /** The running task the status bar shows (the one started last), if any. */
    public final ReadOnlyObjectProperty<Optional<TaskHandle>> currentTask() {
        return current.getReadOnlyProperty();
    }
}
