package vnetdesk.ui.host;

import java.util.function.IntConsumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import vnetdesk.model.ObjectRef;
import vnetdesk.ui.common.Dialogs;

/**
 * The Hosts view's Probe: logs in to a saved host in the background and
 * tells what it offers in a notice, a failure in an error dialog, a changed
 * host key as the blocking warning (see {@link HostChecks}); the host is then
 * read again, so what the probe left in the inventory shows in its detail.
 */
public final class ProbeAction {

    private final HostChecks checks;
    private final Dialogs dialogs;
    private final IntConsumer reloadSelecting;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    /** {@code reloadSelecting} reads the hosts again and keeps the probed one selected. */
    ProbeAction(HostChecks checks, Dialogs dialogs, IntConsumer reloadSelecting) {
        this.checks = checks;
        this.dialogs = dialogs;
        this.reloadSelecting = reloadSelecting;
    }

    /** Probes {@code h} unless a probe runs already (one at a time keeps the questions about keys apart). */
    public void probe(HostRow h) {
        if (running.get()) {
            return;
        }
        running.set(true);
        ObjectRef ref = ObjectRef.id(h.id());
        checks.run(new HostChecks.Check("Probing host " + h.label(), h.connection().user(), "Probe",
                remote -> remote.probe(checks.actor(), ref), remote -> remote.forgetKey(checks.actor(), ref)), o -> {
                    running.set(false);
                    switch (o.result()) {
                        case CONNECTED -> dialogs.notify("Host " + h.label() + ": " + o.line());
                        case FAILED -> o.error().ifPresentOrElse(
                                e -> dialogs.showError("Cannot probe host " + h.label(), e),
                                () -> dialogs.notify(o.text()));
                        case KEY_KEPT, KEY_FORGOTTEN -> dialogs.notify(o.text());
                    }
                    reloadSelecting.accept(h.id());
                });
    }

    /** True while a probe runs (the Probe action is then disabled). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
