package vnetdesk.model;

/** Strict decimal parsing of user-given numbers with the field named in errors. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Parses a plain decimal integer (optional leading '-' only if min < 0) within [min, max];
     * a max of {@code Long.MAX_VALUE} means "no upper limit" and is not shown in messages.
     */
    public static long parseLong(String field, String text, long min, long max) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.length() > 20) {
            throw ValidationException.invalid(field, text, "expected " + wholeNumber(min, max));
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && t.length() > 1)) {
                throw ValidationException.invalid(field, text, "expected " + wholeNumber(min, max));
            }
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw ValidationException.invalid(field, text, max == Long.MAX_VALUE
                    ? "number too large (the largest count is 2^63-1)" : "number too large; maximum is " + max);
        }
        if (v < min || v > max) {
            throw ValidationException.invalid(field, text, max == Long.MAX_VALUE ? "must be at least " + min
                    : "must be between " + min + " and " + max);
        }
        return v;
    }

    public static int parseInt(String field, String text, int min, int max) {
        return (int) parseLong(field, text, min, max);
    }

    /** The range in words: "an integer between 0 and 32", or "a whole number of 1 or more" without an upper limit. */
    private static String wholeNumber(long min, long max) {
        return max == Long.MAX_VALUE ? "a whole number of " + min + " or more" : "an integer between " + min + " and " + max;
    }
}
