package vnetdesk.ui.common;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * Which validation errors a form shows, the one rule of every form: a new,
 * empty form is not scolded — errors that were there when it was loaded (a
 * required field still empty) stay hidden until their field is edited or the
 * user tries to save; an error an edit causes shows at once; a form loaded
 * with {@code revealAll} (a stored object) shows every error from the start.
 * A service refusal shows on its field until the next edit.
 */
public final class ShownErrors {

    private final Map<String, String> all = new LinkedHashMap<>();
    private final ObservableMap<String, String> shown = FXCollections.observableHashMap();
    private final ObservableMap<String, String> shownView = FXCollections.unmodifiableObservableMap(shown);
    private final Map<String, String> atLoad = new HashMap<>();
    private final Set<String> touched = new HashSet<>();
    private final Map<String, String> refused = new LinkedHashMap<>();
    private boolean revealAll;

    /** A freshly loaded form and its errors; {@code reveal} shows them all at once. */
    public void loaded(Map<String, String> errors, boolean reveal) {
        atLoad.clear();
        atLoad.putAll(errors);
        touched.clear();
        refused.clear();
        revealAll = reveal;
        update(errors);
    }

    /** The user edited {@code field}: its errors show from now on. */
    public void touch(String field) {
        touched.add(field);
    }

    /** After a save attempt every error shows. */
    public void revealAll() {
        revealAll = true;
        publish();
    }

    /** The form's errors now (field to message); an edit also ends a service refusal. */
    public void update(Map<String, String> errors) {
        all.clear();
        all.putAll(errors);
        refused.clear();
        publish();
    }

    /** Records service refusals (field to message; "" for the whole form); they show at once. */
    public void refused(Map<String, String> refusals) {
        refused.putAll(refusals);
        touched.addAll(refusals.keySet());
        publish();
    }

    private void publish() {
        Map<String, String> visible = new LinkedHashMap<>();
        all.forEach((field, message) -> {
            boolean untouchedSinceLoad = !touched.contains(field) && message.equals(atLoad.get(field));
            if (revealAll || !untouchedSinceLoad) {
                visible.put(field, message);
            }
        });
        visible.putAll(refused);
        shown.keySet().retainAll(visible.keySet());
        shown.putAll(visible);
    }

    /** Every error, shown or not (a form with any cannot be saved); refusals not included. */
    public Map<String, String> all() {
        return all;
    }

    /** The errors to show, field (attribute name, or "" for the form as a whole) to message. */
    public ObservableMap<String, String> shown() {
        return shownView;
    }
}
