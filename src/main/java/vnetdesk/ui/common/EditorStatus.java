package vnetdesk.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/**
 * The status line of an editor's header ({@link EditorHeader#withStatus}):
 * why Save fails, as an error; otherwise what Save waits for on an untouched
 * new form, as a hint (a form is not scolded before anything is typed).
 */
public final class EditorStatus {

    private static final String ERROR = "field-error";
    private static final String HINT = "field-hint";

    private EditorStatus() {
    }

    public static Label of(String id, EditorSession<?> editor) {
        return of(id, editor, new ReadOnlyStringWrapper(""));
    }

    /** {@code where} says where the errors are ("see the Context tab"), added to a failure when not empty. */
    public static Label of(String id, EditorSession<?> editor, ObservableStringValue where) {
        Label status = new Label();
        status.setId(id);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            String problem = editor.problemProperty().get();
            if (problem.isEmpty()) {
                return editor.hintProperty().get();
            }
            return "Cannot save: " + problem + (where.get().isEmpty() ? "" : " (" + where.get() + ")");
        }, editor.problemProperty(), editor.hintProperty(), where));
        Runnable style = () -> {
            boolean failed = !editor.problemProperty().get().isEmpty();
            status.getStyleClass().removeAll(ERROR, HINT);
            status.getStyleClass().add(failed ? ERROR : HINT);
        };
        editor.problemProperty().addListener(x -> style.run());
        style.run();
        return status;
    }
}
