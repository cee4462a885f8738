package vnetdesk.ui.vm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a refused {@code SCHED_REQUIREMENTS} or {@code SCHED_RANK} expression
 * goes wrong. The service's message ends in {@code at <position>} (1-based,
 * counted in characters, one past the end for "end of input"); the console
 * may not see the scheduler's exception type, so the position is read from
 * that message. Gives the caret line shown under the expression and the
 * character range to select in the field.
 */
record ExpressionMark(String message, int position) {

    private static final Pattern AT = Pattern.compile(" at ([0-9]{1,9})$");

    /** The mark of a refusal whose message names a position; empty for any other message. */
    static Optional<ExpressionMark> of(String message) {
        Matcher m = AT.matcher(message);
        return m.find() ? Optional.of(new ExpressionMark(message, Integer.parseInt(m.group(1)))) : Optional.empty();
    }

    /**
     * The expression over a line with {@code ^} under the position (a tab
     * stays a tab, so the caret lines up in a monospaced font).
     */
    String pointer(String expression) {
        StringBuilder under = new StringBuilder();
        int[] points = expression.codePoints().limit(Math.max(0, position - 1)).toArray();
        for (int cp : points) {
            under.append(cp == '\t' ? '\t' : ' ');
        }
        return expression + "\n" + under + "^";
    }

    /** The {@code [start, end)} range of the character at the position in the field's text (empty at the end). */
    int[] range(String expression) {
        int count = expression.codePointCount(0, expression.length());
        int before = Math.min(Math.max(0, position - 1), count);
        int start = expression.offsetByCodePoints(0, before);
        int end = before < count ? expression.offsetByCodePoints(start, 1) : start;
        return new int[]{start, end};
    }
}
