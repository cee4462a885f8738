package vnetdesk.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one function per host on a bounded pool and reports every host's
 * outcome in the order given: its result, its failure (one host's failure
 * never stops another), or "skipped" when the run was cancelled before the
 * host started. Cancelling never interrupts a running host: its function
 * polls the {@link Cancellation} between steps and stops at a safe point.
 */
public final class ParallelHosts {

    /** The work for one host; {@code cancel} is polled between steps. */
    @FunctionalInterface
    public interface HostTask<H, R> {
        R run(H host, Cancellation cancel) throws Exception;
    }

    /** What happened to one host. */
    public sealed interface Outcome<H, R> {
        H host();

        record Done<H, R>(H host, R result, Duration took) implements Outcome<H, R> {
        }

        record Failed<H, R>(H host, Exception error, Duration took) implements Outcome<H, R> {
        }

        /** Not started because the run was cancelled first. */
        record Skipped<H, R>(H host) implements Outcome<H, R> {
        }
    }

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final System.Logger LOG = System.getLogger(ParallelHosts.class.getName());

    private final int poolSize;

    public ParallelHosts(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("a pool needs at least one thread, got " + poolSize);
        }
        this.poolSize = poolSize;
    }

    /**
     * Runs {@code task} for every host, at most the pool size at once, and
     * waits for all. {@code finished} hears each outcome as it happens (for
     * progress; called on the worker thread). An interrupt of the caller
     * cancels the run and still waits for the hosts already running.
     */
    public <H, R> List<Outcome<H, R>> run(List<H> hosts, HostTask<H, R> task, Cancellation cancel,
            Consumer<Outcome<H, R>> finished) {
        if (hosts.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(poolSize, hosts.size()), threads());
        try {
            List<Future<Outcome<H, R>>> futures = new ArrayList<>();
            for (H host : hosts) {
                futures.add(pool.submit(() -> {
                    Outcome<H, R> outcome = runOne(host, task, cancel);
                    try {
                        finished.accept(outcome);
                    } catch (RuntimeException e) {
                        // a listener's fault must not abort the run and leave other hosts cut off mid-step
                        LOG.log(System.Logger.Level.WARNING, "a listener of host " + host + " failed: " + e, e);
                    }
                    return outcome;
                }));
            }
            pool.shutdown();
            List<Outcome<H, R>> outcomes = new ArrayList<>();
            boolean interrupted = false;
            for (Future<Outcome<H, R>> future : futures) {
                while (true) {
                    try {
                        outcomes.add(future.get());
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        cancel.cancel();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("host task broke the pool: " + e.getCause(), e.getCause());
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <H, R> Outcome<H, R> runOne(H host, HostTask<H, R> task, Cancellation cancel) {
        if (cancel.isCancelled()) {
            return new Outcome.Skipped<>(host);
        }
        long start = System.nanoTime();
        try {
            return new Outcome.Done<>(host, task.run(host, cancel), Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception e) {
            return new Outcome.Failed<>(host, e, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static ThreadFactory threads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "vnetdesk-hosts-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
