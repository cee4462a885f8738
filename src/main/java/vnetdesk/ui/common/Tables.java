package vnetdesk.ui.common;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Small helpers for read-only table columns. */
public final class Tables {

    private Tables() {
    }

    public static <S, T> TableColumn<S, T> column(String title, double width, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TextCell<>());
        c.setPrefWidth(width);
        return c;
    }

    /** A value as text, with the full text as a tooltip where a narrow column cuts it ("02:00:0a:0a:…"). */
    private static final class TextCell<S, T> extends TableCell<S, T> {
        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            String text = empty || item == null ? null : item.toString();
            setText(text);
            FullText.tooltip(this, text);
        }
    }

    /** A usage-bar column; sorts by usage. */
    public static <S> TableColumn<S, S> usage(String title, double width, Function<S, Double> usage,
                                              Function<S, String> text) {
        TableColumn<S, S> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new UsageBarCell<>(usage, text));
        c.setComparator((a, b) -> Double.compare(usage.apply(a), usage.apply(b)));
        c.setPrefWidth(width);
        return c;
    }
}
