package vnetdesk.model;

/**
 * The connection to the inventory broke while a change was being committed
 * (the process serving the inventory ended at that moment): the change may or
 * may not have been saved. Never run again blindly; look first.
 */
public class OutcomeUnknownException extends VnetException {

    public OutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
