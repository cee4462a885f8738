package vnetdesk.ui.network;

import javafx.geometry.Point2D;

/**
 * Where the address map's cells are: {@code columns} per row, squares of
 * {@code side} pixels, the first cell at the top left.
 */
public record MapGrid(int columns, double side) {

    /** The largest square cells that fit {@code n} cells into {@code w × h}, with a power-of-two row length. */
    public static MapGrid fit(int n, double w, double h) {
        MapGrid best = new MapGrid(1, 0);
        for (int columns = 1; ; columns *= 2) {
            int rows = (n + columns - 1) / columns;
            double side = Math.floor(Math.min(w / columns, h / Math.max(1, rows)));
            if (side > best.side) {
                best = new MapGrid(columns, side);
            }
            if (columns >= n) {
                break;
            }
        }
        return best;
    }

    /** The cell under {@code (x, y)} of {@code n} cells, or -1. */
    public int cellAt(double x, double y, int n) {
        if (side <= 0 || x < 0 || y < 0 || x >= columns * side) {
            return -1;
        }
        int i = (int) (y / side) * columns + (int) (x / side);
        return i < n ? i : -1;
    }

    /** The centre of cell {@code i}. */
    public Point2D centre(int i) {
        return new Point2D((i % columns + 0.5) * side, (i / columns + 0.5) * side);
    }
}
