package vnetdesk.ui;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import vnetdesk.ui.common.ConsoleSection;

/**
 * A section of the navigation whose feature is not in this version yet: it
 * says so and what to use meanwhile, instead of showing made-up data.
 */
final class PlannedSection {

    private PlannedSection() {
    }

    static ConsoleSection of(String title, String icon, String text) {
        Label head = new Label(title);
        head.getStyleClass().add("empty-title");
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(520);
        body.getStyleClass().add("empty-text");
        VBox box = new VBox(10, head, body);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.setId("empty-" + title.replace(' ', '-').replace("&", "and").toLowerCase(Locale.ROOT));
        return ConsoleSection.of(title, icon, box);
    }
}
