package vnetdesk.ui.host;

import java.util.concurrent.Callable;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.RowList;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Hosts section's list and actions: rename, set the address and delete,
 * each asked through {@link Dialogs} and run in the background, a refusal
 * (a host with VMs on it, a name taken) explained in an error dialog. Hosts
 * are inventory records here; nothing connects to them.
 */
public final class HostsViewModel {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final RowList<HostRow> list;

    public HostsViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.list = new RowList<>(runner, dialogs, "hosts",
                () -> inventory.hosts().list(actor).stream().map(HostRow::of).toList(), HostRow::id,
                HostRow::matches);
    }

    public RowList<HostRow> list() {
        return list;
    }

    /** The form of New host (name, cluster, address); {@link HostFormViewModel#load()} reads the clusters. */
    public HostFormViewModel newHost() {
        return new HostFormViewModel(inventory, actor, runner);
    }

    /** A host made with the New host form: listed and selected. */
    public void created(int id) {
        dialogs.notify("Host " + id + " added; connecting to it comes with the next version");
        list.reloadSelecting(id);
    }

    public void rename(HostRow h) {
        dialogs.askText("Rename host", "New name of host " + h.label(), h.name()).filter(n -> !n.equals(h.name()))
                .ifPresent(name -> change("Renaming host " + h.id(), "Cannot rename host " + h.label(), () -> {
                    inventory.hosts().rename(actor, ObjectRef.id(h.id()), name);
                    return h.id();
                }));
    }

    /** Asks for the address the console will reach the host at (host name or IP; empty clears it). */
    public void setAddress(HostRow h) {
        dialogs.askText("Set address", "Address of host " + h.label() + " (host name or IP address; empty clears it)",
                h.address()).filter(a -> !a.equals(h.address()))
                .ifPresent(address -> change("Setting the address of host " + h.id(),
                        "Cannot set the address of host " + h.label(), () -> {
                            inventory.hosts().setAddress(actor, ObjectRef.id(h.id()), address);
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
