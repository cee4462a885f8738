package vnetdesk.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import vnetdesk.model.SyntaxException;

/**
 * Reads OpenNebula template text into a {@link Template}, or says exactly where and
 * why the text is wrong.
 *
 * <p>The syntax: one {@code NAME = value} per line; a value is a double-quoted
 * string (may span lines, {@code \"} is a quote and {@code \\} a backslash, any
 * other backslash is kept as written) or a bare word without blanks and without
 * {@code = , [ ] # "}. A vector is {@code NAME = [ KEY = value, ... ]} with line
 * breaks allowed around commas and brackets, an optional trailing comma, no
 * repeated key and no nested vector. {@code #} starts a comment outside strings.
 * Names are letters, digits, {@code _} and {@code -}, starting with a letter or
 * {@code _}, and are stored upper-case. Line breaks are LF, CRLF or CR; a leading
 * byte-order mark is ignored.
 *
 * <p>Every error is a {@link SyntaxException} with a 1-based line and a 1-based
 * column counted in characters (code points). The parser is a single forward pass
 * without recursion or regular expressions, so its time is linear in the input;
 * inputs above {@link #MAX_INPUT_BYTES}, vectors above
 * {@link TemplateAttribute.Vector#MAX_ENTRIES} entries and templates above
 * {@link Template#MAX_ATTRIBUTES} attributes are refused.
 */
public final class TemplateParser {

    /** The largest input accepted, measured in UTF-8 bytes: 16 MiB. */
    public static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

    private TemplateParser() {
    }

