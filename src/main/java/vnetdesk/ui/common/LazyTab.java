package vnetdesk.ui.common;

import java.util.Locale;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content is built when it is first selected: a window with
 * several tabs then styles and lays out one of them when it first shows.
 */
public final class LazyTab {

    private LazyTab() {
    }

    /** A tab titled {@code title} (id {@code tab-<title in lower case>}) filled by {@code content} on first selection. */
    public static Tab of(String title, Supplier<Node> content) {
        Tab t = new Tab(title);
        t.setId("tab-" + title.toLowerCase(Locale.ROOT));
        t.setClosable(false);
        Runnable fill = () -> {
            if (t.getContent() == null) {
                t.setContent(content.get());
            }
        };
        t.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                fill.run();
            }
        });
        if (t.isSelected()) {
            fill.run();
        }
        return t;
    }
}
