package vnetdesk.ui.host;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.core.Access.PermissionDeniedException;
import vnetdesk.service.host.DesiredReport;
import vnetdesk.service.host.HostService;
import vnetdesk.service.host.HostService.HostInfo;
import vnetdesk.service.host.HostStatus;
import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.RowList;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Hosts section's state and actions: the list (with each host's pending
 * changes, found without connecting, its last apply, and what the console
 * last learnt about it: contact, probe, drift), the selected host's apply
 * history and desired state (its Networks and Firewall tabs), the number of
 * hosts with pending changes for the status bar, and New host, Edit (with its
 * Test connection), Probe, Check drift, Rename and Delete — each run in the
 * background, a refusal explained. Plan and Apply are {@link HostRunActions}'.
 */
public final class HostsViewModel {

    /** Where a user finds Plan and Apply. */
    public static final String PLAN_APPLY_NOTE = "Plan… shows what an apply would change on the host;"
            + " Apply… makes it so";

    private static final String NO_HOST = "No host selected";

    private final Inventory inventory;
    private final ConsoleHosts remote;
    /** The inventory's write count when the list was last read. */
    private final java.util.concurrent.atomic.AtomicLong writesRead = new java.util.concurrent.atomic.AtomicLong(-1);
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final ApplyTimes times;
    private final RowList<HostRow> list;
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<DesiredReport>> desired = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty desiredNote = new SimpleStringProperty(NO_HOST);
    private final IntegerBinding pendingCount;
    private final StringBinding pendingText;
    private final HostChecks checks;
    private final ProbeAction probe;
    private final DriftCheck drift;

