package vnetdesk.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A MINA SSH server on 127.0.0.1 with a random port and a fresh host key,
 * whose "shell" knows a handful of commands — enough to test the transport
 * without root or a real shell: {@code echo TEXT}, {@code cat} (stdin back),
 * {@code exit N}, {@code err TEXT} (stderr, exit 2), {@code sleep SECONDS},
 * {@code id -u} (the configured uid), {@code sudo -n true} (allowed or not),
 * and any {@code sudo -n sh -c …} line, which prints itself back.
 */
final class EmbeddedSshd implements AutoCloseable {

    final SshServer server;
    final KeyPair hostKey;
    final Set<PublicKey> authorizedKeys = ConcurrentHashMap.newKeySet();
    final List<String> commands = new CopyOnWriteArrayList<>();
    volatile String password = "";
    volatile String uid = "0";
    volatile boolean sudoAllowed;

    EmbeddedSshd(Consumer<SshServer> configure) throws Exception {
        this("ssh-ed25519", 256, configure);
    }

    EmbeddedSshd(String hostKeyType, int bits, Consumer<SshServer> configure) throws Exception {
        hostKey = KeyUtils.generateKeyPair(hostKeyType, bits);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> authorizedKeys.stream()
                .anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setPasswordAuthenticator((user, given, session) -> !password.isEmpty() && password.equals(given));
        server.setCommandFactory((channel, command) -> new FakeCommand(command));
        configure.accept(server);
        server.start();
    }

    static EmbeddedSshd start() throws Exception {
        return new EmbeddedSshd(s -> {
        });
    }

    int port() {
        return server.getPort();
    }

    SshTarget target(String user) {
        return new SshTarget("127.0.0.1", port(), user);
    }

    /** Waits until the fake shell has started {@code line}. */
    void awaitCommand(String line) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        synchronized (commands) {
            while (!commands.contains(line)) {
                long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IllegalStateException("the server never ran " + line + "; it ran " + commands);
                }
                commands.wait(left);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** One command of the fake shell, run on its own thread. */
    private final class FakeCommand implements Command, Runnable {
        private final String line;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Thread thread;

        FakeCommand(String line) {
            this.line = line;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            synchronized (commands) {
                commands.add(line);
                commands.notifyAll();
            }
            thread = new Thread(this, "fake-shell");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            try {
                int status = execute();
                out.flush();
                err.flush();
                exit.onExit(status);
            } catch (InterruptedException | IOException e) {
                exit.onExit(255, e.toString());
            }
        }

        private int execute() throws IOException, InterruptedException {
            if (line.startsWith("echo ")) {
                write(out, line.substring(5) + "\n");
            } else if (line.equals("cat")) {
                in.transferTo(out);
            } else if (line.startsWith("exit ")) {
                return Integer.parseInt(line.substring(5).trim());
            } else if (line.startsWith("err ")) {
                write(err, line.substring(4) + "\n");
                return 2;
            } else if (line.startsWith("sleep ")) {
                Thread.sleep(Long.parseLong(line.substring(6).trim()) * 1000);
            } else if (line.equals("id -u")) {
                write(out, uid + "\n");
            } else if (line.equals("sudo -n true")) {
                if (!sudoAllowed) {
                    write(err, "sudo: a password is required\n");
                    return 1;
                }
            } else if (line.startsWith("sudo -n sh -c ")) {
                write(out, line);
            } else {
                write(err, "fake shell: unknown command: " + line + "\n");
                return 127;
            }
            return 0;
        }

        private void write(OutputStream stream, String text) throws IOException {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (thread != null) {
                thread.interrupt();
            }
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }
    }
}
