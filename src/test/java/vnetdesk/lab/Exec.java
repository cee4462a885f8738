package vnetdesk.lab;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local command of the lab to its end (or its timeout) and gives back
 * its exit status and output; the lab's every step (ip, ssh-keygen, probes,
 * traffic helpers) goes through here so a hanging tool fails a test instead
 * of hanging it.
 */
public final class Exec {

    /** The outcome of one command; {@code exit} is -1 when it was killed at its timeout. */
    public record Result(List<String> command, int exit, String out, String err) {

        public boolean ok() {
            return exit == 0;
        }

        /** This result, or an exception naming the command, its status and its error output. */
        public Result orThrow() {
            if (!ok()) {
                throw new IllegalStateException("lab command " + String.join(" ", command) + " exited "
                        + exit + (err.isBlank() ? "" : ": " + err.strip()));
            }
            return this;
        }
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private Exec() {
    }

    public static Result run(String... command) {
        return run(DEFAULT_TIMEOUT, List.of(command));
    }

    /**
     * Runs {@code command}; a program named {@code ip} is iproute2's wherever
     * it is installed, as PATH may lack the sbin directories.
     */
    public static Result run(Duration timeout, List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(resolved(command)).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("lab command " + String.join(" ", command) + " could not start", e);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            return new Result(List.copyOf(command), ended ? process.exitValue() : -1, out.get(), err.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("output of " + String.join(" ", command) + " unreadable", e.getCause());
        }
    }

    static List<String> resolved(List<String> command) {
        if (!command.get(0).equals("ip")) {
            return command;
        }
        List<String> full = new ArrayList<>(command);
        full.set(0, LabPrerequisites.IP.toString());
        return full;
    }

    /** The command prefixed to run inside a network namespace. */
    public static List<String> inNamespace(String namespace, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    /** A stream read to its end on its own thread, so neither pipe can fill up and block the command. */
    static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        }, "lab-output-reader");
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}
