package vnetdesk.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The header of an editor (network, template, security group): its title on
 * the left; a busy indicator, Revert and Save on the right; under them the
 * editor's message lines, each shown only while it has text.
 */
public final class EditorHeader {

    private EditorHeader() {
    }

    public static Node of(Label title, ObservableBooleanValue busy, Button revert, Button save, Label... messages) {
        title.getStyleClass().add("detail-title");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(busy);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox line = new HBox(8, title, grow, spinner, revert, save);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(8, 10, 8, 10));
        line.getStyleClass().add("detail-header");
        VBox header = new VBox(line);
        for (Label m : messages) {
            m.setWrapText(true);
            m.setMaxWidth(Double.MAX_VALUE);
            m.visibleProperty().bind(m.textProperty().isNotEmpty());
            m.managedProperty().bind(m.visibleProperty());
            header.getChildren().add(m);
        }
        return header;
    }
}
