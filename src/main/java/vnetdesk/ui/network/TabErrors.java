package vnetdesk.ui.network;

import java.util.function.Predicate;

import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;

/** Marks a tab whose fields have errors with a red dot and lists the messages in its tooltip. */
final class TabErrors {

    private TabErrors() {
    }

    static void mark(Tab tab, ObservableMap<String, String> errors, Predicate<String> belongsHere) {
        Runnable update = () -> {
            String messages = String.join("\n", errors.entrySet().stream().filter(e -> belongsHere.test(e.getKey()))
                    .map(java.util.Map.Entry::getValue).sorted().toList());
            if (messages.isEmpty()) {
                tab.setGraphic(null);
                tab.setTooltip(null);
            } else {
                Circle dot = new Circle(4);
                dot.getStyleClass().add("tab-error-dot");
                tab.setGraphic(dot);
                tab.setTooltip(new Tooltip(messages));
            }
        };
        errors.addListener((MapChangeListener<String, String>) c -> update.run());
        update.run();
    }
}
