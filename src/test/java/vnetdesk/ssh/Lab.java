package vnetdesk.ssh;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vnetdesk.lab.LabPrerequisites;

/**
 * Helpers of the tests that need OpenSSH's tools: keys made with
 * ssh-keygen, and their prerequisites, checked by the lab's one rule
 * ({@link LabPrerequisites#require}: skip with a reason, or fail in CI).
 */
final class Lab {

    private Lab() {
    }

    static void require(boolean present, String reason) {
        LabPrerequisites.require(present, reason);
    }

    static void requireSshKeygen() {
        require(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen (openssh-client) is not installed");
    }

    /** Runs a local program, returning its output; fails the test when it exits non-zero. */
    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** Makes a key with ssh-keygen: {@code type} rsa, ecdsa or ed25519, encrypted with {@code passphrase} when not empty. */
    static Path keygen(Path dir, String type, String passphrase) throws IOException, InterruptedException {
        Path key = Files.createDirectories(dir).resolve("id_" + type);
        run("/usr/bin/ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "test-" + type, "-f", key.toString());
        return key;
    }
}
