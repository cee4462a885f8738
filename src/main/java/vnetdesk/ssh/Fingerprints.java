package vnetdesk.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Public keys as an administrator compares them: the fingerprint in
 * OpenSSH's form ({@code SHA256:} and the unpadded base64 of the SHA-256 of
 * the key blob, as {@code ssh-keygen -lf} prints it) and the key type name.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String sha256(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob(key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The SSH name of the key type, e.g. {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}. */
    public static String keyType(PublicKey key) {
        return KeyUtils.getKeyType(key);
    }

    /** The key as OpenSSH writes it after a host name: {@code type base64}. */
    static String openSshText(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    private static byte[] blob(PublicKey key) {
        String text = openSshText(key);
        return Base64.getDecoder().decode(text.substring(text.indexOf(' ') + 1).trim());
    }
}
