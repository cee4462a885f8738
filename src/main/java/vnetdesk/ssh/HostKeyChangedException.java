package vnetdesk.ssh;

/**
 * The host offered a key other than the one stored for it: possibly a man
 * in the middle, possibly a reinstalled host. Never answered with a prompt;
 * only the deliberate {@code forget} of the old key lets the new one in.
 */
public final class HostKeyChangedException extends SshException {

    private final String storedFingerprint;
    private final String offeredFingerprint;
    private final String storedAt;

    public HostKeyChangedException(SshTarget target, String storedFingerprint, String offeredFingerprint,
            String storedAt) {
        super(target, Reason.HOST_KEY, "host key changed: stored " + storedFingerprint + " (" + storedAt
                + "), offered " + offeredFingerprint + "; connection refused. If the host was reinstalled, forget the"
                + " old key and trust the new one");
        this.storedFingerprint = storedFingerprint;
        this.offeredFingerprint = offeredFingerprint;
        this.storedAt = storedAt;
    }

    public String storedFingerprint() {
        return storedFingerprint;
    }

    public String offeredFingerprint() {
        return offeredFingerprint;
    }

    /** {@code file:line} of the stored entry. */
    public String storedAt() {
        return storedAt;
    }
}
