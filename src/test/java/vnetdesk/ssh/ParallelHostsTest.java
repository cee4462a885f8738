package vnetdesk.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.ssh.ParallelHosts.Outcome;

/** Many hosts at once: every host's own outcome, a bounded pool, cancellation. */
class ParallelHostsTest {

    @TempDir
    Path dir;

    @Test
    void anUnreachableHostFailsAloneWhileTheOthersRunTheirCommands() throws Exception {
        List<EmbeddedSshd> servers = new ArrayList<>();
        try (SshTransport transport = new SshTransport(new SshTransport.Settings(dir.resolve("known_hosts"),
                Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)), key -> true)) {
            List<SshTarget> targets = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                EmbeddedSshd sshd = EmbeddedSshd.start();
                sshd.password = "pw";
                servers.add(sshd);
                targets.add(sshd.target("root"));
            }
            try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                targets.add(1, new SshTarget("127.0.0.1", free.getLocalPort(), "root"));
            }
            List<Outcome<SshTarget, String>> heard = new CopyOnWriteArrayList<>();

            List<Outcome<SshTarget, String>> outcomes = new ParallelHosts(4).run(targets, (target, cancel) -> {
                try (SshSession s = transport.connect(target, new Identity.Password((t, w) -> Optional.of("pw".toCharArray())))) {
                    return s.exec("echo " + target.port(), Duration.ofSeconds(5)).stdout().trim();
                }
            }, new Cancellation(), heard::add);

            assertEquals(targets, outcomes.stream().map(Outcome::host).toList());
            for (int i : List.of(0, 2, 3)) {
                Outcome.Done<SshTarget, String> done = assertInstanceOf(Outcome.Done.class, outcomes.get(i));
                assertEquals(String.valueOf(targets.get(i).port()), done.result());
            }
            Outcome.Failed<SshTarget, String> failed = assertInstanceOf(Outcome.Failed.class, outcomes.get(1));
            assertEquals(SshException.Reason.UNREACHABLE, ((SshException) failed.error()).reason());
            assertEquals(4, heard.size());
        } finally {
            for (EmbeddedSshd s : servers) {
                s.close();
            }
        }
    }

    @Test
    void aListenerThatThrowsAbortsNothingEveryHostHasItsOutcome() {
        List<Integer> hosts = List.of(1, 2, 3, 4, 5, 6);
        List<Outcome<Integer, Integer>> outcomes = new ParallelHosts(2).run(hosts, (host, cancel) -> host * 10,
                new Cancellation(), o -> {
                    throw new IllegalStateException("a broken listener");
                });
        assertEquals(6, outcomes.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(hosts.get(i) * 10, ((Outcome.Done<Integer, Integer>) outcomes.get(i)).result(),
                    "host " + hosts.get(i) + " ran to its end");
        }
    }

    @Test
    void neverMoreHostsRunAtOnceThanThePoolHolds() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Object monitor = new Object();
        List<Integer> hosts = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9);

        List<Outcome<Integer, Integer>> outcomes = new ParallelHosts(3).run(hosts, (host, cancel) -> {
            synchronized (monitor) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                monitor.notifyAll();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                // hold the slot until the pool was full once, so a pool too large would show more than 3
                while (most.get() < 3 && System.nanoTime() < deadline) {
                    monitor.wait(100);
                }
                running.decrementAndGet();
            }
            return host * 10;
        }, new Cancellation(), o -> {
        });

        assertEquals(3, most.get());
        assertEquals(List.of(10, 20, 30, 40, 50, 60, 70, 80, 90),
                outcomes.stream().map(o -> ((Outcome.Done<Integer, Integer>) o).result()).toList());
    }

    @Test
    void cancellingSkipsHostsNotStartedAndLetsTheRunningOneFinishItsStep() {
        Cancellation cancel = new Cancellation();
        List<String> steps = new CopyOnWriteArrayList<>();

        List<Outcome<String, String>> outcomes = new ParallelHosts(1).run(List.of("a", "b", "c"), (host, flag) -> {
            steps.add(host + ": step 1");
            cancel.cancel();
            if (flag.isCancelled()) {
                return "stopped after step 1";
            }
            steps.add(host + ": step 2");
            return "done";
        }, cancel, o -> {
        });

        assertEquals(List.of("a: step 1"), steps);
        assertEquals(new Outcome.Done<>("a", "stopped after step 1", ((Outcome.Done<String, String>) outcomes.get(0)).took()),
                outcomes.get(0));
        assertEquals(List.of(new Outcome.Skipped<String, String>("b"), new Outcome.Skipped<String, String>("c")),
                outcomes.subList(1, 3));
    }

    @Test
    void aThrowingHostIsReportedWithItsOwnError() {
        List<Outcome<String, String>> outcomes = new ParallelHosts(2).run(List.of("ok", "bad"), (host, flag) -> {
            if (host.equals("bad")) {
                throw new SshException(new SshTarget("10.0.0.9", 22, "root"), SshException.Reason.TIMEOUT, "boom");
            }
            return host;
        }, new Cancellation(), o -> {
        });
        assertInstanceOf(Outcome.Done.class, outcomes.get(0));
        Outcome.Failed<String, String> failed = assertInstanceOf(Outcome.Failed.class, outcomes.get(1));
        assertEquals("root@10.0.0.9:22: boom", failed.error().getMessage());
        assertTrue(failed.took().compareTo(Duration.ZERO) >= 0);
    }
}
