package vnetdesk.ui.common.netform;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Security tab's controls shared by networks and network templates: the
 * default-group warning with its one-click fix, and the checkable list of
 * groups with their rule summaries.
 */
public final class SecurityGroupChecklist {

    private SecurityGroupChecklist() {
    }

    /** The warning and its fix, shown only while {@code warning} is not empty; ids use {@code idPrefix}. */
    public static Node warningBox(String idPrefix, ObservableStringValue warning, Runnable removeDefault) {
        Label text = new Label();
        text.setId(idPrefix + "default-group-warning");
        text.getStyleClass().add("warning-banner");
        text.setWrapText(true);
        text.textProperty().bind(warning);
        Button fix = new Button("Remove group 0 (default)");
        fix.setId(idPrefix + "remove-default-group");
        fix.setOnAction(e -> removeDefault.run());
        VBox box = new VBox(8, text, fix);
        box.setPadding(new Insets(4, 0, 0, 0));
        box.visibleProperty().bind(text.textProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The groups the user may use, each a check box with its rule summaries under its name. */
    public static ListView<SecurityTabViewModel.GroupChoice> list(String id, SecurityTabViewModel vm) {
        ListView<SecurityTabViewModel.GroupChoice> list = new ListView<>(vm.groups());
        list.setId(id);
        list.setPrefHeight(190);
        list.setPlaceholder(new Label("No security group you may use"));
        list.setCellFactory(CheckBoxListCell.forListView(SecurityTabViewModel.GroupChoice::checkedProperty,
                new StringConverter<>() {
                    @Override
                    public String toString(SecurityTabViewModel.GroupChoice c) {
                        return c == null ? "" : c.label() + (c.rules().isEmpty() ? "   (no rules: allows nothing)"
                                : "\n    " + c.rules().replace("\n", "\n    "));
                    }

                    @Override
                    public SecurityTabViewModel.GroupChoice fromString(String s) {
                        throw new UnsupportedOperationException("the list is not edited as text");
                    }
                }));
        return list;
    }
}
