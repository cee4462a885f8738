package vnetdesk.ui.common;

import java.util.Map;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/**
 * The console's action and navigation icons: 16×16 vector paths, so they stay
 * sharp at any scale and take their colours from the stylesheet
 * ({@code .tool-icon}).
 */
public final class Icons {

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
            Map.entry("drift", "M2 5h10l-2.5-2.5M14 11H4l2.5 2.5"),
            Map.entry("network", "M8 1.5v4M3 10.5v-2.5h10v2.5M8 5.5v2.5M6 1.5h4v3H6zM1 10.5h4v3H1zM11 10.5h4v3h-4z"),
            Map.entry("section", "M2 3h12v10H2zM2 6h12"),
            Map.entry("clone", "M5 5h9v9H5zM2 11V2h9"),
            Map.entry("user", "M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2.5 15c0-3 2.5-5 5.5-5s5.5 2 5.5 5"),
            Map.entry("users", "M6 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM1.5 14c0-2.5 2-4.5 4.5-4.5s4.5 2 4.5 4.5"
                    + "M11 7.5a2 2 0 1 0 0-4M12.5 9.8c1.3.6 2 2 2 3.7"),
            Map.entry("commit", "M2.5 8.5l3.5 3.5 7.5-8"),
            Map.entry("plan", "M4 2.5h8v12H4zM6 1.5h4v2H6zM6 7h4M6 9.5h4M6 12h2"),
            Map.entry("apply", "M1.5 8h8M6.5 5l3 3-3 3M11 2h3.5v12H11"),
            Map.entry("retry", "M3 8a5 5 0 1 0 1.5-3.5M3 1.5v3.5h3.5M9 5.5v3M9 10.8v.2"),
            Map.entry("instantiate", "M4 2.5l9 5.5-9 5.5z"),
            Map.entry("shield", "M8 1.5l5.5 2v4c0 3.5-2.5 6-5.5 7-3-1-5.5-3.5-5.5-7v-4z"),
            Map.entry("vm", "M1.5 2.5h13v9h-13zM5.5 14.5h5M8 11.5v3"),
            Map.entry("host", "M2 2h12v5H2zM2 9h12v5H2zM4.5 4.5h1M4.5 11.5h1"),
            Map.entry("cluster", "M1.5 1.5h5v5h-5zM9.5 1.5h5v5h-5zM1.5 9.5h5v5h-5zM9.5 9.5h5v5h-5z"),
            Map.entry("rule", "M2 4h12M2 8h12M2 12h7"),
            Map.entry("address", "M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM1.5 8h13M8 1.5c2.2 2 2.2 11 0 13"
                    + "M8 1.5c-2.2 2-2.2 11 0 13"),
            Map.entry("deploy", "M8 1.5v8M5 6.5l3 3 3-3M2 11v3.5h12V11"),
            Map.entry("undeploy", "M8 9.5v-8M5 4.5l3-3 3 3M2 11v3.5h12V11"),
            Map.entry("poweroff", "M8 1.5v6M4.6 3.9a5.5 5.5 0 1 0 6.8 0"),
            Map.entry("attach", "M6.5 9.5l3-3M5 7.5L3.5 9a2.5 2.5 0 0 0 3.5 3.5L8.5 11M7.5 5L9 3.5A2.5 2.5 0 0 1"
                    + " 12.5 7L11 8.5"),
            Map.entry("detach", "M5 7.5L3.5 9a2.5 2.5 0 0 0 3.5 3.5L8.5 11M7.5 5L9 3.5A2.5 2.5 0 0 1 12.5 7L11 8.5"
                    + "M2 2l2.5 2.5M11.5 11.5L14 14"));

    private Icons() {
    }

    /** The icon named {@code name}, or none for an unknown name. */
    public static Optional<Node> of(String name) {
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
