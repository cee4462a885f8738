package vnetdesk.ui.common;

import java.util.List;

import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The layout every list section shares: a filter field over a sortable table
 * of the rows (filled to the width by its last column), above the detail of
 * the selected object.
 */
public final class MasterDetail {

    private MasterDetail() {
    }

    /** Fills {@code table}: the rows sorted by its columns, the columns, and what it says when empty. */
    public static <R> void table(TableView<R> table, String id, ObservableList<R> rows,
                                 List<TableColumn<R, ?>> columns, String placeholder) {
        SortedList<R> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId(id);
        table.getColumns().setAll(columns);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(placeholder));
    }

    /**
     * The filter field (bound to {@code filter}) and the table above {@code detail};
     * {@code divider} is the table's share of the height.
     */
    public static SplitPane of(TableView<?> table, StringProperty filter, String filterId, String prompt,
                               Node detail, double divider) {
        TextField field = new TextField();
        field.setId(filterId);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(filter);
        VBox master = new VBox(6, field, table);
        master.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(master, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(divider);
        return split;
    }
}
