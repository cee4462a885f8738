package vnetdesk.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands over one reused session: output, exit status, stdin, timeouts, a lost connection, root or sudo. */
class SshSessionTest {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private EmbeddedSshd sshd;
    private SshTransport transport;

    @BeforeEach
    void start() throws Exception {
        sshd = EmbeddedSshd.start();
        sshd.password = "pw";
        transport = new SshTransport(new SshTransport.Settings(dir.resolve("known_hosts"), Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)), key -> true);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        sshd.close();
    }

    private SshSession connect(String user) {
        return transport.connect(sshd.target(user), new Identity.Password((t, w) -> Optional.of("pw".toCharArray())));
    }

    @Test
    void exitStatusStdoutAndStderrComeBackAndOneSessionServesManyCommands() {
        try (SshSession session = connect("root")) {
            for (int i = 0; i < 20; i++) {
                assertEquals(new ExecResult(0, "n" + i + "\n", "", Duration.ZERO),
                        withoutTime(session.exec("echo n" + i, FIVE_SECONDS)));
            }
            assertEquals(new ExecResult(3, "", "", Duration.ZERO), withoutTime(session.exec("exit 3", FIVE_SECONDS)));
            ExecResult err = session.exec("err no such chain", FIVE_SECONDS);
            assertEquals(2, err.exitStatus());
            assertEquals("no such chain\n", err.stderr());
            assertEquals(1, sshd.server.getActiveSessions().size());
        }
    }

    private static ExecResult withoutTime(ExecResult r) {
        return new ExecResult(r.exitStatus(), r.stdout(), r.stderr(), Duration.ZERO);
    }

    @Test
    void oneMebibyteOfStdinIsFedWholeAndClosed() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 1024 * 1024; i++) {
            text.append("-A one-").append(i).append("-0-i -p tcp --dport ").append(i % 65536).append(" -j RETURN\n");
        }
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        try (SshSession session = connect("root")) {
            ExecResult r = session.exec("cat", input, Duration.ofSeconds(30));
            assertEquals(0, r.exitStatus());
            assertEquals(text.length(), r.stdout().length());
            assertEquals(text.toString(), r.stdout());
        }
    }

    @Test
    void aCommandPastItsTimeoutIsClosedAndNamedAndTheSessionStaysUsable() {
        try (SshSession session = connect("root")) {
            CommandTimeoutException e = assertThrows(CommandTimeoutException.class,
                    () -> session.exec("sleep 30", Duration.ofMillis(300)));
            assertEquals("root@127.0.0.1:" + sshd.port() + ": command timed out after 300 ms: sleep 30", e.getMessage());
            assertEquals(Duration.ofMillis(300), e.timeout());
            assertEquals("after\n", session.exec("echo after", FIVE_SECONDS).stdout());
        }
    }

    @Test
    void aServerStoppedMidCommandIsAClearLostConnection() throws Exception {
        try (SshSession session = connect("root")) {
            CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
                try {
                    sshd.awaitCommand("sleep 30");
                    sshd.server.stop(true);
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            SshException e = assertThrows(SshException.class, () -> session.exec("sleep 30", Duration.ofSeconds(20)));
            killer.get(10, TimeUnit.SECONDS);
            assertEquals(SshException.Reason.CONNECTION_LOST, e.reason());
            assertTrue(e.getMessage().startsWith("root@127.0.0.1:" + sshd.port()
                    + ": connection to 127.0.0.1 lost while running sleep 30"), e.getMessage());
            SshException next = assertThrows(SshException.class, () -> session.exec("echo x", FIVE_SECONDS));
            assertEquals(SshException.Reason.CONNECTION_LOST, next.reason());
        }
    }

    @Test
    void heartbeatsKeepAnIdleSessionOpenWhereTheServerClosesASilentOne() throws Exception {
        try (EmbeddedSshd strict = new EmbeddedSshd(s -> org.apache.sshd.core.CoreModuleProperties.IDLE_TIMEOUT.set(s,
                Duration.ofSeconds(1))); SshTransport silent = new SshTransport(new SshTransport.Settings(
                        dir.resolve("known_hosts"), Optional.empty(), FIVE_SECONDS, FIVE_SECONDS, Duration.ZERO),
                        key -> true); SshTransport beating = new SshTransport(new SshTransport.Settings(
                                dir.resolve("known_hosts"), Optional.empty(), FIVE_SECONDS, FIVE_SECONDS,
                                Duration.ofMillis(200)), key -> true)) {
            strict.password = "pw";
            Identity pw = new Identity.Password((t, w) -> Optional.of("pw".toCharArray()));
            try (SshSession kept = beating.connect(strict.target("root"), pw);
                    SshSession dropped = silent.connect(strict.target("root"), pw)) {
                assertTrue(dropped.awaitClosed(Duration.ofSeconds(20)), "the server's idle timeout closes a silent session");
                assertTrue(kept.isOpen());
                assertEquals("alive\n", kept.exec("echo alive", FIVE_SECONDS).stdout());
            }
        }
    }

    @Test
    void aClosedPortIsUnreachableWithTheReason() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        SshTarget target = new SshTarget("127.0.0.1", port, "root");
        SshException e = assertThrows(SshException.class,
                () -> transport.connect(target, new Identity.Password((t, w) -> Optional.of("pw".toCharArray()))));
        assertEquals(SshException.Reason.UNREACHABLE, e.reason());
        assertEquals("root@127.0.0.1:" + port + ": cannot connect: Connection refused", e.getMessage());
    }

    @Test
    void aPortThatAcceptsButNeverSpeaksSshEndsAfterTheLoginTimeout() throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                SshTransport quick = new SshTransport(new SshTransport.Settings(dir.resolve("known_hosts"),
                        Optional.empty(), FIVE_SECONDS, Duration.ofMillis(300), Duration.ofSeconds(30)), key -> true)) {
            SshTarget target = new SshTarget("127.0.0.1", mute.getLocalPort(), "root");
            SshException e = assertThrows(SshException.class,
                    () -> quick.connect(target, new Identity.Password((t, w) -> Optional.of("pw".toCharArray()))));
            assertEquals("root@127.0.0.1:" + mute.getLocalPort() + ": no login within 300 ms", e.getMessage());
            assertEquals(SshException.Reason.UNREACHABLE, e.reason());
        }
    }

    @Test
    void rootRunsCommandsAsTheyAre() {
        try (SshSession session = connect("root")) {
            assertEquals(Privilege.ROOT, session.elevate());
            session.exec("echo plain", FIVE_SECONDS);
            assertEquals("echo plain", sshd.commands.get(sshd.commands.size() - 1));
        }
    }

    @Test
    void aSudoerRunsEveryCommandThroughSudoNWithTheWholeLineQuotedOnce() {
        sshd.uid = "1000";
        sshd.sudoAllowed = true;
        try (SshSession session = connect("admin")) {
            assertEquals(Privilege.SUDO, session.elevate());
            ExecResult r = session.exec("ipset add 'it'\\''s' 10.0.0.1", FIVE_SECONDS);
            assertEquals("sudo -n sh -c 'ipset add '\\''it'\\''\\'\\'''\\''s'\\'' 10.0.0.1'", r.stdout());
        }
    }

    @Test
    void aLoginThatNeedsASudoPasswordIsRefusedClearly() {
        sshd.uid = "1000";
        try (SshSession session = connect("admin")) {
            SshException e = assertThrows(SshException.class, session::elevate);
            assertEquals(SshException.Reason.PRIVILEGE, e.reason());
            assertTrue(e.getMessage().startsWith("admin@127.0.0.1:" + sshd.port()
                    + ": user admin is not root and sudo -n refused: a password is required"), e.getMessage());
            assertEquals(Privilege.LOGIN, session.privilege());
        }
    }

    @Test
    void theSudoWrappingGivesARealShellTheSameCommand() throws Exception {
        for (String command : List.of("printf '%s\\n' 'a b' \"c'd\" '$(touch x)' '`x`' ';' 'new\nline'",
                "echo \"$HOME\" | tr a-z A-Z", "printf %s 'it'\\''s'")) {
            String direct = Lab.run("/bin/sh", "-c", command);
            String wrapped = Privilege.SUDO.wrap(command);
            assertTrue(wrapped.startsWith("sudo -n sh -c "), wrapped);
            assertEquals(direct, Lab.run("/bin/sh", "-c", wrapped.substring("sudo -n ".length())), command);
        }
    }
}
