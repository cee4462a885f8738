package vnetdesk.ui.common;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import vnetdesk.model.VnetException;
import vnetdesk.service.Inventory;
import vnetdesk.service.host.HostEngine;
import vnetdesk.service.host.RemoteHosts;

/**
 * The console's one door to its hosts: a {@link RemoteHosts} (one SSH client,
 * the console's known_hosts) made on first use and kept while the console
 * runs, whose questions — an unknown host key, a password or passphrase —
 * are put to the user on the UI thread while the worker asking waits for
 * the answer (a question not answered in {@link #ANSWER_TIMEOUT} is a "no").
 * Call {@link #remote()} only off the UI thread.
 */
public final class ConsoleHosts implements AutoCloseable {

    /** How long a worker waits for the user to answer a question before taking it as a refusal. */
    static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Where trust is kept (the console's known_hosts, written; the user's
     * {@code ~/.ssh/known_hosts}, read only), how many hosts at once, and the
     * environment ({@code SSH_AUTH_SOCK}).
     */
    public record Settings(Path knownHosts, Optional<Path> userKnownHosts, int poolSize, Duration commandTimeout,
                           Map<String, String> environment) {
        public Settings {
            environment = Map.copyOf(environment);
        }

        /** The console's file in {@code filesDirectory}, the user's in {@code HOME}, 8 hosts at once, 60 s. */
        public static Settings in(Path filesDirectory, Map<String, String> env) {
            Optional<Path> user = Optional.ofNullable(env.get("HOME")).filter(h -> !h.isBlank())
                    .map(h -> Path.of(h, ".ssh", "known_hosts"));
            return new Settings(filesDirectory.resolve("known_hosts"), user, 8, Duration.ofSeconds(60), env);
        }
    }

    private final Inventory inventory;
    private final Settings settings;
    private final Dialogs dialogs;
    private final Executor ui;
    /** One question at a time, apart from the lock of {@link #remote()} so waiting for an answer holds no one else. */
    private final Object asking = new Object();
    private RemoteHosts remote;
    private volatile boolean closing;
    /** The question on screen, if any: refused when the console closes, so no worker waits for it. */
    private volatile CompletableFuture<?> asked = CompletableFuture.completedFuture(null);

    /** {@code ui} runs on the UI thread ({@code Platform::runLater}); tests may pass one that runs at once. */
    public ConsoleHosts(Inventory inventory, Settings settings, Dialogs dialogs, Executor ui) {
        this.inventory = inventory;
        this.settings = settings;
        this.dialogs = dialogs;
        this.ui = ui;
    }

    /** The engine's door, made on first use (off the UI thread: it reads the known_hosts files). */
    public synchronized RemoteHosts remote() {
        if (closing) {
            throw new VnetException("the console is closing: no new connection to a host");
        }
        if (remote == null) {
            remote = inventory.remoteHosts(new RemoteHosts.Settings(settings.knownHosts(), settings.userKnownHosts(),
                    key -> ask(() -> dialogs.trustHostKey(login(key), key.keyType(), key.fingerprint()), false),
                    (login, what) -> ask(() -> dialogs.askSecret("Log in to " + login,
                            "The " + what + " for " + login + " (used for this connection only, never stored)"),
                            Optional.empty()),
                    new HostEngine.Settings(settings.poolSize(), settings.commandTimeout(), settings.environment(),
                            Clock.systemUTC())));
        }
        return remote;
    }

    /** The user's "forget the old key" answer to a changed host key, asked on the UI thread. */
    public boolean askForgetChangedKey(String login, String stored, String offered, String storedAt) {
        return dialogs.forgetChangedHostKey(login, stored, offered, storedAt);
    }

    private static String login(RemoteHosts.OfferedKey key) {
        String address = key.address().indexOf(':') >= 0 ? "[" + key.address() + "]" : key.address();
        return address + ":" + key.port();
    }

    /**
     * Puts a question to the user on the UI thread and waits for the answer;
     * questions from several hosts at once come one after the other.
     */
    private <T> T ask(Supplier<T> question, T refusal) {
        synchronized (asking) {
            return askNow(question, refusal);
        }
    }

    private <T> T askNow(Supplier<T> question, T refusal) {
        if (closing) {
            return refusal;
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        asked = answer;
        ui.execute(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | CancellationException e) {
            return refusal;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refusal;
        } catch (ExecutionException e) {
            throw new VnetException("the question could not be asked: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * The console is closing: no new connection, and a question on screen
     * counts as refused, so host work winds down without waiting for a person.
     */
    public void closing() {
        closing = true;
        asked.cancel(false);
    }

    @Override
    public synchronized void close() {
        closing = true;
        if (remote != null) {
            remote.close();
            remote = null;
        }
    }
}
