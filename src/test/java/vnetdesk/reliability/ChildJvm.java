package vnetdesk.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running a main class from this test class path, with its
 * stdout delivered line by line as it arrives (so the test can wait on what
 * the child acknowledged) and its stderr kept in a file for failure messages.
 */
final class ChildJvm {

    /** Exit status the JVM reports for a process ended by SIGKILL (128 + 9). */
    static final int SIGKILL_EXIT = 137;

    private final Process process;
    private final Path stderrFile;
    private final BlockingQueue<String> incoming = new LinkedBlockingQueue<>();
    private final List<String> allLines = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process, Path stderrFile) {
        this.process = process;
        this.stderrFile = stderrFile;
        this.reader = new Thread(this::pump, "child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -cp <our class path> [jvmOptions] mainClass args}. The
     * child's stderr goes to {@code stderrFile}.
     */
    static ChildJvm start(List<String> jvmOptions, String mainClass, List<String> args, Path stderrFile) {
        List<String> command = javaCommand(jvmOptions, mainClass, args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(stderrFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        withoutVnetdeskSettings(pb);
        try {
            return new ChildJvm(pb.start(), stderrFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + command, e);
        }
    }

    private static List<String> javaCommand(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** The developer's own VNETDESK_* settings (data folder, debug traces) must not change a child's outcome. */
    private static void withoutVnetdeskSettings(ProcessBuilder pb) {
        pb.environment().keySet().removeIf(k -> k.startsWith("VNETDESK_"));
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (allLines) {
                    allLines.add(line);
                }
                incoming.add(line);
            }
        } catch (IOException e) {
            incoming.add("READER-ERROR " + e);
        }
    }

    /** The next stdout line, or empty when none arrives within the timeout. */
    Optional<String> nextLine(long timeout, TimeUnit unit) throws InterruptedException {
        return Optional.ofNullable(incoming.poll(timeout, unit));
    }

    Process process() {
        return process;
    }

    /** Closes the child's stdin (children that wait for EOF then end normally). */
    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** Every stdout line, once the stream has ended (waits for the reader to see EOF). */
    List<String> stdoutAfterExit(long timeout, TimeUnit unit) throws InterruptedException {
        reader.join(unit.toMillis(timeout));
        if (reader.isAlive()) {
            throw new AssertionError("the child's stdout did not end within " + timeout + " " + unit);
        }
        synchronized (allLines) {
            return List.copyOf(allLines);
        }
    }

    String stderr() {
        try {
            return Files.readString(stderrFile);
        } catch (IOException e) {
            return "(cannot read " + stderrFile + ": " + e.getMessage() + ")";
        }
    }

    /** How a child that ran to its end finished: exit status and its complete output. */
    record Finished(int exitValue, String stdout, String stderr) {
    }

    /**
     * Runs {@code java -cp <our class path> mainClass args} to its end, with no
     * extra JVM options, as a user would start it.
     */
    static Finished runToEnd(String mainClass, List<String> args, Path workDir, long timeout, TimeUnit unit)
            throws IOException, InterruptedException {
        List<String> command = javaCommand(List.of(), mainClass, args);
        Path out = workDir.resolve("child.stdout");
        Path err = workDir.resolve("child.stderr");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        withoutVnetdeskSettings(pb);
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout, unit)) {
                throw new AssertionError("the child " + command + " did not end within " + timeout + " " + unit);
            }
            return new Finished(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            p.destroyForcibly();
        }
    }

    /** Kills the child if a test failed before doing so itself. */
    void destroyIfAlive() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
