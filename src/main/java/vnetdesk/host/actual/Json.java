package vnetdesk.host.actual;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.SyntaxException;

/**
 * Reads the JSON that {@code ip -j} and {@code tc -j} print into plain Java
 * values: {@link Map} (keys in order), {@link List}, {@link String},
 * {@link BigDecimal}, {@link Boolean} and {@link #NULL}. The host layer may
 * not use Jackson (ArchUnit keeps it pure), and these outputs need nothing
 * beyond RFC 8259. One forward pass; errors carry the command, line and
 * column; input size and nesting depth are limited.
 */
final class Json {

    /** JSON {@code null}, so that no value read is a Java null. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    static final int MAX_DEPTH = 64;

    private final String text;
    private final String command;
    private int pos;

    private Json(String text, String command) {
        this.text = text;
        this.command = command;
    }

    /** The one value {@code text} holds; whitespace around it is allowed, anything else is an error. */
    static Object parse(String text, String command) {
        Limits.checkSize(text, command);
        Json json = new Json(text, command);
        json.skipBlanks();
        Object value = json.value(0);
        json.skipBlanks();
        if (json.pos < text.length()) {
            throw json.error("unexpected text after the JSON value: " + json.around());
        }
        return value;
    }

    /** Member {@code key} of an object, when present and not {@code null}. */
    static Optional<Object> member(Map<?, ?> object, String key) {
        Object value = object.get(key);
        return value == null || value == NULL ? Optional.empty() : Optional.of(value);
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("the JSON ends early (truncated output?)");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("expected a JSON value, found " + around());
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> members = new LinkedHashMap<>();
        pos++;
        skipBlanks();
        if (peek() == '}') {
            pos++;
            return members;
        }
        while (true) {
            skipBlanks();
            if (peek() != '"') {
                throw error("expected a quoted member name, found " + around());
            }
            String key = string();
            skipBlanks();
            expect(':');
            skipBlanks();
            members.put(key, value(depth + 1));
            skipBlanks();
            char c = peek();
            pos++;
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in an object, found " + around());
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> items = new ArrayList<>();
        pos++;
        skipBlanks();
        if (peek() == ']') {
            pos++;
            return items;
        }
        while (true) {
            skipBlanks();
            items.add(value(depth + 1));
            skipBlanks();
            char c = peek();
            pos++;
            if (c == ']') {
                return items;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in an array, found " + around());
            }
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("a JSON string is not closed (truncated output?)");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("a control character inside a JSON string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = peek();
            pos++;
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("a \\u escape ends early");
                    }
                    try {
                        b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    pos += 4;
                }
                default -> {
                    pos--;
                    throw error("unknown escape in a JSON string: " + around());
                }
            }
        }
    }

    private BigDecimal number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("not a JSON number: " + around());
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("expected a JSON value, found " + around());
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "', found " + around());
        }
        pos++;
    }

    /** The character at the cursor; an error at the end of input, where every caller needs one more. */
    private char peek() {
        if (pos >= text.length()) {
            throw error("the JSON ends early (truncated output?)");
        }
        return text.charAt(pos);
    }

    private void skipBlanks() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private String around() {
        return pos >= text.length() ? "the end of the output"
                : "\"" + Limits.shown(text.substring(pos, Math.min(text.length(), pos + 30))) + "\"";
    }

    private SyntaxException error(String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SyntaxException(command, line, pos - lineStart + 1, message);
    }
}
