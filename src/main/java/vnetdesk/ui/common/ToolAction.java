package vnetdesk.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;

/**
 * One action a toolbar (or a pane's button row, or a context menu) offers:
 * its control id, label, icon name ({@link Icons}), tooltip, what it does,
 * and when it is disabled. Built by a view, shown by {@link Toolbars}, so
 * every action of the console looks and behaves the same.
 */
public record ToolAction(String id, String text, String icon, String tooltip, Runnable action,
                         ObservableBooleanValue disabled) {

    /** An action that is always enabled. */
    public static ToolAction of(String id, String text, String icon, String tooltip, Runnable action) {
        return new ToolAction(id, text, icon, tooltip, action, Bindings.createBooleanBinding(() -> false));
    }

    /** The same action, disabled while {@code when} is true. */
    public ToolAction disabledWhen(ObservableBooleanValue when) {
        return new ToolAction(id, text, icon, tooltip, action, when);
    }
}
