package vnetdesk.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Reads the key pairs of a private key file before connecting, so a missing
 * file, a cancelled or wrong passphrase, or a key type this runtime cannot
 * load is a clear error naming the file rather than a silent "no keys" and a
 * vague authentication failure later.
 */
final class KeyFiles {

    private KeyFiles() {
    }

    static List<KeyPair> load(SshTarget target, Identity.KeyFile identity) {
        String file = identity.file().toAbsolutePath().toString();
        AtomicBoolean asked = new AtomicBoolean();
        AtomicBoolean cancelled = new AtomicBoolean();
        FilePasswordProvider passphrase = (session, resource, retry) -> {
            asked.set(true);
            Optional<char[]> answer = identity.passphrase().ask(target, "passphrase for " + file);
            if (answer.isEmpty()) {
                cancelled.set(true);
                throw new IOException("no passphrase given");
            }
            char[] chars = answer.get();
            try {
                return new String(chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        };
        try (InputStream in = Files.newInputStream(identity.file())) {
            List<KeyPair> pairs = new ArrayList<>();
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file), in,
                    passphrase);
            if (loaded != null) {
                loaded.forEach(pairs::add);
            }
            if (pairs.isEmpty()) {
                throw failure(target, file, "no private key this console can read (RSA, ECDSA or ed25519)", null);
            }
            return pairs;
        } catch (NoSuchFileException e) {
            throw failure(target, file, "not found", e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof SshException ours) {
                throw ours;
            } else if (cancelled.get()) {
                throw failure(target, file, "no passphrase given", e);
            } else if (asked.get()) {
                throw failure(target, file, "wrong passphrase", e);
            }
            throw failure(target, file, "cannot read the private key: " + e.getMessage(), e);
        }
    }

    private static SshException failure(SshTarget target, String file, String why, Throwable cause) {
        return new SshException(target, SshException.Reason.AUTHENTICATION, "key file " + file + ": " + why, cause);
    }
}
