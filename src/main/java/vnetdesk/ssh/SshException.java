package vnetdesk.ssh;

import vnetdesk.model.VnetException;

/**
 * Something went wrong between the console and one host. The message always
 * starts with {@code user@host:port}; {@link #reason()} lets a caller tell an
 * unreachable host (keep its changes pending) from one that refused or
 * failed (report the host as failed) without reading the text.
 */
public class SshException extends VnetException {

    /** What kind of failure, for callers that react differently to each. */
    public enum Reason {
        /** No TCP connection or no SSH handshake: nothing ran on the host. */
        UNREACHABLE,
        /** The host key is unknown and was refused, or differs from the stored one. */
        HOST_KEY,
        /** Every offered credential was refused, or a key file could not be read. */
        AUTHENTICATION,
        /** The login cannot run commands as root (no root, {@code sudo -n} refused). */
        PRIVILEGE,
        /** A command ran longer than its timeout; its channel was closed. */
        TIMEOUT,
        /** The session broke while a command ran: its effect on the host is unknown. */
        CONNECTION_LOST
    }

    private final SshTarget target;
    private final Reason reason;

    public SshException(SshTarget target, Reason reason, String detail) {
        super(target + ": " + detail);
        this.target = target;
        this.reason = reason;
    }

    public SshException(SshTarget target, Reason reason, String detail, Throwable cause) {
        super(target + ": " + detail, cause);
        this.target = target;
        this.reason = reason;
    }

    public SshTarget target() {
        return target;
    }

    public Reason reason() {
        return reason;
    }
}
