package vnetdesk.ui.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostRun;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Plan window's state: the hosts' progress while they are read and
 * planned (cancellable), then per host its plan as a tree of
 * {@link PlanItem}s with the commands behind each line, a summary, and
 * Apply — an {@link ApplyViewModel} over the hosts whose plan has changes.
 */
public final class PlanViewModel {

    private final HostWork work;
    private final TaskRunner runner;
    private final Executor ui;
    private final Runnable afterApply;
    private final HostRunProgress progress;
    private final Map<Integer, PlanReport> reports = new LinkedHashMap<>();
    private final ObservableList<PlanItem> outline = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanBinding canApply;

    /** {@code afterApply} is called on the UI thread after each apply started from this plan. */
    public PlanViewModel(HostWork work, TaskRunner runner, Executor ui, List<HostRunRow> hosts, Runnable afterApply) {
        this.work = work;
        this.runner = runner;
        this.ui = ui;
        this.afterApply = afterApply;
        this.progress = new HostRunProgress(hosts, runner, ui);
        canApply = Bindings.createBooleanBinding(() -> !progress.runningProperty().get() && !withChanges().isEmpty(),
                progress.runningProperty(), outline);
    }

    public ObservableList<HostRunRow> rows() {
        return progress.rows();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return progress.runningProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return progress.cancellingProperty();
    }

    /** One tree per host, in the order of the hosts, filled as their plans arrive. */
    public ObservableList<PlanItem> outline() {
        return outline;
    }

    /** "Planning 3 hosts…", then "2 with changes, 1 in sync, 1 unreachable". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether Apply has hosts to apply to (and planning is over). */
    public BooleanBinding canApplyBinding() {
        return canApply;
    }

    /** The plan of a host, once it arrived. */
    public Optional<PlanReport> report(int hostId) {
        return Optional.ofNullable(reports.get(hostId));
    }

    /** Plans every host of the window (again, when called after a plan). */
    public void start() {
        reports.clear();
        outline.clear();
        int n = progress.rows().size();
        summary.set("Planning " + n + (n == 1 ? " host" : " hosts") + "…");
        progress.start("Planning " + n + (n == 1 ? " host" : " hosts"), List.copyOf(progress.rows()), work::plan,
                new HostRun.Listener() {
                    @Override
                    public void planned(PlanReport report) {
                        PlanViewModel.this.planned(report);
                    }
                }, results -> { }, this::done);
    }

    public void cancel() {
        progress.cancel();
    }

    /** The hosts whose plan would change them. */
    public List<HostRunRow> withChanges() {
        return progress.rows().stream().filter(r -> report(r.hostId()).map(p -> p.status() == PlanStatus.CHANGES)
                .orElse(false)).toList();
    }

    /** Starts the apply of the hosts with changes; the window shows the returned progress. */
    public ApplyViewModel apply() {
        List<HostRunRow> hosts = withChanges().stream().map(r -> new HostRunRow(r.hostId(), r.label())).toList();
        ApplyViewModel apply = new ApplyViewModel(work, runner, ui, hosts, afterApply);
        apply.start();
        return apply;
    }

    private void planned(PlanReport report) {
        progress.row(report.host().id()).ifPresent(r -> {
            reports.put(r.hostId(), report);
            boolean fine = report.status() == PlanStatus.IN_SYNC || report.status() == PlanStatus.CHANGES;
            r.finish(fine ? HostRunRow.State.DONE : HostRunRow.State.FAILED,
                    report.status() == PlanStatus.BLOCKED ? "blocked"
                            : report.status() == PlanStatus.UNREACHABLE ? "unreachable" : "planned",
                    PlanItem.statusText(report), Optional.empty());
            showOutline();
        });
    }

    private void done() {
        showOutline();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (HostRunRow r : progress.rows()) {
            String what = report(r.hostId()).map(p -> status(p.status())).orElse(r.state().words());
            counts.merge(what, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((what, n) -> parts.add(n + " " + what));
        summary.set(String.join(", ", parts));
    }

    private void showOutline() {
        List<PlanItem> items = new ArrayList<>();
        for (HostRunRow r : progress.rows()) {
            Optional<PlanReport> p = report(r.hostId());
            if (p.isPresent()) {
                items.add(PlanItem.of(p.get()));
            } else if (r.state().finished()) {
                items.add(PlanItem.unplanned(r));
            }
        }
        outline.setAll(items);
    }

    private static String status(PlanStatus s) {
        switch (s) {
            case IN_SYNC:
                return "in sync";
            case CHANGES:
                return "with changes";
            case BLOCKED:
                return "blocked";
            default:
                return "unreachable";
        }
    }
}
