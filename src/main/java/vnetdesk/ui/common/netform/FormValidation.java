package vnetdesk.ui.common.netform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import vnetdesk.model.ValidationException;
import vnetdesk.model.VnetException;

/**
 * Live validation with the model's own rules, so the form and the service can
 * never disagree: the attribute map is checked by the same code the service
 * runs; each error names its attribute, that field is then set aside and the
 * check repeated, so every bad field shows its message at once.
 */
public final class FormValidation {

    /** Placeholders for required fields set aside after an error, so the check can go on. */
    private static final Map<String, String> PLACEHOLDERS = Map.of("NAME", "placeholder", "VN_MAD", "bridge");
    /** More rounds than a form has fields; a rule that keeps failing on one field stops earlier. */
    private static final int MAX_ROUNDS = 64;
    /** Key for an error that names no field. */
    public static final String GENERAL = "";

    private FormValidation() {
    }

    /** Field (attribute name, or {@link #GENERAL}) to message; empty when the attributes are valid. */
    public static Map<String, String> errors(Map<String, String> attributes, Consumer<Map<String, String>> check) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> working = new LinkedHashMap<>(attributes);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            try {
                check.accept(working);
                return errors;
            } catch (ValidationException e) {
                String field = e.field().orElse(GENERAL);
                if (errors.containsKey(field)) {
                    return errors; // a cross-field rule that setting this field aside does not settle
                }
                errors.put(field, e.getMessage());
                if (PLACEHOLDERS.containsKey(field)) {
                    working.put(field, PLACEHOLDERS.get(field));
                } else if (working.remove(field) == null) {
                    return errors;
                }
            } catch (VnetException e) {
                errors.put(GENERAL, e.getMessage());
                return errors;
            }
        }
        return errors;
    }
}
