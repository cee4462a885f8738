package vnetdesk.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running a main class from this test class path. Its stdout and
 * stderr go to files, and the test follows stdout line by line as it grows.
 *
 * <p>Files, not a pipe: when a child is killed, the JDK's process reaper
 * drains and closes the pipe of a {@code Process} while a reader thread may be
 * inside a read, and that reader then fails with "Stream closed" and loses the
 * last lines the child wrote (reproduced here with a child counting as fast as
 * it can: about one kill in forty lost lines). A regular file keeps every
 * {@code write(2)} the child completed before SIGKILL.
 */
final class ChildJvm {

    /** Exit status the JVM reports for a process ended by SIGKILL (128 + 9). */
    static final int SIGKILL_EXIT = 137;
    private static final long POLL_MS = 5;

    private final Process process;
    private final Path stdoutFile;
    private final Path stderrFile;
    private final FileChannel stdout;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
    private final Deque<String> unread = new ArrayDeque<>();

    private ChildJvm(Process process, Path stdoutFile, Path stderrFile) throws IOException {
        this.process = process;
        this.stdoutFile = stdoutFile;
        this.stderrFile = stderrFile;
        this.stdout = FileChannel.open(stdoutFile, StandardOpenOption.READ);
    }

    /**
     * Starts {@code java -cp <our class path> [jvmOptions] mainClass args}; the
     * child's stdout goes to {@code <logBase>.stdout}, its stderr to
     * {@code <logBase>.stderr}.
     */
    static ChildJvm start(List<String> jvmOptions, String mainClass, List<String> args, Path logBase) {
        List<String> command = javaCommand(jvmOptions, mainClass, args);
        Path out = Path.of(logBase + ".stdout");
        Path err = Path.of(logBase + ".stderr");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.to(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.to(err.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        withoutVnetdeskSettings(pb);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + command, e);
        }
        try {
            return new ChildJvm(p, out, err);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new UncheckedIOException("cannot read the output of the child JVM: " + out, e);
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

    /**
     * The next complete stdout line, or empty when none arrives within the
     * timeout (or the child ended without writing one).
     */
    Optional<String> nextLine(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            readAvailable();
            if (!unread.isEmpty()) {
                return Optional.of(unread.removeFirst());
            }
            if (!process.isAlive()) {
                readAvailable(); // what it wrote just before it ended
                return Optional.ofNullable(unread.pollFirst());
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(POLL_MS);
        }
    }

    Process process() {
        return process;
    }

    /** Closes the child's stdin (children that wait for EOF then end normally). */
    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /**
     * Every complete stdout line the child wrote, in order, once it has ended.
     * A last line without its newline (the child was killed inside the write)
     * is not a line the child printed and is left out; see {@link #partialTail()}.
     */
    List<String> stdoutAfterExit(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            throw new AssertionError("the child did not end within " + timeout + " " + unit);
        }
        try {
            List<String> all = Files.readAllLines(stdoutFile, StandardCharsets.UTF_8);
            if (!partialTail().isEmpty()) {
                all.remove(all.size() - 1);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the child's stdout " + stdoutFile, e);
        }
    }

    /** The bytes after the last newline of the child's stdout, as text (empty when it ends with a newline). */
    String partialTail() {
        try {
            byte[] all = Files.readAllBytes(stdoutFile);
            int end = all.length;
            int lastNewline = end - 1;
            while (lastNewline >= 0 && all[lastNewline] != '\n') {
                lastNewline--;
            }
            return new String(all, lastNewline + 1, end - lastNewline - 1, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the child's stdout " + stdoutFile, e);
        }
    }

    /** Moves the complete lines written since the last call into {@code unread}. */
    private void readAvailable() {
        try {
            while (true) {
                chunk.clear();
                int n = stdout.read(chunk);
                if (n <= 0) {
                    return;
                }
                for (int i = 0; i < n; i++) {
                    byte b = chunk.get(i);
                    if (b == '\n') {
                        unread.addLast(pending.toString(StandardCharsets.UTF_8));
                        pending.reset();
                    } else {
                        pending.write(b);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the child's stdout " + stdoutFile, e);
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
        try {
            stdout.close();
        } catch (IOException e) {
            // only a read handle of a test file
        }
    }
}
