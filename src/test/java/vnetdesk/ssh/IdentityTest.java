package vnetdesk.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key files of the three types with passphrases, passwords, the ssh-agent, and what a refusal says. */
class IdentityTest {

    @TempDir
    Path dir;

    private EmbeddedSshd sshd;
    private SshTransport transport;

    @BeforeEach
    void start() throws Exception {
        sshd = EmbeddedSshd.start();
        transport = new SshTransport(new SshTransport.Settings(dir.resolve("known_hosts"), Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)), key -> true);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        sshd.close();
    }

    private void authorize(Path key) throws Exception {
        sshd.authorizedKeys.add(PublicKeyEntry.parsePublicKeyEntry(Files.readString(Path.of(key + ".pub")).trim())
                .resolvePublicKey(null, Map.of(), null));
    }

    private static SecretPrompt answering(String secret, AtomicInteger asked) {
        return (target, what) -> {
            asked.incrementAndGet();
            return Optional.of(secret.toCharArray());
        };
    }

    @ParameterizedTest
    @ValueSource(strings = { "rsa", "ecdsa", "ed25519" })
    void anEncryptedKeyFileOfEachTypeAuthenticatesWithItsPassphrase(String type) throws Exception {
        Lab.requireSshKeygen();
        Path key = Lab.keygen(dir, type, "correct horse");
        authorize(key);
        AtomicInteger asked = new AtomicInteger();

        try (SshSession session = transport.connect(sshd.target("root"),
                new Identity.KeyFile(key, answering("correct horse", asked)))) {
            assertEquals("in\n", session.exec("echo in", Duration.ofSeconds(5)).stdout());
        }
        assertEquals(1, asked.get());
    }

    @Test
    void aKeyWithoutPassphraseIsNotAskedFor() throws Exception {
        Lab.requireSshKeygen();
        Path key = Lab.keygen(dir, "ed25519", "");
        authorize(key);
        AtomicInteger asked = new AtomicInteger();
        transport.connect(sshd.target("root"), new Identity.KeyFile(key, answering("x", asked))).close();
        assertEquals(0, asked.get());
    }

    @Test
    void aWrongPassphraseIsAnErrorNamingTheFile() throws Exception {
        Lab.requireSshKeygen();
        Path key = Lab.keygen(dir, "ed25519", "right");
        SshException e = assertThrows(SshException.class, () -> transport.connect(sshd.target("root"),
                new Identity.KeyFile(key, answering("wrong", new AtomicInteger()))));
        assertEquals(SshException.Reason.AUTHENTICATION, e.reason());
        assertEquals("root@127.0.0.1:" + sshd.port() + ": key file " + key.toAbsolutePath() + ": wrong passphrase",
                e.getMessage());
        assertTrue(sshd.commands.isEmpty());
    }

    @Test
    void aMissingKeyFileIsAnErrorNamingTheFile() {
        Path key = dir.resolve("nope");
        SshException e = assertThrows(SshException.class, () -> transport.connect(sshd.target("root"),
                new Identity.KeyFile(key, answering("x", new AtomicInteger()))));
        assertEquals("root@127.0.0.1:" + sshd.port() + ": key file " + key.toAbsolutePath() + ": not found",
                e.getMessage());
    }

    @Test
    void aKeyTheHostDoesNotKnowFailsAuthenticationNamingHostMethodAndKey() throws Exception {
        Lab.requireSshKeygen();
        Path key = Lab.keygen(dir, "ecdsa", "");
        SshException e = assertThrows(SshException.class, () -> transport.connect(sshd.target("root"),
                new Identity.KeyFile(key, answering("x", new AtomicInteger()))));
        assertEquals("root@127.0.0.1:" + sshd.port() + ": authentication failed (publickey) with key "
                + key.toAbsolutePath(), e.getMessage());
    }

    @Test
    void aWrongPasswordFailsClearlyAndNoPasswordIsWrittenOrLogged() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()) + " " + r.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        // the CLI's logging configuration, once read in this JVM, quiets MINA itself: open it up for this test
        Logger mina = Logger.getLogger("org.apache.sshd");
        Level minaBefore = mina.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        mina.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        try {
            sshd.password = "Right-Pa55word";
            transport.connect(sshd.target("root"), new Identity.Password(answering("Right-Pa55word", new AtomicInteger())))
                    .close();
            SshException e = assertThrows(SshException.class, () -> transport.connect(sshd.target("root"),
                    new Identity.Password(answering("Wrong-Pa55word", new AtomicInteger()))));
            assertEquals("root@127.0.0.1:" + sshd.port() + ": authentication failed (password)", e.getMessage());
            assertEquals(SshException.Reason.AUTHENTICATION, e.reason());
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
            mina.setLevel(minaBefore);
        }
        assertTrue(logged.size() > 10, "MINA's debug log was captured: " + logged.size());
        assertTrue(logged.stream().noneMatch(l -> l.contains("Pa55word")), "a password reached the log");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f).contains("Pa55word"), "password written to " + f);
            }
        }
    }

    @Test
    void aCancelledPasswordPromptConnectsNothing() {
        sshd.password = "pw";
        SshException e = assertThrows(SshException.class, () -> transport.connect(sshd.target("root"),
                new Identity.Password((t, w) -> Optional.empty())));
        assertEquals("root@127.0.0.1:" + sshd.port() + ": no password given", e.getMessage());
    }

    @Test
    void theKeysOfTheSshAgentAuthenticate() throws Exception {
        Lab.requireSshKeygen();
        Lab.require(Files.isExecutable(Path.of("/usr/bin/ssh-agent")) && Files.isExecutable(Path.of("/usr/bin/ssh-add")),
                "ssh-agent/ssh-add (openssh-client) are not installed");
        Path key = Lab.keygen(dir, "ed25519", "");
        authorize(key);
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("/usr/bin/ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 500 && !Files.exists(socket); i++) {
                agent.waitFor(10, TimeUnit.MILLISECONDS);
            }
            ProcessBuilder add = new ProcessBuilder("/usr/bin/ssh-add", key.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process adding = add.start();
            assertTrue(adding.waitFor(30, TimeUnit.SECONDS) && adding.exitValue() == 0,
                    new String(adding.getInputStream().readAllBytes()));

            Identity.Agent identity = Identity.agentFrom(Map.of("SSH_AUTH_SOCK", socket.toString())).orElseThrow();
            try (SshSession session = transport.connect(sshd.target("root"), identity)) {
                assertEquals("agent\n", session.exec("echo agent", Duration.ofSeconds(5)).stdout());
            }
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAgentIsOnlyUsedWhenSshAuthSockIsSet() {
        assertTrue(Identity.agentFrom(Map.of()).isEmpty());
        assertTrue(Identity.agentFrom(Map.of("SSH_AUTH_SOCK", " ")).isEmpty());
    }
}
