package vnetdesk.model;

/**
 * One item of a security rule's RANGE: a single port ({@code 22}) or an
 * inclusive range ({@code 80:90}) of TCP/UDP ports 0–65535. Orders by first
 * port, then last, so a rule's ports have one canonical order.
 */
public record PortRange(int first, int last) implements Comparable<PortRange> {

    public static final int MAX_PORT = 65535;

    public PortRange {
        if (first < 0 || first > MAX_PORT) {
            throw outside(first, text(first, last));
        }
        if (last < 0 || last > MAX_PORT) {
            throw outside(last, text(first, last));
        }
        if (first > last) {
            throw ValidationException.invalid("RANGE", text(first, last),
                    "port range " + first + ":" + last + " begins after it ends");
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    public boolean isSinglePort() {
        return first == last;
    }

    /**
     * What this item costs in an iptables multiport match, which takes at most
     * 15 ports: a range takes two slots (its two ends).
     */
    public int multiportCost() {
        return isSinglePort() ? 1 : 2;
    }

    /** The item as written in a rule's RANGE for display: {@code 22} or {@code 80-90}. */
    public String displayText() {
        return isSinglePort() ? Integer.toString(first) : first + "-" + last;
    }

    @Override
    public int compareTo(PortRange o) {
        int c = Integer.compare(first, o.first);
        return c != 0 ? c : Integer.compare(last, o.last);
    }

    /** The attribute text: {@code 22} or {@code 80:90}. */
    @Override
    public String toString() {
        return text(first, last);
    }

    private static String text(int first, int last) {
        return first == last ? Integer.toString(first) : first + ":" + last;
    }

    private static ValidationException outside(int port, String shown) {
        return ValidationException.invalid("RANGE", shown, "port " + port + " is outside 0-" + MAX_PORT);
    }
}
