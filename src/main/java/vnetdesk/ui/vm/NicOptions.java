package vnetdesk.ui.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import vnetdesk.model.Problems;
import vnetdesk.model.Qos;
import vnetdesk.model.VirtualNetwork;

/**
 * Page 3 of the Attach NIC wizard: the NIC's own security groups (a
 * checkable list of the groups the user may use; the network's groups are
 * shown checked and fixed, since every NIC of the network gets them) and a
 * QoS that overrides the network's — a field left empty keeps the network's
 * value — checked with the model's own rules as it is typed.
 */
public final class NicOptions {

    /** A security group in the list: inherited from the network (fixed), or the NIC's own when checked. */
    public static final class GroupChoice {
        private final int id;
        private final String label;
        private final boolean inherited;
        private final BooleanProperty checked;

        GroupChoice(int id, String label, boolean inherited, boolean checked) {
            this.id = id;
            this.label = label;
            this.inherited = inherited;
            this.checked = new SimpleBooleanProperty(inherited || checked);
        }

        public int id() {
            return id;
        }

        public boolean inherited() {
            return inherited;
        }

        public BooleanProperty checkedProperty() {
            return checked;
        }

        @Override
        public String toString() {
            return label + (inherited ? "   (from the network)" : "");
        }
    }

    private final Map<Integer, String> usable;
    private final ObservableList<GroupChoice> groups = FXCollections.observableArrayList(
            g -> new Observable[]{g.checkedProperty()});
    private final Map<String, StringProperty> qos = new LinkedHashMap<>();
    private final ObservableMap<String, String> qosErrors = FXCollections.observableHashMap();
    private final Map<String, StringProperty> networkQos = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper qosValid = new ReadOnlyBooleanWrapper(true);

    /** {@code usable}: the groups the user may use, id → "id:name". */
    NicOptions(Map<Integer, String> usable) {
        this.usable = Map.copyOf(usable);
        for (String attribute : Qos.ATTRIBUTES) {
            StringProperty field = new SimpleStringProperty("");
            field.addListener((o, was, now) -> checkQos());
            qos.put(attribute, field);
            networkQos.put(attribute, new SimpleStringProperty(""));
        }
        inheritFrom(Optional.empty());
    }

    /** The network the NIC will be on (none known yet for automatic selection): its groups and QoS. */
    void inheritFrom(Optional<VirtualNetwork> network) {
        Set<Integer> own = ownGroups().stream().collect(Collectors.toSet());
        List<Integer> inherited = network.map(VirtualNetwork::securityGroups).orElse(List.of());
        List<GroupChoice> choices = new ArrayList<>();
        inherited.forEach(id -> choices.add(new GroupChoice(id, usable.getOrDefault(id, String.valueOf(id)), true,
                true)));
        usable.entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(e -> !inherited.contains(e.getKey()))
                .forEach(e -> choices.add(new GroupChoice(e.getKey(), e.getValue(), false, own.contains(e.getKey()))));
        groups.setAll(choices);
        Map<String, String> limits = network.map(n -> n.qos().toAttributes()).orElse(Map.of());
        networkQos.forEach((attribute, text) -> text.set(limits.getOrDefault(attribute, "")));
        checkQos();
    }

    /** The groups the NIC adds to the network's (checked, not inherited), in list order. */
    public List<Integer> ownGroups() {
        return groups.stream().filter(g -> !g.inherited() && g.checkedProperty().get()).map(GroupChoice::id).toList();
    }

    /**
     * The override when any field is filled (the network's values for the fields left empty) and the result
     * is valid; empty means the network's QoS. A NIC's QoS replaces the network's as a whole, so the empty
     * fields are filled here, as the page says.
     */
    public Optional<Qos> qos() {
        if (qos.values().stream().allMatch(f -> f.get().isBlank())) {
            return Optional.empty();
        }
        return Qos.fromAttributes(values(), new Problems()).filter(q -> !q.isNone());
    }

    private void checkQos() {
        Problems problems = new Problems();
        Qos.fromAttributes(values(), problems);
        qosErrors.clear();
        qosErrors.putAll(problems.byField());
        qosValid.set(problems.isEmpty());
    }

    /** Each field's value, the network's where the field is empty. */
    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        qos.forEach((k, v) -> values.put(k, v.get().isBlank() ? networkQos.get(k).get() : v.get().trim()));
        return values;
    }

    public ObservableList<GroupChoice> groups() {
        return groups;
    }

    /** The override's field of {@code attribute} (one of {@link Qos#ATTRIBUTES}); empty = the network's value. */
    public StringProperty qosField(String attribute) {
        return qos.get(attribute);
    }

    /** The network's value of {@code attribute}, empty for no limit (shown as the field's prompt). */
    public StringProperty networkQos(String attribute) {
        return networkQos.get(attribute);
    }

    /** The QoS fields' errors by attribute. */
    public ObservableMap<String, String> qosErrors() {
        return qosErrors;
    }

    public ReadOnlyBooleanProperty qosValidProperty() {
        return qosValid.getReadOnlyProperty();
    }
}
