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
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;

/**
 * The VMs tab of a security group: its VMs in the four propagation states,
 * and Commit / "retry outdated and failed", whose report is shown as the
 * service wrote it.
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

    /** Follows the group {@code editor} shows. */
    public SecurityGroupVmsViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs,
                                     SecurityGroupEditorViewModel editor) {
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
     * Re-applies the stored rules to the group's VMs (with {@code onlyOutdatedAndFailed}
     * only to those not up to date), then shows the service's report and reads the group again.
     */
    public void commit(boolean onlyOutdatedAndFailed) {
        Optional<Integer> id = id(editor.currentProperty().get());
        if (id.isEmpty()) {
            return;
        }
        String label = editor.currentProperty().get().orElseThrow().summary().group().label();
        runner.run((onlyOutdatedAndFailed ? "Retrying security group " : "Committing security group ") + label,
                () -> inventory.securityGroups().commit(actor, ObjectRef.id(id.get()), onlyOutdatedAndFailed),
                r -> {
                    String text = "Commit of " + label + ": " + r.applied() + " of " + r.selected().size()
                            + " VM(s) updated — " + r.message();
                    report.set(text);
                    dialogs.notify(text);
                    editor.refresh();
                }, e -> dialogs.showError("Cannot commit security group " + label, e));
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
