package vnetdesk.ui.common;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A two-column form: labels on the left, fields with their error line and hint on the right. */
public final class FormGrid {

    private final GridPane grid = new GridPane();
    private int row;

    public FormGrid() {
        grid.getStyleClass().add("form-grid");
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setPadding(new Insets(12));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        fields.setMaxWidth(520);
        grid.getColumnConstraints().addAll(labels, fields);
    }

    /** A labelled field; {@code below} (error line, hint) may be null. */
    public FormGrid add(String label, Node field, Node... below) {
        Label l = new Label(label);
        l.setLabelFor(field);
        GridPane.setValignment(l, VPos.TOP);
        l.setPadding(new Insets(4, 0, 0, 0));
        grid.add(l, 0, row);
        grid.add(field, 1, row++);
        for (Node n : below) {
            if (n != null) {
                grid.add(n, 1, row++);
            }
        }
        return this;
    }

    /** A full-width section title. */
    public FormGrid section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("form-section");
        GridPane.setHalignment(l, HPos.LEFT);
        grid.add(l, 0, row++, 2, 1);
        return this;
    }

    /** A full-width node (a note, a table). */
    public FormGrid wide(Node node) {
        GridPane.setHalignment(node, HPos.LEFT);
        grid.add(node, 0, row++, 2, 1);
        return this;
    }

    /** A grey explanatory line under a field. */
    public static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-hint");
        l.setWrapText(true);
        return l;
    }

    public GridPane node() {
        return grid;
    }
}
