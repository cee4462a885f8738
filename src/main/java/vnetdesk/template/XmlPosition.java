package vnetdesk.template;

/** Where an element starts in an XML document (1-based; the column just after its start tag), for messages. */
public record XmlPosition(int line, int column) {

    public XmlPosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("position " + line + ":" + column);
        }
    }

    /** {@code line 12, column 5}, as parse errors name a place. */
    public String text() {
        return "line " + line + ", column " + column;
    }
}
