package vnetdesk.ui.network;

import java.util.List;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.Actor;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Words;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.netform.ArForm;

/**
 * The Addresses tab: the network's address ranges with usage, and the Add,
 * Modify and Remove actions (remove explains a refusal and offers to force).
 */
public final class AddressesViewModel {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final ObservableList<ArRow> rows = FXCollections.observableArrayList();
    private int networkId = -1;
    private final AddressMapViewModel map;
    /** The AR the map shows, kept across reloads; the first AR when it is gone or none was chosen. */
    private Optional<Integer> mapArId = Optional.empty();
    private final javafx.beans.property.ReadOnlyStringWrapper overlaps =
            new javafx.beans.property.ReadOnlyStringWrapper("");

    public AddressesViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.map = new AddressMapViewModel(inventory, actor, runner);
    }

    /** Shows the ARs of an already loaded network (no store access). */
    public void show(NetworkDetails d) {
        networkId = d.network().id();
        rows.setAll(d.network().addressRanges().stream().map(ar -> ArRow.of(ar, d)).toList());
        readOverlaps(networkId);
        showMap(rows.stream().filter(r -> mapArId.filter(id -> id == r.id()).isPresent()).findFirst());
    }

    /** Draws the map of {@code row}'s AR (the AR table's selection), or of the first AR when none is given. */
    public void showMap(Optional<ArRow> row) {
        Optional<ArRow> shown = row.or(() -> rows.stream().findFirst());
        mapArId = shown.map(ArRow::id);
        shown.ifPresentOrElse(r -> map.show(networkId, r.id(), r.ar().lastIndex()), map::clear);
    }

    /** The address map of the network's AR chosen in the table. */
    public AddressMapViewModel map() {
        return map;
    }

    /** Networks on the same L2 segment leasing some of the same addresses, read in the background. */
    private void readOverlaps(int id) {
        overlaps.set("");
        runner.run("Checking the address ranges of network " + id + " against its segment",
                () -> inventory.queries().overlaps(actor, ObjectRef.id(id)), found -> {
                    if (id == networkId) {
                        overlaps.set(String.join("\n", found.stream().map(o -> "This network " + o.message())
                                .toList()));
                    }
                }, e -> System.getLogger(AddressesViewModel.class.getName()).log(System.Logger.Level.INFO,
                        // the warning is a help: a network gone meanwhile shows none, and says why in the log
                        "no overlap check for network " + id + ": " + e.getMessage()));
    }

    /**
     * Why this network's ranges clash with another's on the same bridge,
     * 802.1Q device or VNI, one line per network; empty when they do not.
     */
    public javafx.beans.property.ReadOnlyStringProperty overlapsProperty() {
        return overlaps.getReadOnlyProperty();
    }

    /** Reads the network again and shows its ARs; {@code then} runs afterwards (e.g. to refresh other tabs). */
    public void reload(Runnable then) {
        int id = networkId;
        runner.run("Loading address ranges", () -> inventory.queries().details(actor, ObjectRef.id(id), 0), d -> {
                    if (id == networkId) { // not if another network was shown meanwhile
                        show(d);
                    }
                    then.run();
                }, e -> {
                    if (id == networkId) {
                        dialogs.showError("Cannot load network " + id, e);
                    }
                });
    }

    /** A form for a new AR of this network. */
    public ArForm newArForm() {
        return new ArForm();
    }

    /** A form for modifying the AR of {@code row}. */
    public ArForm modifyForm(ArRow row) {
        return new ArForm(Optional.of(row.ar()));
    }

    /**
     * Adds (new form) or updates (modify form) the AR; {@code onDone} runs after
     * success, {@code onRefused} gets the service's reason (the dialog stays open).
     */
    public void submit(ArForm form, Runnable onDone, java.util.function.Consumer<String> onRefused) {
        if (!form.validBinding().get()) {
            return;
        }
        var attributes = form.toAttributes();
        ObjectRef ref = ObjectRef.id(networkId);
        runner.run(form.isModify() ? "Updating address range" : "Adding address range", () -> {
            if (form.isModify()) {
                inventory.networks().updateAr(actor, ref, attributes);
            } else {
                inventory.networks().addAr(actor, ref, attributes);
            }
            return true;
        }, ok -> {
            onDone.run();
            reload(() -> { });
        }, e -> onRefused.accept(ErrorText.message(e)));
    }

    /**
     * Removes an AR after asking; one with used leases is refused by the
     * service, and the user is then asked whether to remove it with its leases.
     */
    public void remove(ArRow row, Runnable onDone) {
        if (!dialogs.confirm("Remove address range", "Remove address range " + row.id() + " (" + row.first() + " – "
                + row.last() + ")?")) {
            return;
        }
        removeAr(row, false, onDone);
    }

    private void removeAr(ArRow row, boolean force, Runnable onDone) {
        ObjectRef ref = ObjectRef.id(networkId);
        runner.run("Removing address range " + row.id(),
                () -> inventory.networks().removeAr(actor, ref, row.id(), force),
                dropped -> {
                    if (!dropped.isEmpty()) {
                        dialogs.notify("Address range " + row.id() + " removed with "
                                + Words.count(dropped.size(), "lease"));
                    }
                    reload(onDone);
                },
                e -> {
                    if (!force && row.used() > 0 && ErrorText.isUserError(e)
                            && dialogs.confirm("Address range in use", ErrorText.message(e)
                            + ".\n\nRemove it anyway, dropping its " + Words.count(row.used(), "lease") + "?")) {
                        removeAr(row, true, onDone);
                    } else if (force || row.used() == 0 || !ErrorText.isUserError(e)) {
                        dialogs.showError("Cannot remove address range " + row.id(), e);
                    }
                });
    }

    public ObservableList<ArRow> rows() {
        return rows;
    }

    /** Ids of the ARs, for the Reserve dialog's AR choice. */
    public List<Integer> arIds() {
        return rows.stream().map(ArRow::id).toList();
    }
}
