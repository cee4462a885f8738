package vnetdesk.ssh;

import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;

/**
 * MINA's check of the key a host offers, answered from {@link KnownHosts}:
 * a known key passes, an unknown one goes to the {@link HostKeyPrompt} and
 * is stored when trusted, a changed or revoked one is refused without a
 * prompt. MINA only learns "refused"; the reason, with both fingerprints, is
 * kept for the session so the transport can throw it, and the time a person
 * spends answering the prompt is kept so it does not count against the
 * authentication timeout.
 */
final class HostKeyVerifier implements ServerKeyVerifier {

    private static final System.Logger LOG = System.getLogger(HostKeyVerifier.class.getName());

    /** The target as the caller named it (not as resolved), set in the connection context. */
    static final AttributeKey<SshTarget> TARGET = new AttributeKey<>();

    private final KnownHosts knownHosts;
    private final HostKeyPrompt prompt;
    private final Map<ClientSession, SshException> refusals = new ConcurrentHashMap<>();
    private final Map<ClientSession, Long> askingSince = new ConcurrentHashMap<>();
    private final Map<ClientSession, Long> askedNanos = new ConcurrentHashMap<>();

    HostKeyVerifier(KnownHosts knownHosts, HostKeyPrompt prompt) {
        this.knownHosts = knownHosts;
        this.prompt = prompt;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        SshTarget target = session.getConnectionContext().getAttribute(TARGET);
        String offered = Fingerprints.sha256(serverKey);
        KnownHosts.Verdict verdict = knownHosts.check(target.host(), target.port(), serverKey);
        if (verdict instanceof KnownHosts.Verdict.Known) {
            return true;
        } else if (verdict instanceof KnownHosts.Verdict.Changed changed) {
            LOG.log(Level.WARNING, "{0}: host key changed: stored {1} at {2}, offered {3}", target,
                    changed.storedFingerprint(), changed.storedAt(), offered);
            return refuse(session, new HostKeyChangedException(target, changed.storedFingerprint(), offered,
                    changed.storedAt()));
        } else if (verdict instanceof KnownHosts.Verdict.Revoked revoked) {
            return refuse(session, new SshException(target, SshException.Reason.HOST_KEY,
                    "host key " + offered + " is marked @revoked (" + revoked.storedAt() + "); connection refused"));
        }
        String type = Fingerprints.keyType(serverKey);
        boolean trusted;
        long start = System.nanoTime();
        askingSince.put(session, start);
        try {
            trusted = prompt.trust(new HostKeyPrompt.UnknownHostKey(target.host(), target.port(), type, offered));
        } finally {
            askedNanos.merge(session, System.nanoTime() - start, Long::sum);
            askingSince.remove(session);
        }
        if (trusted) {
            knownHosts.trust(target.host(), target.port(), serverKey);
            return true;
        }
        return refuse(session, new SshException(target, SshException.Reason.HOST_KEY,
                "unknown host key " + type + " " + offered + " was not trusted; connection refused"));
    }

    private boolean refuse(ClientSession session, SshException why) {
        refusals.put(session, why);
        return false;
    }

    /** How long the prompt has been waiting for a person during this session's handshake, so far. */
    Duration timeAsking(ClientSession session) {
        long since = askingSince.getOrDefault(session, System.nanoTime());
        return Duration.ofNanos(askedNanos.getOrDefault(session, 0L) + System.nanoTime() - since);
    }

    /** Why the key of {@code session} was refused, if it was; forgets everything about the session. */
    Optional<SshException> finish(ClientSession session) {
        askingSince.remove(session);
        askedNanos.remove(session);
        return Optional.ofNullable(refusals.remove(session));
    }
}
