package vnetdesk.ssh;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How the console proves who it is to one host: exactly one of a private key
 * file, the user's ssh-agent, or a password asked when connecting. Secrets
 * come from callbacks at connect time, so none is ever held by a host record.
 */
public sealed interface Identity {

    /** A private key file (OpenSSH or PEM; RSA, ECDSA or ed25519), its passphrase asked when it is encrypted. */
    record KeyFile(Path file, SecretPrompt passphrase) implements Identity {
    }

    /** The keys of the ssh-agent listening on {@code socket}. */
    record Agent(Path socket) implements Identity {
    }

    /** A password asked for each connection and dropped after authentication. */
    record Password(SecretPrompt password) implements Identity {
    }

    /** The agent named by {@code SSH_AUTH_SOCK} in {@code environment}, when one is set. */
    static Optional<Agent> agentFrom(Map<String, String> environment) {
        return Optional.ofNullable(environment.get("SSH_AUTH_SOCK")).filter(s -> !s.isBlank())
                .map(s -> new Agent(Path.of(s)));
    }

    /** A short text naming the method, for messages ("publickey", "password"). */
    default String method() {
        return this instanceof Password ? "password" : "publickey";
    }
}
