package vnetdesk.ui.common;

import java.util.Optional;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The header of an editor (network, template, security group): its title on
 * the left; a busy indicator, Revert and Save on the right; under them an
 * optional status line (why Save failed) that always keeps its place, and the
 * editor's message lines, each shown only while it has text.
 */
public final class EditorHeader {

    private EditorHeader() {
    }

    public static Node of(Label title, ObservableBooleanValue busy, Button revert, Button save, Label... messages) {
        return build(title, busy, revert, save, Optional.empty(), messages);
    }

    /**
     * With {@code status} as a line of its own that is there even while empty,
     * so a message appearing in it (a failed save) never pushes the form down;
     * a long message ends in an ellipsis and shows whole in the tooltip.
     */
    public static Node withStatus(Label title, ObservableBooleanValue busy, Button revert, Button save, Label status,
                                  Label... messages) {
        return build(title, busy, revert, save, Optional.of(status), messages);
    }

    private static Node build(Label title, ObservableBooleanValue busy, Button revert, Button save,
                              Optional<Label> status, Label... messages) {
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
        status.ifPresent(s -> header.getChildren().add(statusLine(s)));
        for (Label m : messages) {
            m.setWrapText(true);
            m.setMaxWidth(Double.MAX_VALUE);
            m.visibleProperty().bind(m.textProperty().isNotEmpty());
            m.managedProperty().bind(m.visibleProperty());
            header.getChildren().add(m);
        }
        return header;
    }

    private static Label statusLine(Label status) {
        status.setWrapText(false);
        status.setTextOverrun(OverrunStyle.ELLIPSIS);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setPadding(new Insets(2, 10, 2, 10));
        // one line high while empty too: its text comes and goes without moving what is below
        status.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(status.textProperty());
        status.textProperty().addListener((o, was, now) -> status.setTooltip(now.isEmpty() ? null : whole));
        status.setTooltip(status.getText().isEmpty() ? null : whole);
        return status;
    }
}
