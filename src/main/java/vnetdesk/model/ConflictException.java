package vnetdesk.model;

/**
 * The operation is valid in itself but the current state refuses it: the address
 * is already used, the network has leases in use, the object is locked, or
 * another console changed it first. A conflict about one field (a name that is
 * taken) says which.
 */
public class ConflictException extends VnetException {

    public ConflictException(String message) {
        super(message);
    }

    /** A conflict about {@code field}, e.g. NAME when the name is taken. */
    public ConflictException(String field, String message) {
        super(field, message);
    }
}
