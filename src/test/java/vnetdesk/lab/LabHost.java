package vnetdesk.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * One lab host as an SSH client sees it — where to connect, as whom, with
 * which key, and which host key to expect (tests of trust on first use
 * compare against {@code hostPublicKey} / {@code hostKeyFingerprint}) — plus
 * the namespace its commands run in, for checks made from outside SSH.
 *
 * @param hostKeyFingerprint the host key's SHA-256 fingerprint as OpenSSH prints it, {@code SHA256:…}
 * @param hostPublicKey      the host key line {@code ssh-ed25519 AAAA… comment}
 */
public record LabHost(int index, String name, String namespace, String address, int port, String user,
                      Path privateKey, String hostPublicKey, String hostKeyFingerprint, long sshdPid) {

    /** The host's entry for an OpenSSH known_hosts file: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA…}. */
    public String knownHostsLine() {
        String[] key = hostPublicKey.split(" ");
        return "[" + address + "]:" + port + " " + key[0] + " " + key[1];
    }

    /** The command a person types to reach this host with OpenSSH. */
    public String sshCommand() {
        return "ssh -i " + privateKey + " -p " + port + " " + user + "@" + address;
    }

    /** Runs a command inside the host's namespace directly (not over SSH). */
    public Exec.Result run(String... command) {
        return Exec.run(Exec.DEFAULT_TIMEOUT, Exec.inNamespace(namespace, List.of(command)));
    }

    /** Runs a {@code /bin/sh -c} script inside the host's namespace directly (not over SSH). */
    public Exec.Result sh(String script) {
        return run("/bin/sh", "-c", script);
    }
}
