package vnetdesk.ssh;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.client.auth.password.PasswordIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The console's one SSH client (MINA SSHD), configured explicitly rather
 * than with MINA's defaults: host keys checked against {@link KnownHosts}
 * with a prompt for unknown ones, {@code ~/.ssh/config} ignored, no key
 * loaded from {@code ~/.ssh} behind the caller's back, only the modern
 * {@link Algorithms}, heartbeats so an idle session survives, and timeouts
 * for connecting and authenticating. Started once, closed at shutdown.
 */
public final class SshTransport implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SshTransport.class.getName());

    /**
     * How long a person may take to answer the host-key prompt: MINA's own
     * login timer is stretched by this, while {@link Settings#authTimeout()}
     * counts only the time nobody is asked (OpenSSH's LoginGraceTime, 2
     * minutes by default, still ends a very slow answer on its side).
     */
    private static final Duration PROMPT_ALLOWANCE = Duration.ofMinutes(10);
    private static final long AUTH_POLL_MILLIS = 100;

    /** Where trust is kept and how long to wait. */
    public record Settings(Path knownHosts, Optional<Path> userKnownHosts, Duration connectTimeout,
            Duration authTimeout, Duration heartbeat) {

        /** The console's file, the user's {@code ~/.ssh/known_hosts}, 10 s to connect, 30 s to log in, heartbeat every 30 s. */
        public static Settings defaults(Path knownHosts) {
            return new Settings(knownHosts, Optional.of(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts")),
                    Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30));
        }
    }

    private final Settings settings;
    private final KnownHosts knownHosts;
    private final HostKeyVerifier verifier;
    private final SshClient client;

    public SshTransport(Settings settings, HostKeyPrompt prompt) {
        this.settings = settings;
        this.knownHosts = new KnownHosts(settings.knownHosts(), settings.userKnownHosts());
        this.verifier = new HostKeyVerifier(knownHosts, prompt);
        this.client = Algorithms.configure(ClientBuilder.builder())
                .serverKeyVerifier(verifier)
                .hostConfigEntryResolver(HostConfigEntryResolver.EMPTY)
                .filePasswordProvider(FilePasswordProvider.EMPTY)
                .build();
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setPasswordIdentityProvider(PasswordIdentityProvider.EMPTY_PASSWORDS_PROVIDER);
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE));
        client.setAgentFactory(new UnixSocketAgent.Factory());
        client.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                preferKnownKeyTypes(session);
            }
        });
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, settings.connectTimeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.authTimeout().plus(PROMPT_ALLOWANCE));
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, settings.heartbeat());
        CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, settings.heartbeat());
        // heartbeats keep the session alive and find a dead host; an idle timer would only cut a reused session
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        // a plan is many short request/answer exchanges: with Nagle's algorithm each small packet after the first
        // waits for the peer's delayed ACK (40 ms on Linux)
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.start();
    }

    /** Before the handshake: ask a known host for a key of a type stored for it (see {@link KnownHosts#knownKeyTypes}). */
    private void preferKnownKeyTypes(Session session) {
        if (session instanceof ClientSession client) {
            SshTarget target = client.getConnectionContext().getAttribute(HostKeyVerifier.TARGET);
            List<String> known = knownHosts.knownKeyTypes(target.host(), target.port());
            if (!known.isEmpty()) {
                client.setSignatureFactories(Algorithms.preferring(known, this.client.getSignatureFactories()));
            }
        }
    }

    /** The trust store, for the "trust" and "forget the old key" actions. */
    public KnownHosts knownHosts() {
        return knownHosts;
    }

    /** Forgets the console's stored key of {@code host:port}, so the next connection asks again. */
    public int forget(String host, int port) {
        return knownHosts.forget(host, port);
    }

    /**
     * Opens an authenticated session to {@code target} with {@code identity}.
     * Asks the host-key prompt when the key is unknown and the identity's
     * prompt for a passphrase or password; never from the JavaFX thread.
     */
    public SshSession connect(SshTarget target, Identity identity) {
        Map<AttributeKey<?>, Object> context = new HashMap<>();
        context.put(HostKeyVerifier.TARGET, target);
        List<java.security.KeyPair> keys = List.of();
        if (identity instanceof Identity.KeyFile file) {
            keys = KeyFiles.load(target, file);
        } else if (identity instanceof Identity.Agent agent) {
            context.put(UnixSocketAgent.Factory.SOCKET, agent.socket());
        }
        ClientSession session = open(target, context);
        try {
            keys.forEach(session::addPublicKeyIdentity);
            authenticate(target, identity, session);
            LOG.log(Level.DEBUG, "{0}: connected ({1})", target, identity.method());
            return new SshSession(target, session);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private ClientSession open(SshTarget target, Map<AttributeKey<?>, Object> context) {
        try {
            ConnectFuture future = client.connect(target.user(), target.host(), target.port(),
                    AttributeRepository.ofAttributesMap(context));
            return future.verify(settings.connectTimeout()).getSession();
        } catch (IOException | RuntimeException e) {
            throw new SshException(target, SshException.Reason.UNREACHABLE, "cannot connect: " + why(e), e);
        }
    }

    private void authenticate(SshTarget target, Identity identity, ClientSession session) {
        Optional<char[]> password = Optional.empty();
        String secret = null;
        try {
            if (identity instanceof Identity.Password asked) {
                password = asked.password().ask(target, "password");
                if (password.isEmpty()) {
                    throw new SshException(target, SshException.Reason.AUTHENTICATION, "no password given");
                }
                secret = new String(password.get());
                session.addPasswordIdentity(secret);
            }
            awaitAuthentication(target, session);
        } catch (IOException | RuntimeException e) {
            Optional<SshException> refusal = verifier.finish(session);
            if (refusal.isPresent()) {
                throw refusal.get();
            } else if (e instanceof SshException ours) {
                throw ours;
            }
            throw loginFailure(target, identity, e);
        } finally {
            verifier.finish(session);
            if (secret != null) {
                session.removePasswordIdentity(secret);
            }
            password.ifPresent(p -> Arrays.fill(p, '\0'));
        }
    }

    /** Waits for the login, not counting the time a person spends on the host-key prompt. */
    private void awaitAuthentication(SshTarget target, ClientSession session) throws IOException {
        AuthFuture auth = session.auth();
        long start = System.nanoTime();
        while (!auth.await(AUTH_POLL_MILLIS)) {
            Duration waited = Duration.ofNanos(System.nanoTime() - start).minus(verifier.timeAsking(session));
            if (waited.compareTo(settings.authTimeout()) > 0) {
                auth.cancel();
                throw new SshException(target, SshException.Reason.UNREACHABLE,
                        "no login within " + Durations.text(settings.authTimeout()));
            }
        }
        auth.verify();
    }

    private static SshException loginFailure(SshTarget target, Identity identity, Exception e) {
        boolean refused = e instanceof org.apache.sshd.common.SshException mina
                && (mina.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE
                        || String.valueOf(mina.getMessage()).startsWith("No more authentication methods"));
        if (refused) {
            String with = identity instanceof Identity.KeyFile file ? " with key " + file.file().toAbsolutePath()
                    : identity instanceof Identity.Agent ? " with the keys of ssh-agent" : "";
            return new SshException(target, SshException.Reason.AUTHENTICATION,
                    "authentication failed (" + identity.method() + ")" + with, e);
        }
        return new SshException(target, SshException.Reason.UNREACHABLE, "SSH handshake failed: " + why(e), e);
    }

    /** The most telling message of a chain: "Connection refused" rather than MINA's wrapper text. */
    static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return t instanceof UnknownHostException ? "unknown host " + t.getMessage() : t.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName());
    }

    private static void closeQuietly(ClientSession session) {
        try {
            session.close(true);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "closing a failed session: {0}", e.getMessage());
        }
    }

    /** The MINA client, for tests that read back the offered algorithms. */
    SshClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } finally {
            try {
                client.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing the SSH client: {0}", e.getMessage());
            }
        }
    }
}
