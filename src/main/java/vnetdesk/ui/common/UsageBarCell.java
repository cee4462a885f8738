package vnetdesk.ui.common;

import java.util.function.Function;

import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A table cell with a usage bar and its "used / total" text. The text keeps
 * its whole width ("4194304 / 16777216") and the bar takes what is left, down
 * to a sliver; the tooltip repeats the text.
 */
public final class UsageBarCell<S> extends TableCell<S, S> {

    private final ProgressBar bar = new ProgressBar();
    private final Label label = new Label();
    private final HBox box = new HBox(8, bar, label);
    private final Function<S, Double> usage;
    private final Function<S, String> text;

    public UsageBarCell(Function<S, Double> usage, Function<S, String> text) {
        this.usage = usage;
        this.text = text;
        bar.setMaxWidth(70);
        bar.setPrefWidth(70);
        bar.setMinWidth(12);
        HBox.setHgrow(bar, Priority.ALWAYS);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add("usage-text");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(0);
        getStyleClass().add("usage-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(S item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            FullText.tooltip(this, null);
            return;
        }
        double u = usage.apply(item);
        bar.setProgress(u);
        bar.getStyleClass().removeAll("usage-high", "usage-full");
        if (u >= 1.0) {
            bar.getStyleClass().add("usage-full");
        } else if (u >= 0.8) {
            bar.getStyleClass().add("usage-high");
        }
        String t = text.apply(item);
        label.setText(t);
        // the cell's text too (not drawn: graphic only), for lookups and accessibility
        setText(t);
        setGraphic(box);
        FullText.tooltip(this, t);
    }
}
