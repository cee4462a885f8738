package vnetdesk.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One real OpenSSH sshd of a lab host: root namespace, 127.0.0.1 only,
 * key-only, its own host key made for the run, and a ForceCommand that runs
 * every exec and shell channel inside the host's namespace (the recipe of
 * spec 30) — after sourcing the host's {@code prelude.sh}, empty unless a
 * fault test puts something there (see {@link Lab#prelude}). Runs in the foreground ({@code -D -e}) as this JVM's child, so it
 * is ready exactly when it logs that it listens, and stopping it is killing
 * one process.
 */
final class Sshd implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Sshd.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final int PORT_ATTEMPTS = 5;

    private final Process process;
    private final int port;
    private final Path dir;

    private Sshd(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /**
     * Starts sshd for {@code namespace} with its files in {@code dir}. A free
     * port is picked by the kernel and may be taken by someone else before
     * sshd binds it, so a refused bind is retried on another port.
     */
    static Sshd start(Path dir, String namespace, Path authorizedKeys) throws IOException {
        Files.createDirectories(Path.of("/run/sshd"));
        Path hostKey = dir.resolve("hostkey");
        Exec.run(LabPrerequisites.SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C",
                "vnetdesk-lab-" + namespace, "-f", hostKey.toString()).orThrow();
        IllegalStateException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = freePort();
            writeConfig(dir, namespace, port, hostKey, authorizedKeys);
            try {
                return launch(dir, port);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Kills this sshd and its sessions (if still running) and starts it again
     * with the same config: same port, same host key — a host whose sshd was
     * killed and brought back by its admin.
     */
    Sshd restart() throws IOException {
        close();
        return launch(dir, port);
    }

    /**
     * Kills this sshd, makes a new host key and starts it again on the same
     * port — a host reinstalled at the same address, or a man in the middle.
     */
    Sshd rekey(String namespace) throws IOException {
        close();
        Path hostKey = dir.resolve("hostkey");
        Files.deleteIfExists(hostKey);
        Files.deleteIfExists(dir.resolve("hostkey.pub"));
        Exec.run(LabPrerequisites.SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C",
                "vnetdesk-lab-" + namespace + "-rekeyed", "-f", hostKey.toString()).orThrow();
        return launch(dir, port);
    }

    private static Sshd launch(Path dir, int port) throws IOException {
        Process process = new ProcessBuilder(LabPrerequisites.SSHD.toString(), "-D", "-e", "-f",
                dir.resolve("sshd_config").toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Files.writeString(dir.resolve("sshd.pid"), process.pid() + "\n");
        try {
            awaitListening(process, dir.resolve("sshd.log"));
            return new Sshd(process, port, dir);
        } catch (IllegalStateException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** The host key's public line as in {@code hostkey.pub}: {@code ssh-ed25519 AAAA… comment}. */
    String hostPublicKey() {
        Path hostPublicKey = dir.resolve("hostkey.pub");
        try {
            return Files.readString(hostPublicKey).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + hostPublicKey, e);
        }
    }

    /** The host key's fingerprint as OpenSSH prints it ({@code SHA256:…}), from {@code ssh-keygen -l}. */
    String hostKeyFingerprint() {
        String line = Exec.run(LabPrerequisites.SSH_KEYGEN.toString(), "-l", "-E", "sha256", "-f",
                dir.resolve("hostkey.pub").toString()).orThrow().out();
        return line.split(" ")[1];
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Kills sshd and its session children (the namespace commands of open sessions). */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "lab: sshd " + process.pid() + " did not end within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills the sshd whose pid is in {@code pidFile} if its command line names
     * {@code dir} (pids are reused). Read from /proc: sshd rewrites its
     * process title, which hides its arguments from {@link ProcessHandle.Info}.
     */
    static void killIfOurs(Path pidFile, Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
            if (Files.exists(cmdline) && Files.readString(cmdline).contains(dir.toString())) {
                ProcessHandle.of(pid).ifPresent(handle -> {
                    handle.descendants().forEach(ProcessHandle::destroyForcibly);
                    handle.destroyForcibly();
                });
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "lab: unreadable sshd pid file " + pidFile + ": " + e.getMessage());
        }
    }

    /** The prelude a fault test writes; sourced by every session of this host before its command. */
    Path prelude() {
        return dir.resolve("prelude.sh");
    }

    private static void writeConfig(Path dir, String namespace, int port, Path hostKey, Path authorizedKeys)
            throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        // sourced inside the namespace, where `ip netns exec` has made a private mount namespace: a prelude
        // may bind-mount over a tool (to hide it) without touching the root namespace or other hosts
        Files.writeString(dir.resolve("prelude.sh"), "");
        Files.writeString(dir.resolve("session.sh"), String.join("\n", List.of(
                ". '" + dir.resolve("prelude.sh") + "'",
                "if [ -n \"$SSH_ORIGINAL_COMMAND\" ]; then exec /bin/sh -c \"$SSH_ORIGINAL_COMMAND\"; fi",
                "exec /bin/sh",
                "")));
        String config = String.join("\n", List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorizedKeys,
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PrintMotd no",
                // benchmarks open many connections and channels at once
                "MaxStartups 200",
                "MaxSessions 100",
                // root's login shell (bash) sources ~/.bashrc for every command run over SSH; on a test machine
                // that file may be anything (here: pyenv init, 0.4 s and a lock per shell), so a lab host gets
                // an empty home of its own
                "SetEnv HOME=" + home,
                "ForceCommand exec " + LabPrerequisites.IP + " netns exec " + namespace + " /bin/sh "
                        + dir.resolve("session.sh"),
                ""));
        Files.writeString(dir.resolve("sshd_config"), config);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Copies sshd's log to {@code log} and returns once it says it listens;
     * fails with the log when sshd ends or stays silent instead.
     */
    private static void awaitListening(Process process, Path log) throws IOException {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        Thread copier = new Thread(() -> {
            StringBuilder seen = new StringBuilder();
            try (out; BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    out.write(line + "\n");
                    out.flush();
                    seen.append(line).append('\n');
                    if (line.startsWith("Server listening on")) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("sshd ended: " + seen.toString().strip()));
        }, "lab-sshd-log");
        copier.setDaemon(true);
        copier.start();
        try {
            listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("lab sshd did not start (log " + log + "): " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new IllegalStateException("lab sshd did not listen within " + START_TIMEOUT + " (log " + log + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting sshd", e);
        }
    }
}
