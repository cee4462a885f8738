package vnetdesk.ui.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import vnetdesk.ipam.ArFactory;
import vnetdesk.model.AddressRange;
import vnetdesk.model.Mac;
import vnetdesk.service.NetworkService;

/**
 * The fields of one address range (the create-network form's first AR and the
 * Add / Modify AR dialogs), validated live by the same {@link ArFactory} the
 * service uses.
 */
public final class ArForm {

    public static final List<String> TYPES = List.of("IP4", "IP4_6", "IP6", "IP6_STATIC", "IP4_6_STATIC", "ETHER");
    private static final List<String> ALL = List.of("IP", "SIZE", "MAC", "GLOBAL_PREFIX", "ULA_PREFIX", "IP6",
            "PREFIX_LENGTH");

    private final StringProperty type = new SimpleStringProperty("IP4");
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final Optional<AddressRange> current;
    private final BooleanBinding valid;

    /** A form for a new AR. */
    public ArForm() {
        this(Optional.empty());
    }

    /** A form for modifying {@code ar}: type and first addresses are shown but fixed. */
    public ArForm(Optional<AddressRange> current) {
        this.current = current;
        ALL.forEach(k -> fields.put(k, new SimpleStringProperty("")));
        current.ifPresent(ar -> {
            Map<String, String> a = ar.toAttributes();
            type.set(a.getOrDefault("TYPE", "IP4"));
            ALL.forEach(k -> fields.get(k).set(a.getOrDefault(k, "")));
        });
        List<Observable> deps = new java.util.ArrayList<>(fields.values());
        deps.add(type);
        deps.forEach(o -> o.addListener(x -> validate()));
        valid = Bindings.createBooleanBinding(errors::isEmpty, errors);
        validate();
    }

    /** Every input of the form, for "something changed" listeners. */
    public List<Observable> observables() {
        List<Observable> all = new java.util.ArrayList<>(fields.values());
        all.add(type);
        return all;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty field(String attribute) {
        return fields.get(attribute);
    }

    /** The fields the selected type uses, in form order (the view shows only these). */
    public List<String> fieldsOfType() {
        return fieldsOf(type.get());
    }

    static List<String> fieldsOf(String type) {
        return switch (type) {
            case "IP4" -> List.of("IP", "SIZE", "MAC");
            case "IP4_6" -> List.of("IP", "SIZE", "MAC", "GLOBAL_PREFIX", "ULA_PREFIX");
            case "IP6" -> List.of("SIZE", "MAC", "GLOBAL_PREFIX", "ULA_PREFIX");
            case "IP6_STATIC" -> List.of("IP6", "PREFIX_LENGTH", "SIZE", "MAC");
            case "IP4_6_STATIC" -> List.of("IP", "IP6", "PREFIX_LENGTH", "SIZE", "MAC");
            default -> List.of("SIZE", "MAC");
        };
    }

    public boolean isModify() {
        return current.isPresent();
    }

    /** Field to message (a field of this form, or "" / "TYPE"); empty when valid. */
    public ObservableMap<String, String> errors() {
        return FXCollections.unmodifiableObservableMap(errors);
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    /** The AR attributes to send: TYPE and the non-empty fields the type uses. */
    public Map<String, String> toAttributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("TYPE", type.get());
        for (String k : fieldsOfType()) {
            String v = fields.get(k).get() == null ? "" : fields.get(k).get().trim();
            if (!v.isEmpty()) {
                a.put(k, v);
            }
        }
        if (current.isPresent()) {
            a.put("AR_ID", String.valueOf(current.get().id()));
        }
        return a;
    }

    private void validate() {
        ArFactory factory = new ArFactory(NetworkService.MAC_PREFIX, prefix -> Mac.of(prefix, 0));
        Map<String, String> found = FormValidation.errors(toAttributes(), a -> {
            if (current.isPresent()) {
                factory.update(current.get(), a);
            } else {
                factory.create(0, a, Optional.empty());
            }
        });
        errors.keySet().retainAll(found.keySet());
        errors.putAll(found);
    }
}
