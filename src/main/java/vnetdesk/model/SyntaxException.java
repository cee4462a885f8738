package vnetdesk.model;

/** A text input (template, XML, JSON, expression) cannot be parsed; says where. */
public class SyntaxException extends VnetException {

    private final int line;
    private final int column;

    public SyntaxException(String source, int line, int column, String message) {
        super(source + ": line " + line + ", column " + column + ": " + message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