    /** {@code remote} is the console's door to the hosts (probe, plan, apply). */
    public HostsViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs, ConsoleHosts remote) {
        this(inventory, actor, runner, dialogs, remote, Clock.systemDefaultZone());
    }

    /** {@code clock} gives the time zone and "today" of the Last apply and History times. */
    HostsViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs, ConsoleHosts remote,
                   Clock clock) {
        this.remote = remote;
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.times = new ApplyTimes(clock);
        this.list = new RowList<>(runner, dialogs, "hosts", this::readRows, HostRow::id, HostRow::matches);
        ObservableList<HostRow> all = list.unfiltered();
        pendingCount = Bindings.createIntegerBinding(() -> (int) all.stream()
                .filter(h -> h.pending().orElse(false)).count(), all);
        pendingText = Bindings.createStringBinding(() -> pendingCount.get()
                + (pendingCount.get() == 1 ? " host" : " hosts") + " with pending changes", pendingCount);
        list.selected().addListener((o, was, now) -> {
            loadHistory(now);
            loadDesired(now);
        });
        checks = new HostChecks(remote, actor, runner);
        probe = new ProbeAction(checks, dialogs, list::reloadSelecting);
        drift = new DriftCheck(remote, actor, runner, dialogs, list::reload);
    }

    /**
     * The console's work has settled: when any write was committed since the
     * list was last read (a network, a security group, a NIC changed), the
     * list is read again, so the hosts it affects show their pending changes
     * without a Refresh. No database access when nothing changed.
     */
    public void inventoryMayHaveChanged() {
        if (inventory.committedWrites() != writesRead.get()) {
            list.reload();
        }
    }

    /** Runs on the worker: the hosts, each with whether its desired state moved since its last apply. */
    private List<HostRow> readRows() {
        writesRead.set(inventory.committedWrites());
        List<HostRow> rows = new ArrayList<>();
        Map<Integer, HostStatus> statuses = inventory.hostStatuses().all(actor);
        for (HostInfo info : inventory.hosts().list(actor)) {
            rows.add(HostRow.of(info, pending(info.host().id()),
                    statuses.getOrDefault(info.host().id(), HostStatus.NONE), times));
        }
        return rows;
    }

    private Optional<Boolean> pending(int id) {
        try {
            return Optional.of(inventory.hostPlans().pending(actor, ObjectRef.id(id)));
        } catch (PermissionDeniedException notManaged) {
            // planning for a host takes the right to manage it; others see "—", not a guess
            return Optional.empty();
        }
    }

    /** Plan…, Plan all…, Apply… and Apply pending… over this list; {@code ui} runs on the FX thread. */
    public HostRunActions runs(java.util.concurrent.Executor ui) {
        return new HostRunActions(HostWork.of(remote, actor), runner, dialogs, ui, list);
    }

    public RowList<HostRow> list() {
        return list;
    }

    /** How the detail writes times: in the console's zone, short when today. */
    ApplyTimes times() {
        return times;
    }

    /** The selected host's apply outcomes, newest first (up to {@value HostService#HISTORY_KEPT}). */
    public ObservableList<HistoryRow> history() {
        return history;
    }

    private void loadHistory(Optional<HostRow> host) {
        if (host.isEmpty()) {
            history.clear();
            return;
        }
        int id = host.get().id();
        runner.run("Reading the apply history of host " + host.get().label(),
                () -> inventory.hosts().history(actor, ObjectRef.id(id), HostService.HISTORY_KEPT).stream()
                        .map(o -> HistoryRow.of(o, times)).toList(),
                rows -> {
                    // a later selection's history may be on its way: keep only the selected host's
                    if (list.selectedIdProperty().get().equals(Optional.of(id))) {
                        history.setAll(rows);
                    }
                }, e -> dialogs.showError("Cannot read the apply history of host " + host.get().label(), e));
    }

    /** What the selected host must carry (its Networks and Firewall tabs); empty while read or when refused. */
    public ReadOnlyObjectProperty<Optional<DesiredReport>> desiredProperty() {
        return desired;
    }

    /** Why {@link #desiredProperty()} is empty ("Reading…", a refusal), or "" when it is not. */
    public ReadOnlyStringProperty desiredNoteProperty() {
        return desiredNote;
    }

    private void loadDesired(Optional<HostRow> host) {
        desired.set(Optional.empty());
        if (host.isEmpty()) {
            desiredNote.set(NO_HOST);
            return;
        }
        HostRow h = host.get();
        desiredNote.set("Reading what host " + h.label() + " must carry…");
        runner.run("Reading the desired state of host " + h.label(),
                () -> inventory.hostPlans().desiredReport(actor, ObjectRef.id(h.id())),
                report -> {
                    if (list.selectedIdProperty().get().equals(Optional.of(h.id()))) {
                        desired.set(Optional.of(report));
                        desiredNote.set("");
                    }
                }, e -> {
                    // a user who may not manage the host is refused (a desired state is a plan's first half):
                    // the refusal says so in the tabs, without a dialog for merely selecting the host
                    if (list.selectedIdProperty().get().equals(Optional.of(h.id()))) {
                        desiredNote.set("Cannot show what host " + h.label() + " must carry: " + e.getMessage());
                    }
                });
    }

    /** How many hosts (that the user may manage) have pending changes, as of the last read of the list. */
    public IntegerBinding pendingCountBinding() {
        return pendingCount;
    }

    /** "2 hosts with pending changes", for the status bar. */
    public StringBinding pendingTextBinding() {
        return pendingText;
    }

    /** The form of New host; {@link HostFormViewModel#load()} reads the clusters. */
    public HostFormViewModel newHost() {
        return new HostFormViewModel(inventory, actor, runner, Optional.empty(), checks);
    }

    /** The Edit form of {@code h}: address, port, user and identity, filled with its settings. */
    public HostFormViewModel edit(HostRow h) {
        return new HostFormViewModel(inventory, actor, runner, Optional.of(h), checks);
    }

    /** Reads and plans every host the user may manage, changing nothing: the Drift column then shows each. */
    public void checkDrift() {
        drift.check(list.unfiltered());
    }

    /** True while a drift check runs. */
    public javafx.beans.property.ReadOnlyBooleanProperty checkingDriftProperty() {
        return drift.runningProperty();
    }

    /** Probe of the selected saved host: logs in, tells what it offers, reads the host again. */
    public ProbeAction probe() {
        return probe;
    }

    /** A host added with the New host form: listed and selected. */
    public void created(int id) {
        dialogs.notify("Host " + id + " added. " + PLAN_APPLY_NOTE + ".");
        list.reloadSelecting(id);
    }

    /** A host whose settings the Edit form saved: the list, the detail and the pending count are read again. */
    public void edited(int id) {
        dialogs.notify("Host " + id + " saved");
        list.reloadSelecting(id);
    }

    public void rename(HostRow h) {
        dialogs.askText("Rename host", "New name of host " + h.label(), h.name()).filter(n -> !n.equals(h.name()))
                .ifPresent(name -> change("Renaming host " + h.id(), "Cannot rename host " + h.label(), () -> {
                    inventory.hosts().rename(actor, ObjectRef.id(h.id()), name);
                    return h.id();
                }));
    }

    /** Deletes after asking; a host with VMs on it is refused by the service, which names them. */
    public void delete(HostRow h) {
        String note = h.vms().isEmpty() ? "" : "\n\nVMs are placed on it (" + String.join(", ", h.vms())
                + "): the delete is refused until they are moved or deleted.";
        if (!dialogs.confirm("Delete host", "Delete host " + h.label() + "?" + note)) {
            return;
        }
        runner.run("Deleting host " + h.id(), () -> {
            inventory.hosts().delete(actor, ObjectRef.id(h.id()));
            return h.id();
        }, id -> {
            dialogs.notify("Host " + h.label() + " deleted");
            list.reload();
        }, e -> dialogs.showError("Cannot delete host " + h.label(), e));
    }

    private void change(String doing, String refused, Callable<Integer> call) {
        runner.run(doing, call, id -> list.reload(), e -> dialogs.showError(refused, e));
    }
}
