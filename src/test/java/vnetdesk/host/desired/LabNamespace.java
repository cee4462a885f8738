package vnetdesk.host.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import vnetdesk.lab.LabPrerequisites;

/**
 * A scratch network namespace for tests that need the real kernel tools,
 * deleted on close. A missing prerequisite skips the test with a one-line
 * reason, or fails it when {@code -Dvnetdesk.lab.required=true} (CI), so a
 * green CI means these tests ran.
 */
final class LabNamespace implements AutoCloseable {

    private static final String IP = "/usr/sbin/ip";

    final String name;

    private LabNamespace(String name) {
        this.name = name;
    }

    /** Checks root and the tools, then creates {@code vd-desired-<random>}. */
    static LabNamespace create(String... tools) throws IOException, InterruptedException {
        LabPrerequisites.requireRoot();
        LabPrerequisites.require(Files.isExecutable(Path.of(IP)), "no " + IP);
        for (String tool : tools) {
            LabPrerequisites.require(Files.isExecutable(Path.of("/usr/sbin", tool)), "no /usr/sbin/" + tool);
        }
        String name = "vd-desired-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        Result add = exec("", IP, "netns", "add", name);
        LabPrerequisites.require(add.code == 0, "cannot create a network namespace: " + add.output.strip());
        return new LabNamespace(name);
    }

    /** Runs a command inside the namespace with {@code stdin}, asserting it succeeds; returns its output. */
    String run(String stdin, String... command) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>(List.of(IP, "netns", "exec", name));
        words.addAll(List.of(command));
        Result r = exec(stdin, words.toArray(String[]::new));
        assertEquals(0, r.code, () -> String.join(" ", command) + " failed:\n" + r.output + "\ninput:\n" + stdin);
        return r.output;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        exec("", IP, "netns", "del", name);
    }

    private record Result(int code, String output) {
    }

    private static Result exec(String stdin, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
