package vnetdesk.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our algorithm set and key loading against a real OpenSSH {@code sshd}
 * started on 127.0.0.1 by the test (key-only, the spec's recipe without a
 * namespace): each host key type negotiates, and client keys of all three
 * types, encrypted, authenticate. Needs root (sshd's privilege separation).
 */
class OpenSshInteropTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** Client keys are made once for the three host key types (RSA generation is slow on a busy machine). */
    @TempDir
    static Path keys;

    @ParameterizedTest
    @ValueSource(strings = { "ed25519", "ecdsa", "rsa" })
    void openSshWithAHostKeyOfEachTypeAcceptsKeysOfAllThreeTypes(String hostKeyType) throws Exception {
        Lab.require(Files.isExecutable(Path.of("/usr/sbin/sshd")), "OpenSSH sshd (openssh-server) is not installed");
        Lab.require("root".equals(System.getProperty("user.name")), "a real sshd needs root for privilege separation");
        Lab.requireSshKeygen();
        Path hostKey = Lab.keygen(dir.resolve("host-" + hostKeyType), hostKeyType, "");
        List<Path> clientKeys = new java.util.ArrayList<>();
        for (String type : List.of("rsa", "ecdsa", "ed25519")) {
            Path key = keys.resolve("id_" + type);
            clientKeys.add(Files.exists(key) ? key : Lab.keygen(keys, type, "pass phrase"));
        }
        StringBuilder authorized = new StringBuilder();
        for (Path key : clientKeys) {
            authorized.append(Files.readString(Path.of(key + ".pub")));
        }
        Files.writeString(dir.resolve("authorized_keys"), authorized);
        int port = freePort();
        Path log = dir.resolve("sshd.log");
        Process sshd = startSshd(hostKey, port, log);
        List<HostKeyPrompt.UnknownHostKey> asked = new CopyOnWriteArrayList<>();
        try (SshTransport transport = new SshTransport(new SshTransport.Settings(dir.resolve("known_hosts"),
                Optional.empty(), TEN_SECONDS, TEN_SECONDS, Duration.ofSeconds(30)), key -> asked.add(key))) {
            awaitListening(sshd, port, log);
            SshTarget target = new SshTarget("127.0.0.1", port, "root");
            for (Path key : clientKeys) {
                AtomicInteger passphrases = new AtomicInteger();
                try (SshSession session = transport.connect(target, new Identity.KeyFile(key, (t, what) -> {
                    passphrases.incrementAndGet();
                    return Optional.of("pass phrase".toCharArray());
                }))) {
                    assertEquals(Privilege.ROOT, session.elevate(), key.toString());
                    ExecResult failed = session.exec("echo out; echo err >&2; exit 3", TEN_SECONDS);
                    assertEquals(new ExecResult(3, "out\n", "err\n", failed.took()), failed);
                    String rules = "*filter\n-A one-1-0-i -j RETURN\n".repeat(5000);
                    assertEquals(rules, session.exec("cat", rules.getBytes(StandardCharsets.UTF_8), TEN_SECONDS).stdout());
                }
                assertEquals(1, passphrases.get(), key.toString());
            }
            assertEquals(1, asked.size(), "the host key is asked for once, then known");
            String printed = Lab.run("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", hostKey + ".pub");
            assertEquals(printed.split(" ")[1], asked.get(0).fingerprint());
        } finally {
            sshd.destroy();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
        String negotiated = Files.readString(log);
        assertTrue(negotiated.contains("kex: algorithm: curve25519-sha256"), negotiated);
        assertTrue(negotiated.contains("kex: host key algorithm: " + switch (hostKeyType) {
            case "rsa" -> "rsa-sha2-512";
            case "ecdsa" -> "ecdsa-sha2-nistp256";
            default -> "ssh-ed25519";
        }), negotiated);
        assertTrue(negotiated.contains("Accepted publickey for root from 127.0.0.1"), negotiated);
        assertTrue(negotiated.contains("kex: client->server cipher: chacha20-poly1305@openssh.com"), negotiated);
        assertTrue(negotiated.contains("pkalg rsa-sha2-512 pkblob RSA"), "the RSA key signs with SHA-512: " + negotiated);
        assertTrue(!negotiated.contains("pkalg ssh-rsa "), "never an ssh-rsa (SHA-1) signature: " + negotiated);
    }

    private Process startSshd(Path hostKey, int port, Path log) throws IOException {
        Files.createDirectories(Path.of("/run/sshd"));
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "LogLevel DEBUG1",
                ""));
        return new ProcessBuilder("/usr/sbin/sshd", "-D", "-f", config.toString(), "-E", log.toString())
                .redirectErrorStream(true).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits until sshd accepts TCP connections, failing with its log when it exits first. */
    private static void awaitListening(Process sshd, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (sshd.waitFor(50, TimeUnit.MILLISECONDS)) {
                    fail("sshd exited with " + sshd.exitValue() + ": " + Files.readString(log));
                }
            }
        }
        fail("sshd did not listen on port " + port + ": " + Files.readString(log));
    }
}
