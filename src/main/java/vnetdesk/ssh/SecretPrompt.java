package vnetdesk.ssh;

import java.util.Optional;

/**
 * Asks the person at the console for a secret (a key passphrase or a login
 * password) when a connection needs it. The answer is used once: the
 * transport clears the array after use and never stores or logs it. An empty
 * answer means the person cancelled.
 */
@FunctionalInterface
public interface SecretPrompt {

    /** {@code what} says what is asked, e.g. "passphrase for /home/a/.ssh/id_ed25519" or "password". */
    Optional<char[]> ask(SshTarget target, String what);
}
