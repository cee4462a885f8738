package vnetdesk.ui.network;

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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
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

    static final Map<Kind, Color> COLOURS = Map.of(Kind.FREE, Color.web("#dde3ea"), Kind.HELD,
            Color.web("#e39a2d"), Kind.VM, Color.web("#2f7fd0"), Kind.RESERVED, Color.web("#8e5cc4"));
    /** The used share of a block: the owners of its addresses are known only on hover. */
    static final Color USED = Color.web("#4f6275");
    private static final Color HOVER = Color.web("#1b1f24");

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

    private static Node legend() {
        HBox legend = new HBox(12);
        legend.setId("map-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        for (Map.Entry<String, Color> e : List.of(Map.entry("free", COLOURS.get(Kind.FREE)),
                Map.entry("held", COLOURS.get(Kind.HELD)), Map.entry("VM", COLOURS.get(Kind.VM)),
                Map.entry("reserved (child network)", COLOURS.get(Kind.RESERVED)),
                Map.entry("used share of a block", USED))) {
            Rectangle swatch = new Rectangle(12, 12, e.getValue());
            swatch.setStroke(Color.web("#8a96a3"));
            legend.getChildren().add(new HBox(4, swatch, new Label(e.getKey())));
        }
        return legend;
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
            g.setFill(COLOURS.get(m.singleAddresses() ? c.kind() : Kind.FREE));
            g.fillRect(x, y, inner, inner);
            if (!m.singleAddresses() && c.used() > 0) {
                // a block's used share from the bottom, its reserved part lowest; at least a sliver, so
                // that one lease in 16,384 still shows
                double h = share(inner, c.used(), c.size());
                g.setFill(USED);
                g.fillRect(x, y + inner - h, inner, h);
                if (c.reserved() > 0) {
                    double r = Math.min(h, share(inner, c.reserved(), c.size()));
                    g.setFill(COLOURS.get(Kind.RESERVED));
                    g.fillRect(x, y + inner - r, inner, r);
                }
            }
        }
        if (hovered >= 0 && hovered < cells.size()) {
            g.setStroke(HOVER);
            g.setLineWidth(Math.min(2, Math.max(1, side / 8)));
            g.strokeRect((hovered % grid.columns()) * side + 0.5, (hovered / grid.columns()) * side + 0.5,
                    inner - 1, inner - 1);
        }
    }
}
