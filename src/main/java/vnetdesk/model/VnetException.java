package vnetdesk.model;

import java.util.Optional;

/**
 * Root of every error vnetdesk reports to a user. The message is written for
 * the administrator (it names the field and the value); the UI and the CLI show
 * it as it is, never a stack trace. An error about one field says which, so a
 * form can show it next to that field.
 */
public class VnetException extends RuntimeException {

    private final String field;

    public VnetException(String message) {
        this(null, message);
    }

    public VnetException(String message, Throwable cause) {
        super(message, cause);
        this.field = null;
    }

    /** An error about one field (attribute name); {@code field} may be null when it concerns no field. */
    protected VnetException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The attribute this error is about, so a UI can put the message next to it. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
