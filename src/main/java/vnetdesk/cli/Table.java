package vnetdesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A text table with aligned columns, two blanks apart, numbers right-aligned
 * where asked; no trailing blanks. Can also print rows one page at a time with
 * widths fixed by the first page, for output that is streamed.
 */
final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final Set<Integer> rightAligned = new HashSet<>();
    private int[] fixedWidths;

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** Right-aligns the given columns (0-based). */
    Table alignRight(int... columns) {
        for (int c : columns) {
            rightAligned.add(c);
        }
        return this;
    }

    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Prints the header and all rows, then forgets the rows. */
    void print(PrintStream out) {
        int[] widths = widths();
        printRow(out, headers, widths);
        flushRows(out, widths);
    }

    /**
     * Streaming form: the first call fixes the widths from the rows so far and
     * prints the header; every call prints and forgets the rows added since.
     */
    void printPage(PrintStream out) {
        if (fixedWidths == null) {
            fixedWidths = widths();
            printRow(out, headers, fixedWidths);
        }
        flushRows(out, fixedWidths);
    }

    private void flushRows(PrintStream out, int[] widths) {
        for (List<String> r : rows) {
            printRow(out, r, widths);
        }
        rows.clear();
    }

    private int[] widths() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        return w;
    }

    private void printRow(PrintStream out, List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean last = i == cells.size() - 1;
            int pad = Math.max(0, widths[i] - cell.length());
            if (i > 0) {
                b.append("  ");
            }
            if (rightAligned.contains(i)) {
                b.append(" ".repeat(pad)).append(cell);
            } else {
                b.append(cell);
                if (!last) {
                    b.append(" ".repeat(pad));
                }
            }
        }
        out.println(stripTrailing(b));
    }

    private static String stripTrailing(StringBuilder b) {
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        return b.substring(0, end);
    }
}
