package vnetdesk.ui.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VnetException;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;

/**
 * The New host form: name, cluster (default 0) and the address the console
 * will reach it at. The service checks the values; a refusal lands on the
 * field it names (name taken, address not a host name or IP), any other in
 * the form's message.
 */
public final class HostFormViewModel {

    /** The fields a refusal can name. */
    static final List<String> FIELDS = List.of("NAME", "ADDRESS");

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final ObjectProperty<String> cluster = new SimpleObjectProperty<>();
    private final ObservableList<String> clusters = FXCollections.observableArrayList();
    private final Map<String, Integer> clusterIds = new LinkedHashMap<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canCreate;

    HostFormViewModel(Inventory inventory, Actor actor, TaskRunner runner) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        name.addListener((o, was, now) -> errors.remove("NAME"));
        address.addListener((o, was, now) -> errors.remove("ADDRESS"));
        canCreate = Bindings.createBooleanBinding(() -> !name.get().isBlank() && cluster.get() != null && !busy.get(),
                name, cluster, busy);
    }

    /** Reads the clusters to choose from; the default cluster is proposed. */
    public void load() {
        busy.set(true);
        runner.run("Reading clusters", () -> inventory.clusters().list(actor).stream().map(c -> c.cluster()).toList(),
                list -> {
                    busy.set(false);
                    clusterIds.clear();
                    list.forEach(c -> clusterIds.put(c.label(), c.id()));
                    clusters.setAll(clusterIds.keySet());
                    cluster.set(clusters.isEmpty() ? null : clusters.get(0));
                }, e -> {
                    busy.set(false);
                    refusal.set(ErrorText.message(e));
                });
    }

    /** Adds the host; {@code created} gets its id. A refusal stays on the form. */
    public void create(IntConsumer created) {
        if (!canCreate.get()) {
            return;
        }
        errors.clear();
        refusal.set("");
        busy.set(true);
        Optional<ObjectRef> in = Optional.ofNullable(clusterIds.get(cluster.get())).map(ObjectRef::id);
        String n = name.get();
        String a = address.get();
        runner.run("Adding host " + n, () -> inventory.hosts().create(actor, n, in, Optional.of(a)), id -> {
            busy.set(false);
            created.accept(id);
        }, e -> {
            busy.set(false);
            String field = e instanceof VnetException v ? v.field().orElse("") : "";
            if (FIELDS.contains(field)) {
                errors.put(field, ErrorText.message(e));
            } else {
                refusal.set(ErrorText.message(e));
            }
        });
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressProperty() {
        return address;
    }

    /** The chosen cluster, as its "id:name" label. */
    public ObjectProperty<String> clusterProperty() {
        return cluster;
    }

    public ObservableList<String> clusters() {
        return clusters;
    }

    /** Refusals by field (NAME, ADDRESS). */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    /** A refusal that names no field of the form (no right to create hosts …). */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canCreateBinding() {
        return canCreate;
    }
}
