package vnetdesk.ui.common.netform;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * Which validation errors a form shows. An empty form is not scolded: errors
 * that were there when the form was loaded (a required field still empty)
 * stay hidden until their field is edited or the user tries to save; any
 * error an edit causes shows at once.
 */
public final class ShownErrors {

    private final Map<String, String> all = new LinkedHashMap<>();
    private final ObservableMap<String, String> shown = FXCollections.observableHashMap();
    private final Map<String, String> atLoad = new HashMap<>();
    private final Set<String> touched = new HashSet<>();
    private boolean revealAll;

    /** A fresh form: what is wrong now is not the user's doing yet. */
    public void loaded(Map<String, String> errors) {
        atLoad.clear();
        atLoad.putAll(errors);
        touched.clear();
        revealAll = false;
        update(errors);
    }

    public void touch(String field) {
        touched.add(field);
    }

    /** After a save attempt every error shows. */
    public void revealAll() {
        revealAll = true;
        update(new LinkedHashMap<>(all));
    }

    public void update(Map<String, String> errors) {
        all.clear();
        all.putAll(errors);
        Map<String, String> visible = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            boolean untouchedSinceLoad = !touched.contains(field) && message.equals(atLoad.get(field));
            if (revealAll || !untouchedSinceLoad) {
                visible.put(field, message);
            }
        });
        shown.keySet().retainAll(visible.keySet());
        shown.putAll(visible);
    }

    /** Every error, shown or not (Save is refused while any exists). */
    public Map<String, String> all() {
        return all;
    }

    public ObservableMap<String, String> shown() {
        return shown;
    }

    /** Records a service refusal on its field; it shows at once. */
    public void refused(String field, String message) {
        touched.add(field);
        all.put(field, message);
        shown.put(field, message);
    }
}
