package vnetdesk.sched;

import java.util.List;
import java.util.Map;

import vnetdesk.model.ValidationException;

/**
 * Reads the tokens of one expression for the parsers of this package, one at a
 * time and in one forward pass, keeps count of nesting, and makes their errors:
 * {@code FIELD: what at position} with the 1-based character position of the
 * token at fault.
 *
 * <p>Tokens: names ({@code [A-Za-z_][A-Za-z0-9_]*}), unsigned numbers
 * ({@code digits[.digits]}, signed where the language says so), double-quoted
 * strings (without escapes: a string ends at the next {@code "}, as in
 * OpenNebula) where the language has them, and the language's symbols. Blanks
 * are space, tab, line feed and carriage return. A name or number glued to
 * more value-like characters ({@code 802.1Q}, {@code ovs-dpdk}) is one bad
 * token, reported with a hint, rather than two tokens that would give a
 * puzzling message.
 */
final class ExpressionReader {

    /** The longest expression read, in characters. */
    static final int MAX_LENGTH = 65_536;
    /** The deepest nesting of {@code (} and prefix operators; keeps the recursive parsers off the stack limit. */
    static final int MAX_NESTING = 100;

    enum Kind {
        NAME, NUMBER, STRING, SYMBOL, END
    }

    /** A token: where it starts (index into the text) and its text (a string's without the quotes). */
    record Token(Kind kind, int start, String text) {

        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    /**
     * What one expression language looks like to the reader.
     *
     * @param symbols       the operators and parentheses, longer ones before their prefixes
     * @param refused       symbols that look plausible but are not in the language, with what to say
     *                      instead; none is a prefix of another
     * @param strings       whether double-quoted strings exist
     * @param signedNumbers whether a {@code +} or {@code -} right before digits belongs to the number
     * @param continuation  what may follow a complete operand, for messages (e.g. {@code '&' or '|'})
     */
    record Language(List<String> symbols, Map<String, String> refused, boolean strings, boolean signedNumbers,
                    String continuation) {
    }

    private final String field;
    private final String text;
    private final Language language;
    private int pos;
    private int depth;
    private Token token;

    ExpressionReader(String field, String text, Language language) {
        this.field = field;
        this.text = text;
        this.language = language;
        if (text.length() > MAX_LENGTH) {
            throw error(MAX_LENGTH, "the expression is longer than " + MAX_LENGTH + " characters");
        }
        advance();
    }

    Token token() {
        return token;
    }

    /** Reads the next token. */
    void advance() {
        while (pos < text.length() && isBlank(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            token = new Token(Kind.END, start, "");
            return;
        }
        char c = text.charAt(pos);
        if (isNameStart(c)) {
            while (pos < text.length() && isNameChar(text.charAt(pos))) {
                pos++;
            }
            token = new Token(Kind.NAME, start, checkGlued(start, language.strings()
                    ? "not a name or word: those hold only letters, digits and '_'; put other text in double quotes"
                    : "not a name: names hold only letters, digits and '_'"));
        } else if (isDigit(c) || (language.signedNumbers() && (c == '-' || c == '+')
                && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            number(start);
        } else if (c == '"' && language.strings()) {
            quoted(start);
        } else {
            symbol(start);
        }
    }

    private void number(int start) {
        pos++;
        skipDigits();
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
            pos++;
            skipDigits();
        }
        token = new Token(Kind.NUMBER, start, checkGlued(start, "not a number"
                + (language.strings() ? "; put a value that is not a number in double quotes" : "")));
    }

    private void skipDigits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    /**
     * The token text from {@code start}, refused with {@code why} when characters that
     * look like more of the same value follow ({@code 802.1Q}, {@code ovs-dpdk},
     * {@code 10.0.0.0/24}); any other character is left to be reported by itself.
     */
    private String checkGlued(int start, String why) {
        int end = pos;
        while (end < text.length() && isGlued(text.charAt(end))) {
            end++;
        }
        if (end > pos) {
            throw error(start, "'" + ValidationException.printable(text.substring(start, end)) + "' is " + why);
        }
        return text.substring(start, pos);
    }

    private void quoted(int start) {
        int close = text.indexOf('"', start + 1);
        if (close < 0) {
            throw error(start, "unterminated string: no closing '\"' after this one");
        }
        pos = close + 1;
        token = new Token(Kind.STRING, start, text.substring(start + 1, close));
    }

    private void symbol(int start) {
        for (Map.Entry<String, String> refused : language.refused().entrySet()) {
            if (text.startsWith(refused.getKey(), start)) {
                throw error(start, refused.getValue());
            }
        }
        for (String symbol : language.symbols()) {
            if (text.startsWith(symbol, start)) {
                pos += symbol.length();
                token = new Token(Kind.SYMBOL, start, symbol);
                return;
            }
        }
        char c = text.charAt(start);
        throw error(start, "unexpected character " + describe(text.codePointAt(start))
                + (c == '-' || c == '+' ? ": a sign must come right before the digits of a number" : ""));
    }

    /** Counts one more level of {@code (} or prefix operator, refusing to go deeper than {@link #MAX_NESTING}. */
    void enter(Token at) {
        if (++depth > MAX_NESTING) {
            throw error(at.start(), "more than " + MAX_NESTING + " nested parentheses and prefix operators");
        }
    }

    void leave() {
        depth--;
    }

    /** Consumes the {@code )} that closes {@code open}. */
    void close(Token open) {
        if (token.is(")")) {
            advance();
            return;
        }
        if (token.kind() == Kind.END) {
            throw error(open.start(), "'(' is not closed");
        }
        throw error(token.start(), "expected " + language.continuation() + " or ')', found " + found());
    }

    /** Checks that the whole text was read. */
    void expectEnd() {
        if (token.is(")")) {
            throw error(token.start(), "')' has no matching '('");
        }
        if (token.kind() != Kind.END) {
            throw error(token.start(), "expected " + language.continuation() + " or end of input, found " + found());
        }
    }

    /** The current token as the "found ..." part of a message. */
    String found() {
        return switch (token.kind()) {
            case END -> "end of input";
            case STRING -> "the string \"" + ValidationException.printable(token.text()) + "\"";
            default -> "'" + ValidationException.printable(token.text()) + "'";
        };
    }

    ExpressionException error(Token at, String what) {
        return error(at.start(), what);
    }

    private ExpressionException error(int index, String what) {
        return new ExpressionException(field, text.codePointCount(0, index) + 1, what);
    }

    /** A letter, digit or {@code . - _ : / +} that is not where a symbol of the language starts. */
    private boolean isGlued(char c) {
        if (!Character.isLetterOrDigit(c) && ".-_:/+".indexOf(c) < 0) {
            return false;
        }
        for (String symbol : language.symbols()) {
            if (symbol.charAt(0) == c) {
                return false;
            }
        }
        return true;
    }

    /** A character as {@code 'é'}, or as {@code U+200B} when it would not show (control, blank, format, lone surrogate). */
    private static String describe(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> String.format("U+%04X", codePoint);
            default -> "'" + new String(Character.toChars(codePoint)) + "'";
        };
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
