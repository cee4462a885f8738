package vnetdesk.ui.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.service.host.HostReports.ApplyResult;
import vnetdesk.service.host.HostRun;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Apply window's state: one row per host with its progress while the
 * apply runs, Cancel (hosts not started are skipped, a host in the middle
 * finishes or rolls back), the summary when the run ends ("3 applied, 1 in
 * sync, 1 failed, 1 skipped") with each failure's message, and Retry failed,
 * a new run over the failed and skipped hosts only. The rows keep their last
 * outcome, so the summary always speaks of every host of the window.
 */
public final class ApplyViewModel {

    private final HostWork work;
    private final HostRunProgress progress;
    private final Runnable afterRun;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private final BooleanBinding canRetry;

    /**
     * {@code hosts} are the rows to apply to; {@code afterRun} is called on the
     * UI thread after each run (the hosts list is read again: Pending and Last
     * apply changed).
     */
    public ApplyViewModel(HostWork work, TaskRunner runner, Executor ui, List<HostRunRow> hosts, Runnable afterRun) {
        this.work = work;
        this.progress = new HostRunProgress(hosts, runner, ui);
        this.afterRun = afterRun;
        canRetry = Bindings.createBooleanBinding(() -> !progress.runningProperty().get() && !retryable().isEmpty(),
                progress.runningProperty(), summary);
    }

    public ObservableList<HostRunRow> rows() {
        return progress.rows();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return progress.runningProperty();
    }

    /** True from Cancel until the run has stopped (a host in the middle finishes or rolls back first). */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return progress.cancellingProperty();
    }

    /** "Applying 5 hosts…" while running, then "3 applied, 1 in sync, 1 failed, 1 skipped". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Each failed or skipped host with its message ("3:kvm2 — UNREACHABLE: connection refused"). */
    public ObservableList<String> failures() {
        return failures;
    }

    /** Whether Retry failed has hosts to run (and no run is going on). */
    public BooleanBinding canRetryBinding() {
        return canRetry;
    }

    /** Applies to every host of the window. */
    public void start() {
        run(List.copyOf(progress.rows()));
    }

    public void cancel() {
        progress.cancel();
    }

    /** A new run over the hosts that failed or were skipped; the others keep their outcome. */
    public void retryFailed() {
        List<HostRunRow> again = retryable();
        if (!again.isEmpty() && !progress.runningProperty().get()) {
            run(again);
        }
    }

    /** The hosts Retry failed would run. */
    public List<HostRunRow> retryable() {
        return progress.rows().stream().filter(r -> r.state() == HostRunRow.State.FAILED
                || r.state() == HostRunRow.State.SKIPPED).toList();
    }

    private void run(List<HostRunRow> hosts) {
        failures.clear();
        summary.set("Applying " + hosts.size() + (hosts.size() == 1 ? " host" : " hosts") + "…");
        progress.start("Applying to " + hosts.size() + (hosts.size() == 1 ? " host" : " hosts"), hosts,
                work::apply, new HostRun.Listener() {
                    @Override
                    public void applied(ApplyResult result) {
                        ended(result);
                    }
                }, results -> results.ifPresent(all -> all.forEach(this::ended)), this::done);
    }

    /** A host's outcome: the engine's, as recorded in the inventory. */
    private void ended(ApplyResult result) {
        progress.row(result.host().id()).filter(r -> !r.state().finished()).ifPresent(r -> {
            HostApplyOutcome o = result.outcome();
            HostRunRow.State state = o.result().success() ? HostRunRow.State.DONE
                    : o.result() == HostApplyOutcome.Result.CANCELLED ? HostRunRow.State.SKIPPED
                    : HostRunRow.State.FAILED;
            r.finish(state, words(o.result()), o.failedStep().map(s -> "step " + s + ": ").orElse("")
                    + o.message(), Optional.of(o.result()));
        });
    }

    private void done() {
        summarize();
        afterRun.run();
    }

    private void summarize() {
        int applied = 0;
        int inSync = 0;
        int failed = 0;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        for (HostRunRow r : progress.rows()) {
            switch (r.state()) {
                case DONE:
                    if (r.result().filter(x -> x == HostApplyOutcome.Result.NOTHING_TO_DO).isPresent()) {
                        inSync++;
                    } else {
                        applied++;
                    }
                    break;
                case FAILED:
                    failed++;
                    problems.add(r.label() + " — " + r.phaseProperty().get() + ": " + r.messageProperty().get());
                    break;
                case SKIPPED:
                    skipped++;
                    problems.add(r.label() + " — skipped: " + r.messageProperty().get());
                    break;
                default:
                    break;
            }
        }
        List<String> parts = new ArrayList<>();
        add(parts, applied, "applied");
        add(parts, inSync, "in sync");
        add(parts, failed, "failed");
        add(parts, skipped, "skipped");
        failures.setAll(problems);
        summary.set(parts.isEmpty() ? "nothing applied" : String.join(", ", parts));
    }

    private static void add(List<String> parts, int count, String what) {
        if (count > 0) {
            parts.add(count + " " + what);
        }
    }

    /** An outcome as the State column says it. */
    static String words(HostApplyOutcome.Result result) {
        switch (result) {
            case APPLIED:
                return "applied";
            case NOTHING_TO_DO:
                return "in sync";
            case FAILED_ROLLED_BACK:
                return "failed, rolled back";
            case FAILED_NOT_ROLLED_BACK:
                return "failed, NOT rolled back";
            case UNREACHABLE:
                return "unreachable";
            case CANCELLED:
                return "cancelled";
            default:
                return "blocked";
        }
    }
}
