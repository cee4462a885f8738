package vnetdesk.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust on first use, the stored entry, a changed key, forget, and the user's own known_hosts. */
class HostKeyTrustTest {

    @TempDir
    Path dir;

    private EmbeddedSshd sshd;
    private final List<HostKeyPrompt.UnknownHostKey> asked = new CopyOnWriteArrayList<>();
    private volatile boolean answer = true;
    private SshTransport transport;
    private Identity password;

    @BeforeEach
    void start() throws Exception {
        sshd = EmbeddedSshd.start();
        sshd.password = "s3cret";
        password = new Identity.Password((t, what) -> Optional.of("s3cret".toCharArray()));
        transport = transport(Optional.of(dir.resolve("user_known_hosts")));
    }

    private SshTransport transport(Optional<Path> userFile) {
        return new SshTransport(new SshTransport.Settings(dir.resolve("console/known_hosts"), userFile,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)), key -> {
                    asked.add(key);
                    return answer;
                });
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        sshd.close();
    }

    private void connectOnce() {
        try (SshSession session = transport.connect(sshd.target("root"), password)) {
            assertEquals("ok\n", session.exec("echo ok", Duration.ofSeconds(5)).stdout());
        }
    }

    @Test
    void anUnknownKeyIsShownWithItsSha256FingerprintAndStoredWhenTrusted() throws Exception {
        connectOnce();

        assertEquals(1, asked.size());
        HostKeyPrompt.UnknownHostKey key = asked.get(0);
        assertEquals("127.0.0.1", key.host());
        assertEquals(sshd.port(), key.port());
        assertEquals("ssh-ed25519", key.keyType());
        assertEquals(Fingerprints.sha256(sshd.hostKey.getPublic()), key.fingerprint());
        Lab.requireSshKeygen();
        String found = Lab.run("/usr/bin/ssh-keygen", "-F", "[127.0.0.1]:" + sshd.port(), "-f",
                dir.resolve("console/known_hosts").toString());
        assertTrue(found.contains("[127.0.0.1]:" + sshd.port() + " ssh-ed25519 "), found);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions
                .toString(Files.getPosixFilePermissions(dir.resolve("console/known_hosts"))));
    }

    @Test
    void aPersonSlowerThanTheLoginTimeoutToAnswerThePromptStillGetsIn() throws Exception {
        Duration authTimeout = Duration.ofMillis(400);
        try (SshTransport patient = new SshTransport(new SshTransport.Settings(dir.resolve("console/known_hosts"),
                Optional.empty(), Duration.ofSeconds(5), authTimeout, Duration.ofSeconds(30)), key -> {
                    // stands for a person reading the fingerprint in a dialog for three login timeouts
                    try {
                        return !new java.util.concurrent.CountDownLatch(1).await(3 * authTimeout.toMillis(),
                                java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                })) {
            try (SshSession session = patient.connect(sshd.target("root"), password)) {
                assertEquals("ok\n", session.exec("echo ok", Duration.ofSeconds(5)).stdout());
            }
        }
    }

    @Test
    void aTrustedKeyIsNotAskedForAgain() {
        connectOnce();
        connectOnce();
        try (SshTransport restarted = transport(Optional.empty())) {
            restarted.connect(sshd.target("root"), password).close();
        }
        assertEquals(1, asked.size());
    }

    @Test
    void aRefusedKeyEndsTheConnectionAndIsNotStored() {
        answer = false;
        SshException e = assertThrows(SshException.class, () -> transport.connect(sshd.target("root"), password));
        assertEquals(SshException.Reason.HOST_KEY, e.reason());
        assertTrue(e.getMessage().startsWith("root@127.0.0.1:" + sshd.port() + ": unknown host key ssh-ed25519 SHA256:"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("console/known_hosts")));
    }

    @Test
    void aChangedKeyIsRefusedNamingBothFingerprintsAndTheStoredLineWithoutAPrompt() throws Exception {
        KeyPair old = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        Files.createDirectories(dir.resolve("console"));
        Files.writeString(dir.resolve("console/known_hosts"), "# console hosts\n");
        transport.knownHosts().trust("127.0.0.1", sshd.port(), old.getPublic());

        HostKeyChangedException e = assertThrows(HostKeyChangedException.class,
                () -> transport.connect(sshd.target("root"), password));

        String stored = Fingerprints.sha256(old.getPublic());
        String offered = Fingerprints.sha256(sshd.hostKey.getPublic());
        assertEquals(stored, e.storedFingerprint());
        assertEquals(offered, e.offeredFingerprint());
        assertTrue(e.getMessage().contains(stored) && e.getMessage().contains(offered), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("console/known_hosts").toAbsolutePath() + ":2"), e.getMessage());
        assertTrue(e.getMessage().startsWith("root@127.0.0.1:" + sshd.port() + ": host key changed"), e.getMessage());
        assertTrue(asked.isEmpty());
    }

    @Test
    void forgettingTheOldKeyLetsTheNewOneBeTrusted() throws Exception {
        KeyPair old = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        transport.knownHosts().trust("127.0.0.1", sshd.port(), old.getPublic());
        transport.knownHosts().trust("127.0.0.1", 1, old.getPublic());
        assertThrows(HostKeyChangedException.class, () -> transport.connect(sshd.target("root"), password));

        assertEquals(1, transport.forget("127.0.0.1", sshd.port()));
        connectOnce();

        assertEquals(1, asked.size());
        List<String> lines = Files.readAllLines(dir.resolve("console/known_hosts"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("[127.0.0.1]:1 "), "another host's entry stays: " + lines);
        assertTrue(lines.get(1).startsWith("[127.0.0.1]:" + sshd.port() + " "), lines.toString());
    }

    @Test
    void theUsersKnownHostsIsHonouredReadOnlyAlsoWhenHashed() throws Exception {
        Lab.requireSshKeygen();
        Path user = dir.resolve("user_known_hosts");
        Files.writeString(user, "[127.0.0.1]:" + sshd.port() + " " + Fingerprints.openSshText(sshd.hostKey.getPublic())
                + "\n");
        Lab.run("/usr/bin/ssh-keygen", "-H", "-f", user.toString());
        String hashed = Files.readString(user);
        assertTrue(hashed.startsWith("|1|"), hashed);

        connectOnce();

        assertTrue(asked.isEmpty());
        assertFalse(Files.exists(dir.resolve("console/known_hosts")));
        assertEquals(hashed, Files.readString(user));
    }

    @Test
    void aChangedKeyInTheUsersFileNamesThatFile() throws Exception {
        KeyPair old = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        Path user = dir.resolve("user_known_hosts");
        Files.writeString(user, "\n[127.0.0.1]:" + sshd.port() + " " + Fingerprints.openSshText(old.getPublic()) + "\n");

        HostKeyChangedException e = assertThrows(HostKeyChangedException.class,
                () -> transport.connect(sshd.target("root"), password));

        assertEquals(user.toAbsolutePath() + ":2", e.storedAt());
    }

    @Test
    void aHostKnownByItsEcdsaKeyIsAskedForThatKeyRatherThanItsPreferredEd25519() throws Exception {
        KeyPair ecdsa = org.apache.sshd.common.config.keys.KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        try (EmbeddedSshd both = new EmbeddedSshd(s -> s.setKeyPairProvider(
                org.apache.sshd.common.keyprovider.KeyPairProvider.wrap(ecdsa, sshd.hostKey)))) {
            both.password = "s3cret";
            Files.writeString(dir.resolve("user_known_hosts"),
                    "[127.0.0.1]:" + both.port() + " " + Fingerprints.openSshText(ecdsa.getPublic()) + "\n");

            transport.connect(both.target("root"), password).close();

            assertTrue(asked.isEmpty(), "no prompt and no 'changed key': " + asked);
        }
    }

    @Test
    void theFingerprintIsTheOneSshKeygenPrints() throws Exception {
        Lab.requireSshKeygen();
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            Path key = Lab.keygen(dir, type, "");
            String printed = Lab.run("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub");
            String ours = Fingerprints.sha256(org.apache.sshd.common.config.keys.PublicKeyEntry
                    .parsePublicKeyEntry(Files.readString(Path.of(key + ".pub")).trim())
                    .resolvePublicKey(null, java.util.Map.of(), null));
            assertEquals(printed.split(" ")[1], ours, type);
        }
    }
}