    /**
     * Parses {@code text}.
     *
     * @param text   the template text
     * @param source a short label for messages: the file name, or {@code "template"}
     * @return the template, attributes in the order written
     * @throws SyntaxException when the text is not a valid template
     */
    public static Template parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        return new Run(text, source).template();
    }

    private enum Kind {
        WORD, STRING, EQUALS, COMMA, OPEN, CLOSE, NEWLINE, END
    }

    /** One parse: the text, a cursor, and the token just read. */
    private static final class Run {

        private final String text;
        private final String source;
        /** Index of the first character after a byte-order mark, where line 1 starts. */
        private final int begin;
        private int pos;

        private Kind kind;
        private int start;
        private String value;

        Run(String text, String source) {
            this.text = text;
            this.source = source;
            this.begin = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
            this.pos = begin;
        }

        Template template() {
            if ((long) text.length() > MAX_INPUT_BYTES
                    || ((long) text.length() * 3 > MAX_INPUT_BYTES
                    && TemplateChars.utf8Length(text, MAX_INPUT_BYTES) > MAX_INPUT_BYTES)) {
                throw new SyntaxException(source, 1, 1, "the template is larger than 16 MiB ("
                        + MAX_INPUT_BYTES + " bytes); refusing to read it");
            }
            List<TemplateAttribute> attributes = new ArrayList<>();
            while (true) {
                next();
                if (kind == Kind.NEWLINE) {
                    continue;
                }
                if (kind == Kind.END) {
                    break;
                }
                int nameStart = start;
                String name = name(() -> "expected an attribute name");
                if (attributes.size() == Template.MAX_ATTRIBUTES) {
                    throw error(nameStart, "too many attributes: a template holds at most "
                            + Template.MAX_ATTRIBUTES);
                }
                next();
                if (kind != Kind.EQUALS) {
                    throw error(start, "expected '=' after attribute name " + name + ", found " + found());
                }
                next();
                if (kind == Kind.WORD || kind == Kind.STRING) {
                    String v = value;
                    checkBareValueEnd();
                    next();
                    if (kind != Kind.NEWLINE && kind != Kind.END) {
                        throw error(start, "expected end of line after the value of " + name + ", found " + found());
                    }
                    attributes.add(new TemplateAttribute.Single(name, v));
                    if (kind == Kind.END) {
                        break;
                    }
                } else if (kind == Kind.OPEN) {
                    attributes.add(vector(name));
                    if (kind == Kind.END) {
                        break;
                    }
                } else {
                    throw error(start, "expected a value or '[' after '" + name + " =', found " + found());
                }
            }
            return new Template(attributes);
        }

        /** Reads a vector; the current token is its '['. Leaves the line end after ']' as current token. */
        private TemplateAttribute.Vector vector(String name) {
            int open = start;
            List<TemplateAttribute.Single> entries = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            while (true) {
                nextSkippingLines();
                if (kind == Kind.CLOSE) {
                    break;
                }
                if (kind == Kind.END) {
                    throw unclosed(open, name);
                }
                int keyStart = start;
                String key = name(() -> "expected an attribute name or ']' in " + where(name, open));
                if (!keys.add(key)) {
                    throw error(keyStart, "attribute " + key + " repeated inside vector " + name);
                }
                if (entries.size() == TemplateAttribute.Vector.MAX_ENTRIES) {
                    throw error(keyStart, "too many entries in vector " + name + ": a vector holds at most "
                            + TemplateAttribute.Vector.MAX_ENTRIES);
                }
                next();
                if (kind != Kind.EQUALS) {
                    throw error(start, "expected '=' after attribute name " + key + " in vector " + name
                            + ", found " + found());
                }
                next();
                if (kind == Kind.OPEN) {
                    throw error(start, "nested vectors are not allowed: the value of " + key
                            + " in vector " + name + " must be a single value, found '['");
                }
                if (kind != Kind.WORD && kind != Kind.STRING) {
                    throw error(start, "expected a value after '" + key + " =' in vector " + name
                            + ", found " + found());
                }
                entries.add(new TemplateAttribute.Single(key, value));
                checkBareValueEnd();
                nextSkippingLines();
                if (kind == Kind.CLOSE) {
                    break;
                }
                if (kind == Kind.END) {
                    throw unclosed(open, name);
                }
                if (kind != Kind.COMMA) {
                    throw error(start, "expected ',' or ']' after the value of " + key + " in " + where(name, open)
                            + ", found " + found());
                }
            }
            next();
            if (kind != Kind.NEWLINE && kind != Kind.END) {
                throw error(start, "expected end of line after the ']' of vector " + name + ", found " + found());
            }
            return new TemplateAttribute.Vector(name, entries);
        }

        private SyntaxException unclosed(int open, String name) {
            return error(open, "missing ']': vector " + name + " opened here is not closed before the end of input");
        }

        /** The current token as an attribute name, upper-case; otherwise an error starting with {@code expected}. */
        private String name(Supplier<String> expected) {
            if (kind == Kind.WORD) {
                if (TemplateChars.nameProblem(value) >= 0) {
                    throw error(start, "invalid attribute name '" + TemplateChars.shorten(value) + "': "
                            + TemplateChars.nameProblemText(value));
                }
                return TemplateChars.upper(value);
            }
            if (kind == Kind.CLOSE) {
                throw error(start, "unexpected ']': no vector is open here");
            }
            if (kind == Kind.EQUALS) {
                throw error(start, "found '=' without an attribute name before it");
            }
            throw error(start, expected.get() + ", found " + found());
        }

        /** A bare word glued to a quote ({@code abc"def"}) is refused here rather than later as a stray string. */
        private void checkBareValueEnd() {
            if (kind == Kind.WORD && pos < text.length() && text.charAt(pos) == '"') {
                throw error(pos, "'\"' is not allowed inside the bare value '" + TemplateChars.shorten(value)
                        + "'; put the whole value in double quotes");
            }
        }

        private void nextSkippingLines() {
            do {
                next();
            } while (kind == Kind.NEWLINE);
        }

        /** Reads the next token into {@link #kind}, {@link #start} and {@link #value}. */
        private void next() {
            value = null;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t') {
                    pos++;
                } else if (c == '#') {
                    skipComment();
                } else {
                    break;
                }
            }
            start = pos;
            if (pos >= text.length()) {
                kind = Kind.END;
                return;
            }
            char c = text.charAt(pos);
            switch (c) {
                case '\n' -> single(Kind.NEWLINE);
                case '\r' -> {
                    kind = Kind.NEWLINE;
                    pos += pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? 2 : 1;
                }
                case '=' -> single(Kind.EQUALS);
                case ',' -> single(Kind.COMMA);
                case '[' -> single(Kind.OPEN);
                case ']' -> single(Kind.CLOSE);
                case '"' -> quoted();
                default -> {
                    if (TemplateChars.isForbiddenControl(c)) {
                        throw controlCharacter(pos, "");
                    }
                    word();
                }
            }
        }

        private void single(Kind k) {
            kind = k;
            pos++;
        }

        private void skipComment() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n' || c == '\r') {
                    return;
                }
                if (TemplateChars.isForbiddenControl(c)) {
                    throw controlCharacter(pos, " in a comment");
                }
                pos++;
            }
        }

        private void word() {
            int from = pos;
            while (pos < text.length() && isWordChar(text.charAt(pos))) {
                pos++;
            }
            kind = Kind.WORD;
            value = text.substring(from, pos);
        }

        private static boolean isWordChar(char c) {
            return switch (c) {
                case ' ', '\t', '\n', '\r', '=', ',', '[', ']', '#', '"' -> false;
                default -> !TemplateChars.isForbiddenControl(c);
            };
        }

        private void quoted() {
            int open = pos;
            pos++;
            StringBuilder b = null;
            int runStart = pos;
            while (true) {
                if (pos >= text.length()) {
                    throw error(open, "unterminated quoted string: no closing '\"' before the end of input");
                }
                char c = text.charAt(pos);
                if (c == '"') {
                    break;
                }
                if (c == '\\' && pos + 1 < text.length()
                        && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\\')) {
                    if (b == null) {
                        b = new StringBuilder();
                    }
                    b.append(text, runStart, pos).append(text.charAt(pos + 1));
                    pos += 2;
                    runStart = pos;
                    continue;
                }
                if (TemplateChars.isForbiddenControl(c)) {
                    throw controlCharacter(pos, " inside a quoted string");
                }
                pos++;
            }
            kind = Kind.STRING;
            value = b == null ? text.substring(runStart, pos) : b.append(text, runStart, pos).toString();
            pos++;
        }

        private SyntaxException controlCharacter(int at, String where) {
            return error(at, "control character " + TemplateChars.describeChar(text, at) + " is not allowed"
                    + where + " (only tab, line feed and carriage return)");
        }

        /** The current token as the message's "found ..." part. */
        private String found() {
            return switch (kind) {
                case WORD -> "'" + TemplateChars.shorten(value) + "'";
                case STRING -> "a quoted string";
                case EQUALS -> "'='";
                case COMMA -> "','";
                case OPEN -> "'['";
                case CLOSE -> "']'";
                case NEWLINE -> "end of line";
                case END -> "end of input";
            };
        }

        private SyntaxException error(int at, String message) {
            int[] lc = lineAndColumn(at);
            return new SyntaxException(source, lc[0], lc[1], message);
        }

        /** Names a vector and where it opened; only for messages, as finding the line costs a pass. */
        private String where(String name, int open) {
            int[] lc = lineAndColumn(open);
            return "vector " + name + " (opened at line " + lc[0] + ", column " + lc[1] + ")";
        }

        /** 1-based line and column (in code points) of index {@code at}; one pass from the start. */
        private int[] lineAndColumn(int at) {
            int line = 1;
            int lineStart = begin;
            for (int i = begin; i < at; i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new int[] {line, text.codePointCount(lineStart, at) + 1};
        }
    }
}
