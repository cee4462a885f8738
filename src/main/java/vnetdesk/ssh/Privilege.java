package vnetdesk.ssh;

/**
 * How commands reach root on a host, found by probing: the login is root, or
 * {@code sudo -n} works (then every command runs as {@code sudo -n sh -c
 * '<command>'}), or neither has been found yet.
 */
public enum Privilege {
    /** Commands run as they are: the login user is not known to be root (not probed, or the probe failed). */
    LOGIN,
    /** The login user is root ({@code id -u} printed 0). */
    ROOT,
    /** {@code sudo -n true} succeeded: commands are wrapped. */
    SUDO;

    /**
     * The command as it is sent. Callers pass complete command text (each
     * value already quoted by the host layer's {@code Shell}); the sudo form
     * must quote that whole text once more as the single argument of {@code
     * sh -c}. That is a different job from quoting values, and {@code ssh}
     * may not use {@code host}, so it is done here with the same POSIX rule:
     * single quotes, each {@code '} written as {@code '\''}.
     */
    String wrap(String command) {
        return this == SUDO ? "sudo -n sh -c '" + command.replace("'", "'\\''") + "'" : command;
    }
}
