package vnetdesk.ssh;

import java.time.Duration;

/** A command did not finish within its timeout; its channel was closed (the session stays usable). */
public final class CommandTimeoutException extends SshException {

    private final String command;
    private final Duration timeout;

    public CommandTimeoutException(SshTarget target, String command, Duration timeout) {
        super(target, Reason.TIMEOUT, "command timed out after " + Durations.text(timeout) + ": " + command);
        this.command = command;
        this.timeout = timeout;
    }

    public String command() {
        return command;
    }

    public Duration timeout() {
        return timeout;
    }
}
