package vnetdesk.model;

/**
 * Root of every error vnetdesk reports to a user. The message is written for
 * the administrator (it names the field and the value); the UI and the CLI show
 * it as it is, never a stack trace.
 */
public class VnetException extends RuntimeException {

    public VnetException(String message) {
        super(message);
    }

    public VnetException(String message, Throwable cause) {
        super(message, cause);
    }
}
