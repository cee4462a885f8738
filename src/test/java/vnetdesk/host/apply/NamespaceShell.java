package vnetdesk.host.apply;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import vnetdesk.host.plan.Command;

/**
 * A host shell that runs each command with {@code sh -c} inside a network
 * namespace of this machine: the engine against a real kernel without SSH.
 */
final class NamespaceShell implements HostShell {

    private final String namespace;

    NamespaceShell(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public CommandOutput run(Command command) {
        try {
            Process p = new ProcessBuilder(List.of("ip", "netns", "exec", namespace, "sh", "-c", command.line()))
                    .start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                if (command.stdin().isPresent()) {
                    in.write(command.stdin().get().getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new HostUnreachableException("namespace " + namespace + ": timed out: " + command.line());
            }
            return new CommandOutput(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnreachableException("interrupted", e);
        }
    }

    private static String read(java.io.InputStream s) {
        try {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
