package vnetdesk.ui.secgroup;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.PropagationState;
import vnetdesk.service.Inventory;
import vnetdesk.service.SecurityGroupService.GroupDetails;
import vnetdesk.service.SecurityGroupService.VmStatus;
import vnetdesk.service.host.HostProgress;
import vnetdesk.service.host.HostReports;
import vnetdesk.service.host.HostRun;
import vnetdesk.service.host.LiveChanges;
import vnetdesk.ui.common.ConsoleHosts;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;

/**
 * The VMs tab of a security group: its VMs in the four propagation states,
 * and Commit / "retry outdated and failed", applied to the VMs' hosts with
 * the states changing as the hosts answer.
 */
public final class SecurityGroupVmsViewModel {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final SecurityGroupEditorViewModel editor;
    private final Map<PropagationState, ObservableList<String>> vms = new EnumMap<>(PropagationState.class);
    /** Read-only views, kept: a listener on a short-lived unmodifiable wrapper would be collected with it. */
    private final Map<PropagationState, ObservableList<String>> views = new EnumMap<>(PropagationState.class);
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.StringProperty working = new javafx.beans.property.SimpleStringProperty("");
    private final ConsoleHosts hosts;
    private final javafx.beans.property.ReadOnlyBooleanWrapper committing =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);

    /** Follows the group {@code editor} shows. */
    public SecurityGroupVmsViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs,
                                     ConsoleHosts hosts, SecurityGroupEditorViewModel editor) {
        this.hosts = hosts;
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.editor = editor;
        for (PropagationState s : PropagationState.values()) {
            vms.put(s, FXCollections.observableArrayList());
            views.put(s, FXCollections.unmodifiableObservableList(vms.get(s)));
        }
        editor.currentProperty().addListener((o, was, now) -> {
            if (!id(was).equals(id(now))) {
                report.set("");
            }
            show(now);
        });
        show(editor.currentProperty().get());
    }

    private static Optional<Integer> id(Optional<GroupDetails> d) {
        return d.map(g -> g.summary().group().id());
    }

    private void show(Optional<GroupDetails> d) {
        vms.forEach((state, list) -> list.setAll(d.map(g -> g.vmsIn(state).stream()
                .map(SecurityGroupVmsViewModel::line).toList()).orElse(List.of())));
    }

    private static String line(VmStatus v) {
        return "VM " + v.vmId() + (v.vmName().isEmpty() ? "" : ":" + v.vmName()) + v.error().map(e -> ": " + e).orElse("");
    }

    /**
     * Re-applies the stored rules to the hosts of the group's VMs (with
     * {@code onlyOutdatedAndFailed} only to those not up to date): each VM is
     * updating while its host is applied, and the tab reads the group again
     * as each host answers; the hosts' progress is {@link #workingProperty()}, and
     * the end says how many VMs are up to date or in error, with each host's
     * failure. One commit at a time.
     */
    public void commit(boolean onlyOutdatedAndFailed) {
        Optional<Integer> id = id(editor.currentProperty().get());
        if (id.isEmpty()) {
            return;
        }
        if (committing.get()) {
            return;
        }
        String label = editor.currentProperty().get().orElseThrow().summary().group().label();
        report.set("");
        committing.set(true);
        runner.runOnHosts((onlyOutdatedAndFailed ? "Retrying security group "
                        : "Committing security group ") + label, progress -> {
                    HostRun run = new HostRun(new HostRun.Listener() {
                        @Override
                        public void progress(HostProgress p) {
                            String line = p.line();
                            runner.later(() -> working.set(line));
                        }

                        @Override
                        public void applied(HostReports.ApplyResult r) {
                            runner.later(editor::refresh);
                        }
                    }, progress::isCancelled);
                    return hosts.remote().commitSecurityGroup(actor, ObjectRef.id(id.get()), onlyOutdatedAndFailed,
                            run);
                }, r -> {
                    committing.set(false);
                    working.set("");
                    String text = commitText(r);
                    report.set(text);
                    dialogs.notify(r.message());
                    editor.refresh();
                }, e -> {
                    committing.set(false);
                    working.set("");
                    editor.refresh();
                    dialogs.showError("Cannot commit security group " + label, e);
                }, () -> {
                    committing.set(false);
                    working.set("");
                });
    }

    /** The commit's message, then one line per host that failed with its outcome's message. */
    static String commitText(LiveChanges.CommitResult r) {
        StringBuilder text = new StringBuilder(r.message());
        r.hosts().stream().filter(h -> !h.outcome().result().success()).forEach(h -> text.append("\nhost ")
                .append(h.host().label()).append(": ").append(h.outcome().summary()).append(": ")
                .append(h.outcome().message()));
        return text.toString();
    }

    /** True while a commit runs: Commit and Retry wait for it (two commits would apply the same hosts). */
    public javafx.beans.property.ReadOnlyBooleanProperty committingProperty() {
        return committing.getReadOnlyProperty();
    }

    /** What the running commit is doing ("host 0:kvm0: step 2 of 3: …"); empty when none runs. */
    public javafx.beans.value.ObservableStringValue workingProperty() {
        return working;
    }

    /** The VMs in {@code state}: "VM 7", with the error text for {@link PropagationState#ERROR}. */
    public ObservableList<String> vms(PropagationState state) {
        return views.get(state);
    }

    /** What the last commit of the shown group reported; empty before any. */
    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }
}
