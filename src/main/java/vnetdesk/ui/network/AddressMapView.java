package vnetdesk.ui.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Background;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import vnetdesk.service.AddressMap;
import vnetdesk.service.AddressMap.Cell;
import vnetdesk.service.AddressMap.Kind;

/**
 * The address map drawn on one Canvas (not a node per cell, so 1,024 cells
 * cost one draw): a square cell per address or block, laid out in rows of a
 * power of two, redrawn on resize; a single address is coloured by its owner
 * kind, a block is filled from the bottom by its used share (its reserved
 * part in the reservation colour). Hover gives the
 * tooltip, a click activates the cell, a right click zooms out.
 */
final class AddressMapView {

    /**
     * The legend's swatches, one per colour of the map. They are styled by the
     * theme (assets/vnetdesk.css, .map-* on the theme's colours), and the
     * canvas paints with the colours CSS gave them, so the map follows a switch
     * to the dark theme like the rest of the console.
     */
    private final Map<String, Region> swatches = new LinkedHashMap<>();

    private final AddressMapViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Pane surface = new Pane(canvas) {
        @Override
        protected void layoutChildren() {
            canvas.setWidth(Math.max(0, getWidth()));
            canvas.setHeight(Math.max(0, getHeight()));
            draw();
        }
    };
    private final Tooltip tooltip = new Tooltip();
    private MapGrid grid = new MapGrid(1, 0);
    private int hovered = -1;

    AddressMapView(AddressMapViewModel vm) {
        this.vm = vm;
    }

    Node build() {
        canvas.setId("address-map");
        surface.setMinSize(0, 0);
        surface.setPrefSize(360, 240);
        canvas.setOnMouseMoved(e -> hover(grid.cellAt(e.getX(), e.getY(), cellCount())));
        canvas.setOnMouseExited(e -> hover(-1));
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                vm.zoomOut();
            } else if (e.getButton() == MouseButton.PRIMARY) {
                vm.activate(grid.cellAt(e.getX(), e.getY(), cellCount()));
            }
        });
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        tooltip.textProperty().bind(vm.tooltipProperty());
        // installed only while there is something to say: an empty tooltip is a stray box
        vm.tooltipProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) {
                Tooltip.uninstall(canvas, tooltip);
            } else if (was.isEmpty()) {
                Tooltip.install(canvas, tooltip);
            }
        });
        vm.mapProperty().addListener((o, was, now) -> {
            hovered = -1;
            draw();
        });

        Label scale = new Label();
        scale.setId("map-scale");
        scale.setWrapText(true);
        scale.textProperty().bind(vm.scaleProperty());
        scale.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(scale, Priority.ALWAYS);
        Button out = new Button("Zoom out");
        out.setId("map-zoom-out");
        out.disableProperty().bind(vm.canZoomOutProperty().not());
        out.setOnAction(e -> vm.zoomOut());
        HBox top = new HBox(8, scale, out);
        top.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("map-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Label hover = new Label();
        hover.setId("map-hover");
        hover.setMaxWidth(Double.MAX_VALUE);
        hover.textProperty().bind(vm.tooltipProperty());
        VBox bottom = new VBox(4, legend(), hover);
        BorderPane box = new BorderPane(surface, new VBox(4, top, message), null, bottom, null);
        BorderPane.setMargin(surface, new Insets(4, 0, 4, 0));
        return box;
    }

    private Node legend() {
        HBox legend = new HBox(12);
        legend.setId("map-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        for (Map.Entry<String, String> e : List.of(Map.entry("map-free", "free"), Map.entry("map-held", "held"),
                Map.entry("map-vm", "VM"), Map.entry("map-reserved", "reserved (child network)"),
                Map.entry("map-used", "used share of a block"))) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("map-swatch", e.getKey());
            swatch.setMinSize(12, 12);
            swatch.setPrefSize(12, 12);
            swatch.setMaxSize(12, 12);
            swatch.backgroundProperty().addListener((o, was, now) -> draw());
            swatches.put(e.getKey(), swatch);
            HBox item = new HBox(4, swatch, new Label(e.getValue()));
            item.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(item);
        }
        // the hover outline takes the text colour: an invisible swatch carries it
        Region hoverSwatch = new Region();
        hoverSwatch.getStyleClass().add("map-hover");
        hoverSwatch.setManaged(false);
        hoverSwatch.setVisible(false);
        swatches.put("map-hover", hoverSwatch);
        legend.getChildren().add(hoverSwatch);
        return legend;
    }

    /** The colour CSS gave the swatch {@code styleClass}; grey until the first CSS pass. */
    Color colour(String styleClass) {
        Background b = swatches.get(styleClass).getBackground();
        if (b != null && !b.getFills().isEmpty() && b.getFills().get(0).getFill() instanceof Color c) {
            return c;
        }
        return Color.GRAY;
    }

    private Color colour(Kind kind) {
        return colour("map-" + kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static double share(double side, long part, long whole) {
        return Math.max(Math.min(side, 2), side * part / (double) whole);
    }

    private int cellCount() {
        return vm.mapProperty().get().map(m -> m.cells().size()).orElse(0);
    }

    private void hover(int i) {
        if (i != hovered) {
            hovered = i;
            vm.hover(i);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Optional<AddressMap> shown = vm.mapProperty().get();
        if (shown.isEmpty()) {
            return;
        }
        AddressMap m = shown.get();
        List<Cell> cells = m.cells();
        grid = MapGrid.fit(cells.size(), canvas.getWidth(), canvas.getHeight());
        double side = grid.side();
        if (side <= 0) {
            return;
        }
        double gap = side >= 6 ? 1 : 0;
        double inner = side - gap;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            double x = (i % grid.columns()) * side;
            double y = (i / grid.columns()) * side;
            g.setFill(colour(m.singleAddresses() ? c.kind() : Kind.FREE));
            g.fillRect(x, y, inner, inner);
            if (!m.singleAddresses() && c.used() > 0) {
                // a block's used share from the bottom, its reserved part lowest; at least a sliver, so
                // that one lease in 16,384 still shows
                double h = share(inner, c.used(), c.size());
                g.setFill(colour("map-used"));
                g.fillRect(x, y + inner - h, inner, h);
                if (c.reserved() > 0) {
                    double r = Math.min(h, share(inner, c.reserved(), c.size()));
                    g.setFill(colour(Kind.RESERVED));
                    g.fillRect(x, y + inner - r, inner, r);
                }
            }
        }
        if (hovered >= 0 && hovered < cells.size()) {
            g.setStroke(colour("map-hover"));
            g.setLineWidth(Math.min(2, Math.max(1, side / 8)));
            g.strokeRect((hovered % grid.columns()) * side + 0.5, (hovered / grid.columns()) * side + 0.5,
                    inner - 1, inner - 1);
        }
    }
}
