package vnetdesk.model;

import java.util.Objects;

/**
 * One thing wrong with a value the user gave: the field (attribute name, or
 * {@link #WHOLE} when it concerns the object as a whole) and the message,
 * written as every {@link VnetException} message is (it names field and value).
 */
public record Problem(String field, String message) {

    /** The field of a problem that concerns the object as a whole. */
    public static final String WHOLE = "";

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The problem a refusal describes; a refusal that names no field concerns the whole object. */
    public static Problem of(VnetException e) {
        return new Problem(e.field().orElse(WHOLE), e.getMessage());
    }
}
