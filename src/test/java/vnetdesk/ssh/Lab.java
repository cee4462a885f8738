package vnetdesk.ssh;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prerequisites of tests that need tools or root: a missing one skips the
 * test with a one-line reason, or fails it when {@code
 * -Dvnetdesk.lab.required=true} (CI) says the lab must run.
 */
final class Lab {

    private Lab() {
    }

    static void require(boolean present, String reason) {
        if (present) {
            return;
        }
        if (Boolean.getBoolean("vnetdesk.lab.required")) {
            fail("lab prerequisite missing (vnetdesk.lab.required=true): " + reason);
        }
        System.out.println("skipped: " + reason);
        assumeTrue(false, reason);
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
