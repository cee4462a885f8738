package vnetdesk.model;

/** The named object (network, AR, lease, ...) does not exist. */
public class NotFoundException extends VnetException {
    public NotFoundException(String message) {
        super(message);
    }
}
