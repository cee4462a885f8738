package vnetdesk.service.host;

import vnetdesk.model.VnetException;

/**
 * A host offered a key other than the one stored for its address and port:
 * the connection was refused. Carries both fingerprints and where the stored
 * one is, for a front end's warning; only a deliberate
 * {@link RemoteHosts#forgetKey} lets the new key be asked about.
 */
public final class HostKeyRefusedException extends VnetException {

    private final String address;
    private final int port;
    private final String storedFingerprint;
    private final String offeredFingerprint;
    private final String storedAt;

    public HostKeyRefusedException(String address, int port, String storedFingerprint, String offeredFingerprint,
                                   String storedAt, String message, Throwable cause) {
        super(message, cause);
        this.address = address;
        this.port = port;
        this.storedFingerprint = storedFingerprint;
        this.offeredFingerprint = offeredFingerprint;
        this.storedAt = storedAt;
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** SHA256 fingerprint of the key the console trusts for this host. */
    public String storedFingerprint() {
        return storedFingerprint;
    }

    /** SHA256 fingerprint of the key the host offered now. */
    public String offeredFingerprint() {
        return offeredFingerprint;
    }

    /** {@code file:line} of the stored entry. */
    public String storedAt() {
        return storedAt;
    }
}
