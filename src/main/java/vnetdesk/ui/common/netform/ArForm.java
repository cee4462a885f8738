package vnetdesk.ui.common.netform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableMap;

import vnetdesk.model.AddressRange;
import vnetdesk.model.Problems;
import vnetdesk.service.NetworkService;
import vnetdesk.ui.common.ShownErrors;

/**
 * The fields of one address range (the create-network form's first AR and the
 * Add / Modify AR dialogs), validated live by the same rules the service
 * applies on save ({@link NetworkService#arProblems}).
 */
public final class ArForm {

    public static final List<String> TYPES = List.of("IP4", "IP4_6", "IP6", "IP6_STATIC", "IP4_6_STATIC", "ETHER");
    private static final List<String> ALL = List.of("IP", "SIZE", "MAC", "GLOBAL_PREFIX", "ULA_PREFIX", "IP6",
            "PREFIX_LENGTH");

    private final StringProperty type = new SimpleStringProperty("IP4");
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ShownErrors errors = new ShownErrors();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final Optional<AddressRange> current;

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
        fields.forEach((k, p) -> p.addListener(x -> {
            errors.touch(k);
            validate();
        }));
        type.addListener(x -> {
            errors.touch("TYPE");
            validate();
        });
        errors.loaded(check(), false);
        valid.set(errors.all().isEmpty());
    }

    /** Back to an empty IP4 form with nothing shown (a new network's form is reused). */
    public void reset() {
        type.set("IP4");
        fields.values().forEach(p -> p.set(""));
        errors.loaded(check(), false);
        valid.set(errors.all().isEmpty());
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

    /** The errors to show: field (or "" / "TYPE") to message; see {@link ShownErrors}. */
    public ObservableMap<String, String> errors() {
        return errors.shown();
    }

    /** True when the AR is valid (including errors not shown yet). */
    public ReadOnlyBooleanProperty validBinding() {
        return valid.getReadOnlyProperty();
    }

    /** Shows every error (after a save attempt). */
    public void revealErrors() {
        errors.revealAll();
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
        errors.update(check());
        valid.set(errors.all().isEmpty());
    }

    private Map<String, String> check() {
        return Problems.byField(NetworkService.arProblems(toAttributes(), current));
    }
}
