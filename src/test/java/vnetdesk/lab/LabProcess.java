package vnetdesk.lab;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A long-running traffic helper inside a VM namespace (a TCP echo server, a
 * UDP listener): started, ready once it printed {@code listening}, its output
 * lines waited for by condition, killed on close or when its lab closes.
 */
public final class LabProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final String END = "\u0000end";

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private LabProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readLines, "lab-process-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static LabProcess start(List<String> command) {
        try {
            LabProcess started = new LabProcess(new ProcessBuilder(Exec.resolved(command))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).start());
            if (started.awaitLine("listening"::equals, READY_TIMEOUT).isEmpty()) {
                started.close();
                throw new IllegalStateException("lab helper " + String.join(" ", command)
                        + " did not start listening: " + started.seen);
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("lab helper " + String.join(" ", command) + " could not start", e);
        }
    }

    /**
     * The first output line (not yet consumed) that matches, waiting up to
     * {@code wait}; empty when none came — which is the expected outcome of a
     * test that proves a packet was dropped.
     */
    public Optional<String> awaitLine(Predicate<String> matches, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    return Optional.empty();
                }
                if (line.equals(END)) {
                    lines.add(END);
                    return Optional.empty();
                }
                seen.add(line);
                if (matches.test(line)) {
                    return Optional.of(line);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("read error: " + e.getMessage());
        }
        lines.add(END);
    }
}
