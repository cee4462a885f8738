package vnetdesk.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Shows a ViewModel's field errors on the form: the ControlsFX error
 * decoration and a tooltip on the field, and the message itself in a label
 * under it (the decoration alone does not say why).
 */
public final class FieldErrors {

    private final GraphicValidationDecoration decoration = new GraphicValidationDecoration();
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, Label> messages = new LinkedHashMap<>();
    private final ObservableMap<String, String> errors;
    /** Attributes that have a field somewhere (perhaps on a tab not built yet): not for the banner. */
    private final java.util.Set<String> expected = new java.util.HashSet<>();

    public FieldErrors(ObservableMap<String, String> errors) {
        this.errors = errors;
        errors.addListener((MapChangeListener<String, String>) c -> refresh());
    }

    /** Registers the control (and the label under it) that shows errors of {@code attribute}. */
    public Label register(String attribute, Control control) {
        Label message = new Label();
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        message.setId("error-" + attribute);
        fields.put(attribute, control);
        messages.put(attribute, message);
        refresh();
        return message;
    }

    private void refresh() {
        fields.forEach((attribute, control) -> {
            String error = errors.get(attribute);
            decoration.removeDecorations(control);
            Label label = messages.get(attribute);
            if (error == null) {
                control.setTooltip(null);
                label.setVisible(false);
                label.setText("");
            } else {
                decoration.applyValidationDecoration(ValidationMessage.error(control, error));
                control.setTooltip(new Tooltip(error));
                label.setText(error);
                label.setVisible(true);
            }
        });
    }

    /** Declares attributes whose fields exist on the form, even if built later (their errors are not unplaced). */
    public void expect(java.util.Collection<String> attributes) {
        expected.addAll(attributes);
    }

    /** Errors that belong to no field of the form (shown in the form's banner). */
    public String unplaced() {
        StringBuilder b = new StringBuilder();
        errors.forEach((k, v) -> {
            if (!fields.containsKey(k) && !expected.contains(k)) {
                b.append(b.length() == 0 ? "" : "\n").append(v);
            }
        });
        return b.toString();
    }

}
