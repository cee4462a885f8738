package vnetdesk.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only modern algorithms are offered, and a server that knows only a weak one is refused. */
class SshAlgorithmsTest {

    private static final Pattern FORBIDDEN_KEX = Pattern.compile(".*(group1-|-sha1|group-exchange-sha1).*");
    private static final Pattern FORBIDDEN_CIPHER = Pattern.compile(".*(cbc|3des|arcfour|blowfish|none).*");
    private static final Pattern FORBIDDEN_MAC = Pattern.compile(".*(sha1|md5).*");

    @TempDir
    Path dir;

    private SshTransport transport() {
        return new SshTransport(new SshTransport.Settings(dir.resolve("known_hosts"), Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)), key -> true);
    }

    @Test
    void theClientOffersNoSha1NoCbcNoGroup1AndNoSshRsaSignature() {
        try (SshTransport transport = transport()) {
            SshClient client = transport.client();
            List<String> kex = NamedResource.getNameList(client.getKeyExchangeFactories());
            List<String> ciphers = NamedResource.getNameList(client.getCipherFactories());
            List<String> macs = NamedResource.getNameList(client.getMacFactories());
            List<String> signatures = NamedResource.getNameList(client.getSignatureFactories());

            assertTrue(kex.contains("curve25519-sha256") && kex.contains("diffie-hellman-group14-sha256"), kex.toString());
            assertTrue(kex.stream().noneMatch(n -> FORBIDDEN_KEX.matcher(n).matches()), kex.toString());
            assertTrue(ciphers.contains("chacha20-poly1305@openssh.com") && ciphers.contains("aes256-gcm@openssh.com"),
                    ciphers.toString());
            assertTrue(ciphers.stream().noneMatch(n -> FORBIDDEN_CIPHER.matcher(n).matches()), ciphers.toString());
            assertTrue(macs.contains("hmac-sha2-256-etm@openssh.com"), macs.toString());
            assertTrue(macs.stream().noneMatch(n -> FORBIDDEN_MAC.matcher(n).matches()), macs.toString());
            assertEquals(List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                    "rsa-sha2-512", "rsa-sha2-256"), signatures, "ed25519 must load (BouncyCastle) and ssh-rsa must not be offered");
        }
    }

    @Test
    void aServerOfferingOnlyDiffieHellmanGroup1IsRefused() throws Exception {
        assertRefused(s -> s.setKeyExchangeFactories(List.of(ServerBuilder.DH2KEX.apply(BuiltinDHFactories.dhg1))),
                "ssh-ed25519", 256);
    }

    @Test
    void aServerOfferingOnlySha1KeyExchangeIsRefused() throws Exception {
        assertRefused(s -> s.setKeyExchangeFactories(List.of(ServerBuilder.DH2KEX.apply(BuiltinDHFactories.dhg14))),
                "ssh-ed25519", 256);
    }

    @Test
    void aServerOfferingOnlyCbcIsRefused() throws Exception {
        assertRefused(s -> s.setCipherFactories(List.of(BuiltinCiphers.aes128cbc)), "ssh-ed25519", 256);
    }

    @Test
    void aServerOfferingOnlyHmacSha1IsRefused() throws Exception {
        // with an AEAD cipher (chacha20-poly1305, GCM) no MAC is used at all, so the server offers only CTR here
        assertRefused(s -> {
            s.setCipherFactories(List.of(BuiltinCiphers.aes128ctr));
            s.setMacFactories(List.of(BuiltinMacs.hmacsha1));
        }, "ssh-ed25519", 256);
    }

    @Test
    void aServerSigningOnlyWithSshRsaSha1IsRefused() throws Exception {
        assertRefused(s -> s.setSignatureFactories(List.of(BuiltinSignatures.rsa)), "ssh-rsa", 2048);
    }

    @Test
    void anRsaHostKeyIsAcceptedWithSha2Signatures() throws Exception {
        try (EmbeddedSshd sshd = new EmbeddedSshd("ssh-rsa", 2048, s -> {
        }); SshTransport transport = transport()) {
            sshd.password = "pw";
            try (SshSession session = transport.connect(sshd.target("root"),
                    new Identity.Password((t, w) -> Optional.of("pw".toCharArray())))) {
                assertEquals(0, session.exec("exit 0", Duration.ofSeconds(5)).exitStatus());
            }
        }
    }

    private void assertRefused(Consumer<SshServer> weaken, String hostKeyType, int bits) throws Exception {
        try (EmbeddedSshd sshd = new EmbeddedSshd(hostKeyType, bits, weaken); SshTransport transport = transport()) {
            sshd.password = "pw";
            SshException e = assertThrows(SshException.class, () -> transport.connect(sshd.target("root"),
                    new Identity.Password((t, w) -> Optional.of("pw".toCharArray()))));
            assertEquals(SshException.Reason.UNREACHABLE, e.reason());
            assertTrue(e.getMessage().startsWith("root@127.0.0.1:" + sshd.port() + ": SSH handshake failed: "),
                    e.getMessage());
            assertFalse(sshd.commands.size() > 0);
        }
    }
}
