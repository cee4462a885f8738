package vnetdesk.model.vm;

import java.util.Map;
import java.util.regex.Pattern;

import vnetdesk.model.ValidationException;

/**
 * Writes context attributes as a {@code context.sh}: one {@code KEY="value"}
 * line per attribute, in the given order, quoted so that {@code . context.sh}
 * in any POSIX {@code sh} sets each variable to exactly its value, whatever
 * the value holds (quotes, {@code $}, backquotes, backslashes, newlines,
 * UTF-8).
 */
public final class ContextScript {

    /** Shell variable names; upper case as OpenNebula's context attributes are. */
    private static final Pattern KEY = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private ContextScript() {
    }

    /** The file's text; every line, the last included, ends with a newline. */
    public static String render(Map<String, String> attributes) {
        StringBuilder out = new StringBuilder(attributes.size() * 32);
        attributes.forEach((key, value) -> {
            checkKey(key);
            out.append(key).append("=\"");
            appendQuoted(out, key, value);
            out.append("\"\n");
        });
        return out.toString();
    }

    /** Whether {@code key} can be a variable of the file ({@code [A-Z_][A-Z0-9_]*}). */
    public static boolean isValidKey(String key) {
        return KEY.matcher(key).matches();
    }

    private static void checkKey(String key) {
        if (!isValidKey(key)) {
            throw ValidationException.invalid("context attribute name", key,
                    "a context.sh variable name is A-Z, 0-9 and _ and does not start with a digit");
        }
    }

    /**
     * Inside double quotes sh gives a meaning to exactly four characters:
     * {@code $ ` " \} — each gets a backslash. A newline inside the quotes is
     * part of the value (it ends nothing), and {@code '}, {@code !}, tabs and
     * non-ASCII text are literal for sh.
     */
    private static void appendQuoted(StringBuilder out, String key, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '$', '`', '"', '\\' -> out.append('\\').append(c);
                case '\0' -> throw ValidationException.invalid(key, value,
                        "a shell variable cannot hold a NUL character");
                default -> out.append(c);
            }
        }
    }
}
