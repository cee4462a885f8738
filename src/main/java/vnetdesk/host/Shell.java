package vnetdesk.host;

import java.util.List;
import java.util.regex.Pattern;

import vnetdesk.model.ValidationException;

/**
 * The one way a value reaches a remote shell: every word of a host command
 * goes through {@link #quote}, so a name holding a quote, {@code $},
 * backquote, semicolon, glob or newline stays one literal argument. A value
 * a shell argument cannot hold (a NUL character) is refused, naming its
 * field.
 */
public final class Shell {

    /** Words that need no quotes: a quoted form of them would only be harder to read in a plan. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {
    }

    /**
     * The value as one POSIX shell word: itself when it has only plain
     * characters, otherwise in single quotes, each {@code '} written as
     * {@code '\''}. {@code field} names the value in the refusal of a NUL.
     */
    public static String quote(String field, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new ValidationException(field, field + ": \"" + value.replace("\0", "\\0")
                    + "\" contains a NUL character, which no command argument can hold");
        }
        if (!value.isEmpty() && PLAIN.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A command line of words, each quoted (the program name too). */
    public static String command(String field, List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a command needs a program name");
        }
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(quote(field, word));
        }
        return line.toString();
    }
}
