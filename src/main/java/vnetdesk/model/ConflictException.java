package vnetdesk.model;

/**
 * The operation is valid in itself but the current state refuses it: the address
 * is already used, the network has leases in use, the object is locked, or
 * another console changed it first.
 */
public class ConflictException extends VnetException {
    public ConflictException(String message) {
        super(message);
    }
}
