package vnetdesk.sched;

import vnetdesk.model.ValidationException;

/**
 * An expression ({@code SCHED_REQUIREMENTS}, {@code SCHED_RANK}) cannot be read;
 * the message is exactly {@code FIELD: what at position}, the position 1-based and
 * counted in characters (code points), so a form can put the caret there.
 */
public final class ExpressionException extends ValidationException {

    private final int position;

    ExpressionException(String field, int position, String what) {
        super(field, field + ": " + what + " at " + position);
        this.position = position;
    }

    /** The 1-based character position the message names; one past the last character for "end of input". */
    public int position() {
        return position;
    }
}
