package vnetdesk.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/**
 * The one look of the console's actions: a button with its icon and label
 * (style class {@code tool-button}), groups apart by separators; the same
 * actions as context-menu entries. Every view follows the same label rule: a
 * label ends in "…" when the action asks for more before it acts (a name, a
 * form, a choice — Rename…, Clone…, Hold IP…), not for a mere confirmation
 * (Delete).
 */
public final class Toolbars {

    private Toolbars() {
    }

    public static Button button(ToolAction a) {
        Button b = new Button(a.text());
        b.setId(a.id());
        b.getStyleClass().add("tool-button");
        Icons.of(a.icon()).ifPresent(b::setGraphic);
        b.setTooltip(new Tooltip(a.tooltip()));
        b.setOnAction(e -> a.action().run());
        b.disableProperty().bind(a.disabled());
        return b;
    }

    /** The buttons of the groups, a separator between two groups. */
    public static List<Node> items(List<List<ToolAction>> groups) {
        List<Node> items = new ArrayList<>();
        for (List<ToolAction> group : groups) {
            if (group.isEmpty()) {
                continue;
            }
            if (!items.isEmpty()) {
                items.add(new Separator());
            }
            group.forEach(a -> items.add(button(a)));
        }
        return items;
    }

    /** A toolbar of the groups, in the console's toolbar style. */
    public static ToolBar bar(List<List<ToolAction>> groups) {
        ToolBar bar = new ToolBar();
        bar.getItems().setAll(items(groups));
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    /** The action as a context-menu entry labelled {@code text}, enabled like its button. */
    public static MenuItem menuItem(String text, ToolAction a) {
        MenuItem i = new MenuItem(text);
        i.disableProperty().bind(a.disabled());
        i.setOnAction(e -> a.action().run());
        return i;
    }
}
