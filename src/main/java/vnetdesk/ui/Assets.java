package vnetdesk.ui;

import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.shape.SVGPath;

/**
 * The console's look, shipped from {@code assets/} on the class path: the
 * stylesheet, the application icon, and the toolbar icons (vector paths, so
 * they stay sharp at any scale and follow the stylesheet's colours).
 */
final class Assets {

    private static final Map<String, String> ICONS = Map.ofEntries(
            Map.entry("new", "M7 1h2v6h6v2H9v6H7V9H1V7h6z"),
            Map.entry("template", "M3 1h7l4 4v10H3zM10 1v4h4M5 8h6M5 10.5h6M5 13h4"),
            Map.entry("rename", "M2 12.5V15h2.5l7.4-7.4-2.5-2.5zM13.7 5.8a.7.7 0 0 0 0-1L12.2 3.3a.7.7 0 0 0-1 0l-1.1 1.1 2.5 2.5z"),
            Map.entry("delete", "M3 4h10M6 4V2h4v2M4.5 4l.8 11h5.4l.8-11M7 6.5v6M9 6.5v6"),
            Map.entry("lock", "M4 7h8v8H4zM5.5 7V5a2.5 2.5 0 0 1 5 0v2"),
            Map.entry("unlock", "M4 7h8v8H4zM5.5 7V5a2.5 2.5 0 0 1 5 0"),
            Map.entry("hold", "M8 1.5a4 4 0 0 1 4 4c0 3-4 9-4 9s-4-6-4-9a4 4 0 0 1 4-4zM8 4a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"),
            Map.entry("reserve", "M4 1.5h8v13l-4-3-4 3z"),
            Map.entry("refresh", "M13 8a5 5 0 1 1-1.5-3.5M13 1.5v3.5H9.5"),
            Map.entry("network", "M8 1.5v4M3 10.5v-2.5h10v2.5M8 5.5v2.5M6 1.5h4v3H6zM1 10.5h4v3H1zM11 10.5h4v3h-4z"),
            Map.entry("section", "M2 3h12v10H2zM2 6h12"));

    private Assets() {
    }

    static String stylesheet() {
        URL url = Assets.class.getResource("/assets/vnetdesk.css");
        if (url == null) {
            throw new IllegalStateException("the stylesheet assets/vnetdesk.css is missing from the class path");
        }
        return url.toExternalForm();
    }

    static Optional<Image> icon() {
        InputStream in = Assets.class.getResourceAsStream("/assets/icons/vnetdesk-64.png");
        return in == null ? Optional.empty() : Optional.of(new Image(in));
    }

    static Optional<Node> toolIcon(String name) {
        String path = ICONS.get(name);
        if (path == null) {
            return Optional.empty();
        }
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        svg.getStyleClass().add("tool-icon");
        return Optional.of(svg);
    }
}
