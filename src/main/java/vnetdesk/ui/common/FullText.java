package vnetdesk.ui.common;

import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/**
 * Text that is shown whole: list cells that wrap to the list's width (rather
 * than widening the list behind a horizontal scroll bar), and a tooltip with
 * the full text on cells a narrow column may cut.
 */
public final class FullText {

    private FullText() {
    }

    /**
     * Makes {@code cell} wrap its text at the list's width and grow as tall as
     * the wrapped text needs (see {@code .wrapping-cell} in the stylesheet).
     */
    public static void wrapInList(ListCell<?> cell) {
        cell.setWrapText(true);
        // a cell asking for no width is laid out at the list's width: its text wraps there
        cell.setPrefWidth(0);
        cell.getStyleClass().add("wrapping-cell");
    }

    /** Shows {@code text} (or nothing when empty) as {@code labeled}'s tooltip. */
    public static void tooltip(Labeled labeled, String text) {
        if (text == null || text.isEmpty()) {
            labeled.setTooltip(null);
            return;
        }
        if (labeled.getTooltip() == null) {
            labeled.setTooltip(new Tooltip());
        }
        labeled.getTooltip().setText(text);
    }
}
