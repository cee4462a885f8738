package vnetdesk.ui.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.ObjectRef;
import vnetdesk.service.host.HostProgress;
import vnetdesk.service.host.HostReports.ApplyResult;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostRun;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.ProgressReporter;
import vnetdesk.ui.common.TaskRunner;

/**
 * The per-host progress of a Plan or Apply window: one {@link HostRunRow}
 * per host, a run over some of them on the runner's pool whose listener's
 * calls (made on SSH threads) are handed to the UI executor, Cancel through
 * {@link HostRun#cancel()} — never an interrupt, which could close the
 * inventory in the middle of a read — and, when the run ends, the rows it
 * did not finish marked skipped (cancelled) or failed (the run broke).
 */
final class HostRunProgress {

    private final ObservableList<HostRunRow> rows = FXCollections.observableArrayList();
    private final Map<Integer, HostRunRow> byHost = new LinkedHashMap<>();
    private final TaskRunner runner;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(false);
    private Optional<HostRun> current = Optional.empty();

    /** {@code ui} runs on the FX thread ({@code Platform::runLater}); ViewModel tests pass one that runs at once. */
    HostRunProgress(List<HostRunRow> hosts, TaskRunner runner, Executor ui) {
        this.runner = runner;
        this.ui = ui;
        hosts.forEach(r -> byHost.put(r.hostId(), r));
        rows.setAll(byHost.values());
    }

    ObservableList<HostRunRow> rows() {
        return rows;
    }

    Optional<HostRunRow> row(int hostId) {
        return Optional.ofNullable(byHost.get(hostId));
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /**
     * Runs {@code work} over {@code hosts} (reset to waiting) on the pool.
     * {@code ended} hears each host's plan or apply result on the UI thread;
     * {@code finished} gets the work's result (a cancel lets the run stop at a
     * safe point and return what it did), or empty when the task was
     * cancelled before it started or broke (its rows then say why). The rows still unfinished are then swept as skipped or failed,
     * the run ends, and {@code after} is called.
     */
    <T> void start(String title, List<HostRunRow> hosts, BiFunction<List<ObjectRef>, HostRun, T> work,
                   HostRun.Listener ended, Consumer<Optional<T>> finished, Runnable after) {
        if (running.get()) {
            throw new IllegalStateException("a run is going on already");
        }
        hosts.forEach(HostRunRow::reset);
        AtomicReference<ProgressReporter> reporter = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        int total = hosts.size();
        HostRun run = new HostRun(new HostRun.Listener() {
            @Override
            public void progress(HostProgress p) {
                ui.execute(() -> row(p.host().id()).ifPresent(r -> r.progress(p)));
            }

            @Override
            public void planned(PlanReport report) {
                hostEnded(report.host().label());
                ui.execute(() -> ended.planned(report));
            }

            @Override
            public void applied(ApplyResult result) {
                hostEnded(result.host().label());
                ui.execute(() -> ended.applied(result));
            }

            private void hostEnded(String host) {
                int ended = done.incrementAndGet();
                Optional.ofNullable(reporter.get()).ifPresent(p -> p.report(ended, total,
                        host + " done, " + ended + " of " + total + " hosts"));
            }
        });
        current = Optional.of(run);
        running.set(true);
        cancelling.set(false);
        List<ObjectRef> refs = hosts.stream().map(HostRunRow::ref).toList();
        runner.runOnPoolStoppedBy(this::cancel, title, progress -> {
            reporter.set(progress);
            progress.report(0, total, title);
            return work.apply(refs, run);
        }, result -> end(hosts, () -> finished.accept(Optional.of(result)), Optional.empty(), false, after),
                e -> end(hosts, () -> finished.accept(Optional.empty()), Optional.of(ErrorText.message(e)), false,
                        after),
                // cancelled while queued: the run never started, so no host was touched
                () -> end(hosts, () -> finished.accept(Optional.empty()), Optional.empty(), true, after));
    }

    /** Hosts not started are skipped; a host in the middle finishes or rolls back. */
    void cancel() {
        current.ifPresent(run -> {
            cancelling.set(true);
            run.cancel();
        });
    }

    private void end(List<HostRunRow> hosts, Runnable report, Optional<String> broke, boolean cancelledQueued,
                     Runnable after) {
        boolean cancelled = cancelledQueued || current.map(HostRun::isCancelled).orElse(false);
        current = Optional.empty();
        report.run();
        for (HostRunRow r : hosts) {
            if (r.state().finished()) {
                continue;
            }
            if (broke.isPresent()) {
                r.finish(HostRunRow.State.FAILED, "failed", broke.get(), Optional.empty());
            } else {
                r.finish(HostRunRow.State.SKIPPED, "skipped", cancelled ? "not started: cancelled"
                        : "no outcome reported", Optional.empty());
            }
        }
        cancelling.set(false);
        running.set(false);
        after.run();
    }
}
