package vnetdesk.ssh;

import java.util.List;
import java.util.stream.Stream;

import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.OptionalFeature;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;

/**
 * The only algorithms the console offers, strongest first: no SHA-1 key
 * exchange or MAC, no CBC/3DES/arcfour cipher, no {@code ssh-rsa} (SHA-1)
 * signature. MINA's defaults still include several of those for old
 * servers; a hypervisor that speaks none of these is refused rather than
 * reached with a weak one (OpenSSH has had all of them since 7.x).
 */
final class Algorithms {

    static final List<BuiltinDHFactories> KEX = List.of(BuiltinDHFactories.curve25519,
            BuiltinDHFactories.curve25519_libssh, BuiltinDHFactories.ecdhp256, BuiltinDHFactories.ecdhp384,
            BuiltinDHFactories.ecdhp521, BuiltinDHFactories.dhg16_512, BuiltinDHFactories.dhg18_512,
            BuiltinDHFactories.dhg14_256);

    static final List<BuiltinCiphers> CIPHERS = List.of(BuiltinCiphers.cc20p1305_openssh, BuiltinCiphers.aes256gcm,
            BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256ctr, BuiltinCiphers.aes192ctr, BuiltinCiphers.aes128ctr);

    static final List<BuiltinMacs> MACS = List.of(BuiltinMacs.hmacsha512etm, BuiltinMacs.hmacsha256etm,
            BuiltinMacs.hmacsha512, BuiltinMacs.hmacsha256);

    static final List<BuiltinSignatures> SIGNATURES = List.of(BuiltinSignatures.ed25519, BuiltinSignatures.nistp256,
            BuiltinSignatures.nistp384, BuiltinSignatures.nistp521, BuiltinSignatures.rsaSHA512,
            BuiltinSignatures.rsaSHA256);

    private Algorithms() {
    }

    /** Sets all four lists on {@code builder}, leaving out what this runtime cannot do (e.g. ed25519 without BouncyCastle). */
    static ClientBuilder configure(ClientBuilder builder) {
        List<KeyExchangeFactory> kex = supported(KEX.stream()).map(ClientBuilder.DH2KEX).toList();
        List<NamedFactory<Cipher>> ciphers = supported(CIPHERS.stream()).<NamedFactory<Cipher>>map(c -> c).toList();
        List<NamedFactory<Mac>> macs = supported(MACS.stream()).<NamedFactory<Mac>>map(m -> m).toList();
        List<NamedFactory<Signature>> signatures = supported(SIGNATURES.stream())
                .<NamedFactory<Signature>>map(s -> s).toList();
        return builder.keyExchangeFactories(kex).cipherFactories(ciphers).macFactories(macs)
                .signatureFactories(signatures);
    }

    /**
     * {@code offered} with the signatures of {@code knownKeyTypes} moved to
     * the front (order otherwise kept), so a host known by an ECDSA key is
     * asked for that key even though ed25519 is preferred in general.
     */
    static List<NamedFactory<Signature>> preferring(List<String> knownKeyTypes,
            List<NamedFactory<Signature>> offered) {
        List<NamedFactory<Signature>> known = offered.stream()
                .filter(f -> knownKeyTypes.contains(KeyUtils.getCanonicalKeyType(f.getName()))).toList();
        List<NamedFactory<Signature>> others = offered.stream().filter(f -> !known.contains(f)).toList();
        return Stream.concat(known.stream(), others.stream()).toList();
    }

    private static <T extends OptionalFeature> Stream<T> supported(Stream<T> all) {
        return all.filter(OptionalFeature::isSupported);
    }
}
