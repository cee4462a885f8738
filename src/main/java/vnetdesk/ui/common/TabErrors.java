package vnetdesk.ui.common;

import java.util.Map;
import java.util.function.Predicate;

import javafx.beans.value.ObservableStringValue;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;

/** Marks a tab whose fields have errors with a red dot and lists the messages in its tooltip. */
public final class TabErrors {

    private TabErrors() {
    }

    /** Follows the errors (by field) that {@code belongsHere} assigns to the tab. */
    public static void mark(Tab tab, ObservableMap<String, String> errors, Predicate<String> belongsHere) {
        Runnable update = () -> show(tab, String.join("\n", errors.entrySet().stream()
                .filter(e -> belongsHere.test(e.getKey())).map(Map.Entry::getValue).sorted().toList()));
        errors.addListener((MapChangeListener<String, String>) c -> update.run());
        update.run();
    }

    /**
     * Follows one text of messages ("" = no error). The tab keeps
     * {@code messages}: a binding made for this call is held by nothing else,
     * and its dependencies hold it only weakly, so it would be collected and
     * the dot stop following.
     */
    public static void mark(Tab tab, ObservableStringValue messages) {
        tab.getProperties().put(TabErrors.class, messages);
        messages.addListener(x -> show(tab, messages.get()));
        show(tab, messages.get());
    }

    private static void show(Tab tab, String messages) {
        if (messages.isEmpty()) {
            tab.setGraphic(null);
            tab.setTooltip(null);
        } else {
            Circle dot = new Circle(4);
            dot.getStyleClass().add("tab-error-dot");
            tab.setGraphic(dot);
            tab.setTooltip(new Tooltip(messages));
        }
    }
}
