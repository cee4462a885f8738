package vnetdesk.ui.host;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.RowList;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Hosts view's Plan…, Plan all…, Apply… and Apply pending…: which hosts
 * each takes (the selected one; every host the user may manage; those with
 * pending changes), the confirmation naming them before an apply, and the
 * started Plan or Apply ViewModel for the view to show. After each apply the
 * hosts list is read again, so Pending and Last apply follow.
 */
public final class HostRunActions {

    private final HostWork work;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final Executor ui;
    private final RowList<HostRow> list;

    /** {@code ui} runs on the FX thread ({@code Platform::runLater}); tests pass one that runs at once. */
    public HostRunActions(HostWork work, TaskRunner runner, Dialogs dialogs, Executor ui, RowList<HostRow> list) {
        this.work = work;
        this.runner = runner;
        this.dialogs = dialogs;
        this.ui = ui;
        this.list = list;
    }

    /** Plans the selected host. */
    public Optional<PlanViewModel> planSelected() {
        return list.selectedRow().map(h -> plan(List.of(h)));
    }

    /** Plans the hosts selected in the table (several at once), or the one shown when none is. */
    public Optional<PlanViewModel> planSelected(List<HostRow> selected) {
        return selected.isEmpty() ? planSelected() : Optional.of(plan(List.copyOf(selected)));
    }

    /** Plans every host the user may manage (those whose Pending is known) that has an address. */
    public Optional<PlanViewModel> planAll() {
        List<HostRow> hosts = list.unfiltered().stream().filter(h -> h.pending().isPresent() && reachable(h)).toList();
        if (hosts.isEmpty()) {
            dialogs.notify("No host to plan: none you may manage has an address");
            return Optional.empty();
        }
        return Optional.of(plan(hosts));
    }

    /** Applies to the selected host, once the user confirmed. */
    public Optional<ApplyViewModel> applySelected() {
        return list.selectedRow().flatMap(this::applyTo);
    }

    private Optional<ApplyViewModel> applyTo(HostRow h) {
        String what = h.pending().orElse(false) ? "Its pending changes will be made on the host."
                : "It has no pending changes: the apply reads the host and repairs what differs.";
        return confirmed(List.of(h), "Apply to host " + h.label() + "? " + what
                + " Plan… shows the steps first.");
    }

    /** Applies to the hosts selected in the table (several at once), or the one shown when none is. */
    public Optional<ApplyViewModel> applySelected(List<HostRow> selected) {
        if (selected.isEmpty()) {
            return applySelected();
        }
        if (selected.size() == 1) {
            return applyTo(selected.get(0));
        }
        return confirmed(List.copyOf(selected), "Apply to " + selected.size() + " hosts: " + names(selected)
                + "? Each is made as the inventory wants it. Plan… shows the steps first.");
    }

    /** Applies to every host with pending changes, once the user confirmed. */
    public Optional<ApplyViewModel> applyPending() {
        List<HostRow> hosts = list.unfiltered().stream().filter(h -> h.pending().orElse(false) && reachable(h))
                .toList();
        if (hosts.isEmpty()) {
            dialogs.notify("No host with an address has pending changes");
            return Optional.empty();
        }
        return confirmed(hosts, "Apply the pending changes to " + hosts.size()
                + (hosts.size() == 1 ? " host: " : " hosts: ") + names(hosts) + "? Plan all… shows the steps first.");
    }

    /** A host without an address cannot be reached: Plan all and Apply pending leave it out, as Check drift does. */
    private static boolean reachable(HostRow h) {
        return !h.address().isEmpty();
    }

    private PlanViewModel plan(List<HostRow> hosts) {
        PlanViewModel plan = new PlanViewModel(work, runner, ui, rows(hosts), list::reload);
        plan.start();
        return plan;
    }

    private Optional<ApplyViewModel> confirmed(List<HostRow> hosts, String question) {
        if (!dialogs.confirm("Apply", question)) {
            return Optional.empty();
        }
        ApplyViewModel apply = new ApplyViewModel(work, runner, ui, rows(hosts), list::reload);
        apply.start();
        return Optional.of(apply);
    }

    private static List<HostRunRow> rows(List<HostRow> hosts) {
        return hosts.stream().map(h -> new HostRunRow(h.id(), h.label())).toList();
    }

    private static String names(List<HostRow> hosts) {
        return hosts.stream().map(HostRow::label).collect(Collectors.joining(", "));
    }
}
