package vnetdesk.template;

/**
 * Character rules shared by the model, the parser and the writer: what an
 * attribute name may contain and which characters a value may hold.
 */
final class TemplateChars {

    /** Said in every message about a bad name, so the user learns the rule. */
    static final String NAME_RULE =
            "a name starts with a letter or '_' and holds only letters, digits, '_' and '-'";

    private TemplateChars() {
    }

    static boolean isNameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '-';
    }

    /**
     * Index of the first character of {@code name} that breaks the name rule,
     * 0 for an empty name, or -1 when the name is valid.
     */
    static int nameProblem(String name) {
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            return 0;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isNamePart(name.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Explains why {@code name} is not a valid name; only call when {@link #nameProblem} is not -1. */
    static String nameProblemText(String name) {
        int at = nameProblem(name);
        if (name.isEmpty()) {
            return "the name is empty; " + NAME_RULE;
        }
        String what = describeChar(name, at);
        if (at == 0) {
            return "a name cannot start with " + what + "; " + NAME_RULE;
        }
        return what + " is not allowed in a name; " + NAME_RULE;
    }

    /** A control character that may appear nowhere: everything but tab, line feed and carriage return. */
    static boolean isForbiddenControl(char c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
    }

    /** Index of the first forbidden control character in {@code s}, or -1. */
    static int firstForbiddenControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isForbiddenControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Case-insensitive comparison of names; only ASCII letters fold, so no locale can interfere. */
    static boolean sameName(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (foldAscii(a.charAt(i)) != foldAscii(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Upper-cases ASCII letters only; call on valid names. */
    static String upper(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = foldAscii(chars[i]);
        }
        return new String(chars);
    }

    private static char foldAscii(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
    }

    /** The character at {@code index} as a user can read it: {@code '.'} or {@code U+00A0}. */
    static String describeChar(String s, int index) {
        int cp = s.codePointAt(index);
        if (cp > ' ' && cp < 0x7f) {
            return "'" + (char) cp + "'";
        }
        return String.format("U+%04X", cp);
    }

    /** Short readable form of a user's text for messages: control characters visible, long text cut. */
    static String shorten(String s) {
        final int max = 40;
        StringBuilder b = new StringBuilder();
        int end = Math.min(s.length(), max);
        if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                b.append("\\t");
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > max) {
            b.append("…(").append(s.length()).append(" chars)");
        }
        return b.toString();
    }

    /** The UTF-8 size of {@code text}, stopping early once it is known to exceed {@code limit}. */
    static long utf8Length(String text, long limit) {
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= limit; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
