package vnetdesk.ui.common;

import java.util.function.Function;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;

/** A table cell with a usage bar and its "used / total" text. */
public final class UsageBarCell<S> extends TableCell<S, S> {

    private final ProgressBar bar = new ProgressBar();
    private final Function<S, Double> usage;
    private final Function<S, String> text;

    public UsageBarCell(Function<S, Double> usage, Function<S, String> text) {
        this.usage = usage;
        this.text = text;
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefWidth(70);
        getStyleClass().add("usage-cell");
        setContentDisplay(ContentDisplay.LEFT);
        setGraphicTextGap(8);
    }

    @Override
    protected void updateItem(S item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
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
        setGraphic(bar);
        setText(text.apply(item));
    }
}
