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
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.HostConnection.Identity;
import vnetdesk.service.Inventory;
import vnetdesk.service.host.HostService.ConnectionChange;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;

/**
 * The New host and Edit host form: name and cluster (new only), the address,
 * and how the console logs in — port, user and identity (a key file, the
 * ssh-agent, or a password asked when connecting, which the form has no
 * field for because it is never stored). The values are judged where the
 * CLI's are ({@link HostConnection}, the service), in the background; a
 * refusal lands on the field it names, any other in the form's message.
 */
public final class HostFormViewModel {

    /** Which credential the console offers, as the form's choice. */
    public enum IdentityChoice { KEY_FILE, AGENT, PASSWORD }

    /** The fields a refusal can name. */
    static final List<String> FIELDS = List.of("NAME", "ADDRESS", "PORT", "USER", "IDENTITY");

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Optional<HostRow> editing;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(String.valueOf(HostConnection.DEFAULT_PORT));
    private final StringProperty user = new SimpleStringProperty(HostConnection.DEFAULT_USER);
    private final ObjectProperty<IdentityChoice> identity = new SimpleObjectProperty<>(IdentityChoice.AGENT);
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final ObjectProperty<String> cluster = new SimpleObjectProperty<>();
    private final ObservableList<String> clusters = FXCollections.observableArrayList();
    private final Map<String, Integer> clusterIds = new LinkedHashMap<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSave;
    private final ConnectionTest connectionTest;

    /**
     * A New host form when {@code editing} is empty, else the Edit form of that
     * host, filled with its settings; {@code checks} runs its Test connection.
     */
    HostFormViewModel(Inventory inventory, Actor actor, TaskRunner runner, Optional<HostRow> editing,
                      HostChecks checks) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.editing = editing;
        editing.ifPresent(h -> {
            name.set(h.name());
            address.set(h.address());
            port.set(String.valueOf(h.connection().port()));
            user.set(h.connection().user());
            Identity id = h.connection().identity();
            identity.set(id instanceof Identity.KeyFile ? IdentityChoice.KEY_FILE
                    : id instanceof Identity.Password ? IdentityChoice.PASSWORD : IdentityChoice.AGENT);
            keyFile.set(id instanceof Identity.KeyFile k ? k.path() : "");
        });
        name.addListener((o, was, now) -> errors.remove("NAME"));
        address.addListener((o, was, now) -> errors.remove("ADDRESS"));
        port.addListener((o, was, now) -> errors.remove("PORT"));
        user.addListener((o, was, now) -> errors.remove("USER"));
        keyFile.addListener((o, was, now) -> errors.remove("IDENTITY"));
        identity.addListener((o, was, now) -> errors.remove("IDENTITY"));
        canSave = Bindings.createBooleanBinding(() -> !name.get().isBlank() && !busy.get()
                && (editing.isPresent() || cluster.get() != null), name, cluster, busy);
        connectionTest = new ConnectionTest(this, checks);
    }

    /** Whether this is the Edit form of a host (name and cluster are then not asked). */
    public boolean isEdit() {
        return editing.isPresent();
    }

    /** Reads the clusters to choose from (New host only); the default cluster is proposed. */
    public void load() {
        if (isEdit()) {
            return;
        }
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

    /**
     * Adds the host or saves its settings in the background; {@code saved}
     * gets its id. A refusal stays on the form, on its field.
     */
    public void save(IntConsumer saved) {
        if (!canSave.get()) {
            return;
        }
        errors.clear();
        refusal.set("");
        busy.set(true);
        Optional<ObjectRef> in = Optional.ofNullable(clusterIds.get(cluster.get())).map(ObjectRef::id);
        String n = name.get();
        String a = address.get();
        String p = port.get();
        String u = user.get();
        IdentityChoice choice = identity.get();
        String key = keyFile.get();
        String doing = editing.map(h -> "Saving host " + h.label()).orElse("Adding host " + n);
        runner.run(doing, () -> {
            HostConnection login = new HostConnection(HostConnection.parsePort("PORT", p.strip()), u.strip(),
                    identity(choice, key.strip()));
            if (editing.isEmpty()) {
                return inventory.hosts().create(actor, n, in, Optional.of(a), login);
            }
            int id = editing.get().id();
            inventory.hosts().setConnection(actor, ObjectRef.id(id), new ConnectionChange(Optional.of(a),
                    Optional.of(login.port()), Optional.of(login.user()), Optional.of(login.identity())));
            return id;
        }, id -> {
            busy.set(false);
            saved.accept(id);
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

    /** The form's Test connection of the values as typed. */
    public ConnectionTest connectionTest() {
        return connectionTest;
    }

    /** Port, user and identity as typed, judged as Save judges them: a refusal is thrown naming its field. */
    HostConnection typedConnection() {
        return new HostConnection(HostConnection.parsePort("PORT", port.get().strip()), user.get().strip(),
                identity(identity.get(), keyFile.get().strip()));
    }

    /** The host this Edit form changes; empty for New host. */
    Optional<HostRow> editing() {
        return editing;
    }

    /** The cluster chosen (New host); empty for Edit, or before the clusters are read. */
    Optional<ObjectRef> chosenCluster() {
        return Optional.ofNullable(cluster.get()).map(clusterIds::get).map(ObjectRef::id);
    }

    private static Identity identity(IdentityChoice choice, String keyFile) {
        return switch (choice) {
            case AGENT -> Identity.AGENT;
            case PASSWORD -> Identity.PASSWORD;
            // not Identity.parse: a key file named "agent" must not turn into the agent
            case KEY_FILE -> new Identity.KeyFile(keyFile);
        };
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressProperty() {
        return address;
    }

    /** The port as typed; checked when saving. */
    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<IdentityChoice> identityProperty() {
        return identity;
    }

    /** The private key file's absolute path, used when the identity is {@link IdentityChoice#KEY_FILE}. */
    public StringProperty keyFileProperty() {
        return keyFile;
    }

    /** The chosen cluster, as its "id:name" label (New host only). */
    public ObjectProperty<String> clusterProperty() {
        return cluster;
    }

    public ObservableList<String> clusters() {
        return clusters;
    }

    /** Refusals by field (NAME, ADDRESS, PORT, USER, IDENTITY). */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    /** A refusal that names no field of the form (no right to create or change hosts …). */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }
}
