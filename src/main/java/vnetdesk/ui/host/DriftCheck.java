package vnetdesk.ui.host;

import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.host.HostProgress;
import vnetdesk.service.host.HostReports.PlanReport;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostRun;
import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Hosts view's Check drift: reads every host the user may manage (with
 * an address) and plans, changing nothing; each host's drift is recorded by
 * the engine, so the Drift column shows "out of sync" where the host differs
 * from what the inventory implies — a rule removed behind the console's back
 * included. The count of each outcome is said at the end.
 */
final class DriftCheck {

    private final ConsoleHosts hosts;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final Runnable reload;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    /** {@code reload} reads the hosts list again (the drift column) when the check ends. */
    DriftCheck(ConsoleHosts hosts, Actor actor, TaskRunner runner, Dialogs dialogs, Runnable reload) {
        this.hosts = hosts;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.reload = reload;
    }

    /** Checks the hosts among {@code rows} that the user may manage and that have an address. */
    void check(List<HostRow> rows) {
        List<ObjectRef> refs = rows.stream().filter(r -> r.pending().isPresent() && !r.address().isEmpty())
                .map(r -> ObjectRef.id(r.id())).toList();
        if (refs.isEmpty()) {
            dialogs.notify("No host to check: none you may manage has an address");
            return;
        }
        running.set(true);
        runner.runOnHosts("Checking " + refs.size() + (refs.size() == 1 ? " host" : " hosts") + " for drift",
                progress -> hosts.remote().plan(actor, refs, new HostRun(new HostRun.Listener() {
                    @Override
                    public void progress(HostProgress p) {
                        progress.message(p.line());
                    }
                }, progress::isCancelled)), reports -> {
                    running.set(false);
                    dialogs.notify(summary(reports));
                    reload.run();
                }, e -> {
                    running.set(false);
                    dialogs.showError("Cannot check the hosts for drift", e);
                    reload.run();
                }, () -> {
                    running.set(false);
                    reload.run();
                });
    }

    /** "Drift check: 2 in sync, 1 out of sync, 1 unreachable" (only the outcomes that occurred). */
    static String summary(List<PlanReport> reports) {
        StringBuilder text = new StringBuilder("Drift check:");
        String sep = " ";
        for (PlanStatus s : PlanStatus.values()) {
            long n = reports.stream().filter(r -> r.status() == s).count();
            if (n > 0) {
                text.append(sep).append(n).append(' ').append(words(s));
                sep = ", ";
            }
        }
        return text.toString();
    }

    private static String words(PlanStatus s) {
        switch (s) {
            case IN_SYNC:
                return "in sync";
            case CHANGES:
                return "out of sync";
            case BLOCKED:
                return "blocked";
            default:
                return "unreachable";
        }
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
