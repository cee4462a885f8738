package vnetdesk.host.apply;

import vnetdesk.model.VnetException;

/** A command could not run on the host at all: no connection, connection lost, or timed out. */
public class HostUnreachableException extends VnetException {

    public HostUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    public HostUnreachableException(String message) {
        super(message);
    }
}
