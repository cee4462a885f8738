package vnetdesk.ssh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;

import vnetdesk.model.ValidationException;

/**
 * One authenticated session to one host, reused for every command of a
 * plan. Each command runs on its own exec channel with a timeout; its stdin
 * (e.g. the input of {@code iptables-restore}) is sent whole and then closed.
 * After {@link #elevate()} every command runs as root, directly or through
 * {@code sudo -n}.
 */
public final class SshSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SshSession.class.getName());
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

    private final SshTarget target;
    private final ClientSession session;
    private volatile Privilege privilege = Privilege.LOGIN;

    SshSession(SshTarget target, ClientSession session) {
        this.target = target;
        this.session = session;
    }

    public SshTarget target() {
        return target;
    }

    public Privilege privilege() {
        return privilege;
    }

    /**
     * Finds how this login reaches root and from then on runs every command
     * that way: as it is when {@code id -u} prints 0, else through {@code sudo
     * -n} when {@code sudo -n true} succeeds; otherwise refuses, saying why.
     */
    public Privilege elevate() {
        ExecResult id = run(Privilege.LOGIN, "id -u", new byte[0], PROBE_TIMEOUT);
        if (id.succeeded() && id.stdout().trim().equals("0")) {
            privilege = Privilege.ROOT;
        } else {
            ExecResult sudo = run(Privilege.LOGIN, "sudo -n true", new byte[0], PROBE_TIMEOUT);
            if (!sudo.succeeded()) {
                String said = sudo.stderr().isBlank() ? "" : " (" + sudo.stderr().strip() + ")";
                throw new SshException(target, SshException.Reason.PRIVILEGE, "user " + target.user()
                        + " is not root and sudo -n refused: a password is required or sudo is missing" + said);
            }
            privilege = Privilege.SUDO;
        }
        LOG.log(Level.DEBUG, "{0}: commands run as root ({1})", target, privilege);
        return privilege;
    }

    /** Runs {@code command} with no input. */
    public ExecResult exec(String command, Duration timeout) {
        return exec(command, new byte[0], timeout);
    }

    /**
     * Runs {@code command} (complete shell text, values already quoted), feeds
     * it {@code stdin} and closes its input, and waits at most {@code timeout}.
     * A non-zero exit status is a result, not an error; a timeout, a lost
     * connection or a command that ends without an exit status are errors.
     */
    public ExecResult exec(String command, byte[] stdin, Duration timeout) {
        if (command.indexOf('\0') >= 0) {
            throw ValidationException.invalid("command", command, "a command cannot hold a NUL character");
        }
        return run(privilege, command, stdin, timeout);
    }

    private ExecResult run(Privilege as, String command, byte[] stdin, Duration timeout) {
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ChannelExec channel;
        try {
            channel = session.createExecChannel(as.wrap(command));
            channel.setIn(new ByteArrayInputStream(stdin));
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(timeout);
        } catch (IOException | RuntimeException e) {
            throw lost(command, e);
        }
        try {
            Duration left = timeout.minusNanos(System.nanoTime() - start);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                    Math.max(1, left.toMillis()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                channel.close(true);
                LOG.log(Level.WARNING, "{0}: timed out after {1}: {2}", target, Durations.text(timeout), command);
                throw new CommandTimeoutException(target, command, timeout);
            }
            Integer status = channel.getExitStatus();
            if (status == null) {
                if (!session.isOpen() || session.isClosing()) {
                    throw lost(command, null);
                }
                String signal = channel.getExitSignal();
                throw new SshException(target, SshException.Reason.CONNECTION_LOST, "command ended without an exit status"
                        + (signal == null ? "" : " (signal " + signal + ")") + ": " + command);
            }
            ExecResult result = new ExecResult(status, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8), took);
            LOG.log(Level.DEBUG, "{0}: exit {1} after {2}: {3}", target, status, Durations.text(took), command);
            return result;
        } finally {
            channel.close(false);
        }
    }

    private SshException lost(String command, Exception cause) {
        String detail = "connection to " + target.host() + " lost while running " + command;
        return cause == null ? new SshException(target, SshException.Reason.CONNECTION_LOST, detail)
                : new SshException(target, SshException.Reason.CONNECTION_LOST,
                        detail + " (" + SshTransport.why(cause) + ")", cause);
    }

    /** Waits at most {@code max} for the session to end; true when it did (tests of heartbeats and drops). */
    boolean awaitClosed(Duration max) {
        return session.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), max).contains(ClientSessionEvent.CLOSED);
    }

    public boolean isOpen() {
        return session.isOpen() && !session.isClosing();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "{0}: closing: {1}", target, e.getMessage());
        }
    }
}
