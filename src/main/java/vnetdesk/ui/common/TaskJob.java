package vnetdesk.ui.common;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import vnetdesk.ui.common.TaskHandle.State;

/**
 * One task's life, the same for every runner: it starts unless cancelled
 * first, runs its work on the thread the runner chose, and delivers progress,
 * state and exactly one outcome on the UI thread, as {@link TaskRunner} states.
 */
final class TaskJob<T> implements ProgressReporter {

    /** What the submitter is told. */
    record Callbacks<T>(Consumer<? super T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled) {
    }

    /** What the work did. */
    private sealed interface Outcome<T> {
        record Returned<T>(T value) implements Outcome<T> {
        }

        record Threw<T>(Throwable failure) implements Outcome<T> {
        }
    }

    /** A progress report on its way to the UI thread; without a fraction it keeps the one shown. */
    private record Report(OptionalDouble fraction, String message) {
        Report then(Report later) {
            return later.fraction.isPresent() ? later : new Report(fraction, later.message);
        }
    }

    private final TaskRunner runner;
    private final Callbacks<T> callbacks;
    private final TaskHandle handle;
    private final boolean interruptible;
    private final TaskRunner.ProgressWork<T> work;
    /** How work that must not be interrupted is told to stop. */
    private final Optional<Runnable> stop;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicReference<Report> pendingReport = new AtomicReference<>();
    /** Guards the start against a cancel racing it, and the thread a cancel interrupts. */
    private final Object startLock = new Object();
    private boolean started;
    private boolean withdrawn;
    private Optional<Thread> worker = Optional.empty();

    TaskJob(TaskRunner runner, Callbacks<T> callbacks, String title, boolean stoppable, boolean interruptible,
            TaskRunner.ProgressWork<T> work, Optional<Runnable> stop) {
        this.runner = runner;
        this.callbacks = callbacks;
        this.handle = new TaskHandle(title, stoppable, this::cancel);
        this.interruptible = interruptible;
        this.work = work;
        this.stop = stop;
    }

    TaskHandle handle() {
        return handle;
    }

    /**
     * Runs the work on the calling thread, unless the task was cancelled before
     * it started; the outcome goes to the UI thread.
     *
     * @return whether the work ran
     */
    boolean runWork() {
        synchronized (startLock) {
            if (withdrawn) {
                return false;
            }
            started = true;
            worker = Optional.of(Thread.currentThread());
        }
        runner.onUiThread(this::showStarted);
        Outcome<T> outcome;
        try {
            outcome = new Outcome.Returned<>(work.call(this));
        } catch (Exception | Error e) {
            outcome = new Outcome.Threw<>(e);
        } finally {
            synchronized (startLock) {
                worker = Optional.empty();
                if (interruptible) {
                    // a cancel's interrupt must not reach the next task of this pool thread
                    Thread.interrupted();
                }
            }
        }
        Outcome<T> done = outcome;
        runner.onUiThread(() -> end(done));
        return true;
    }

    private void showStarted() {
        if (handle.state() == State.QUEUED) {
            handle.setState(State.RUNNING);
        }
        runner.taskStarted(handle);
    }

    private void end(Outcome<T> outcome) {
        // work told to stop by its own action stopped at a safe point: what it did (hosts applied, a NIC
        // attached or taken back) is real and must be shown, so its outcome is delivered, not dropped
        if (cancelRequested.get() && stop.isEmpty()) {
            finish(State.CANCELLED);
            callbacks.onCancelled().run();
        } else if (outcome instanceof Outcome.Returned<T> returned) {
            finish(State.SUCCEEDED);
            callbacks.onSuccess().accept(returned.value());
        } else {
            finish(State.FAILED);
            callbacks.onFailure().accept(((Outcome.Threw<T>) outcome).failure());
        }
    }

    private void finish(State state) {
        handle.setState(state);
        runner.taskEnded(handle);
    }

    /** {@link TaskHandle#cancel()}, on the UI thread. */
    private boolean cancel() {
        if (handle.state().isDone() || !cancelRequested.compareAndSet(false, true)) {
            return false;
        }
        boolean beforeStart;
        synchronized (startLock) {
            beforeStart = !started;
            withdrawn = beforeStart;
            if (!beforeStart && interruptible) {
                worker.ifPresent(Thread::interrupt);
            }
        }
        if (beforeStart) {
            finish(State.CANCELLED);
            callbacks.onCancelled().run();
        } else {
            handle.setState(State.CANCELLING);
            stop.ifPresent(Runnable::run);
        }
        return true;
    }

    @Override
    public void report(long done, long total, String message) {
        double fraction = total > 0 ? Math.min(1, Math.max(0, (double) done / total)) : TaskHandle.INDETERMINATE;
        deliver(new Report(OptionalDouble.of(fraction), message));
    }

    @Override
    public void report(double fraction, String message) {
        double shown = Double.isNaN(fraction) || fraction < 0 ? TaskHandle.INDETERMINATE : Math.min(1, fraction);
        deliver(new Report(OptionalDouble.of(shown), message));
    }

    @Override
    public void message(String message) {
        deliver(new Report(OptionalDouble.empty(), message));
    }

    @Override
    public boolean isCancelled() {
        return cancelRequested.get();
    }

    /** Merges with a report not yet shown; only the first of a merged run schedules a delivery. */
    private void deliver(Report report) {
        Objects.requireNonNull(report.message(), "message");
        if (pendingReport.getAndUpdate(p -> p == null ? report : p.then(report)) == null) {
            runner.onUiThread(this::showReport);
        }
    }

    private void showReport() {
        Report report = pendingReport.getAndSet(null);
        if (report == null || handle.state().isDone()) {
            return;
        }
        report.fraction().ifPresent(handle::setProgress);
        handle.setMessage(report.message());
    }
}
