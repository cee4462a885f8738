package vnetdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import vnetdesk.ui.common.TaskHandle.State;

/** The console's runner on the real toolkit (headless): cancel, progress on the FX thread, the bounded pool. */
class FxTaskRunnerTest {

    private static final long LONG = 1_000_000_000L;

    private FxTaskRunner runner;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (runner != null) {
            onFx(() -> {
                runner.close();
                return null;
            });
        }
    }

    private static <T> T onFx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    /** Waits, without a fixed sleep, until the condition holds on the FX thread. */
    private static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private static void awaitLatch(String what, CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out waiting until " + what);
    }

    @Test
    void cancelStopsARunningLoopSoonWithoutInterruptingTheOrderedLaneAndCallsOnlyOnCancelled() throws Exception {
        runner = onFx(FxTaskRunner::new);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch workEnded = new CountDownLatch(1);
        AtomicLong steps = new AtomicLong();
        AtomicBoolean interrupted = new AtomicBoolean();
        TaskHandle handle = onFx(() -> runner.runWithProgress("A long loop", progress -> {
            try {
                running.countDown();
                for (long i = 0; i < LONG && !progress.isCancelled(); i++) {
                    steps.incrementAndGet();
                    progress.report(i, LONG, "step " + i);
                }
                interrupted.set(Thread.currentThread().isInterrupted());
                return "finished";
            } finally {
                workEnded.countDown();
            }
        }, result -> calls.add("success"), e -> calls.add("failure"), () -> calls.add("cancelled")));
        awaitLatch("the loop runs", running);
        assertTrue(onFx(handle::cancel));
        awaitLatch("the loop ends after cancel", workEnded);
        await("the handle says cancelled", () -> handle.state() == State.CANCELLED);
        assertTrue(steps.get() < LONG);
        assertFalse(interrupted.get(), "ordered-lane work is never interrupted (H2 closes on an interrupt)");
        assertEquals(List.of("cancelled"), calls);
        assertEquals(0, (int) onFx(() -> runner.running().get()));
    }

    @Test
    void cancelInterruptsAPoolTaskBlockedInAWait() throws Exception {
        runner = onFx(FxTaskRunner::new);
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch workEnded = new CountDownLatch(1);
        TaskHandle handle = onFx(() -> runner.runOnPool("Waiting for a host", progress -> {
            try {
                waiting.countDown();
                new CountDownLatch(1).await();
                return "never";
            } finally {
                workEnded.countDown();
            }
        }, result -> calls.add("success"), e -> calls.add("failure"), () -> calls.add("cancelled")));
        awaitLatch("the task waits", waiting);
        assertTrue(onFx(handle::cancel));
        awaitLatch("the wait is interrupted", workEnded);
        await("the handle says cancelled", () -> handle.state() == State.CANCELLED);
        assertEquals(List.of("cancelled"), calls);
    }

    @Test
    void cancelOfAPoolTaskStoppedByItsOwnActionCallsItAndNeverInterrupts() throws Exception {
        runner = onFx(FxTaskRunner::new);
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        TaskHandle handle = onFx(() -> runner.runOnPoolStoppedBy(stop::countDown, "Applying to hosts", progress -> {
            waiting.countDown();
            try {
                stop.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
            return "stopped";
        }, result -> calls.add("success " + result), e -> calls.add("failure " + e), () -> calls.add("cancelled")));
        awaitLatch("the task runs", waiting);
        assertTrue(onFx(handle::isStoppable), "the status bar offers Cancel");
        assertTrue(onFx(handle::cancel));
        await("the work's outcome delivered", () -> handle.state() == State.SUCCEEDED);
        assertEquals(0, stop.getCount(), "the stop action was called");
        assertFalse(interrupted.get(), "work on hosts records in H2, which closes on an interrupt");
        assertEquals(List.of("success stopped"), calls, "what the stopped work did is delivered, not dropped");
    }

    @Test
    void cancelOfHostWorkAsksItToStopAndNeverInterruptsIt() throws Exception {
        runner = onFx(FxTaskRunner::new);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean sawCancel = new AtomicBoolean();
        TaskHandle handle = onFx(() -> runner.runOnHosts("Applying hosts", progress -> {
            started.countDown();
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!progress.isCancelled() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            sawCancel.set(progress.isCancelled());
            interrupted.set(Thread.currentThread().isInterrupted());
            return "stopped";
        }, result -> calls.add("success"), e -> calls.add("failure"), () -> calls.add("cancelled")));
        awaitLatch("the work runs", started);
        assertTrue(onFx(handle::cancel));
        await("the work's outcome delivered", () -> handle.state() == State.SUCCEEDED);
        assertTrue(sawCancel.get(), "the work saw the cancel");
        assertFalse(interrupted.get(), "host work reads the inventory: never interrupted");
        assertEquals(List.of("success"), calls, "the stopped work's result is delivered");
    }

    @Test
    void theInterruptOfACancelledPoolTaskDoesNotReachTheNextTaskOnItsThread() throws Exception {
        runner = onFx(() -> new FxTaskRunner(1));
        CountDownLatch waiting = new CountDownLatch(1);
        TaskHandle first = onFx(() -> runner.runOnPool("First host", progress -> {
            waiting.countDown();
            new CountDownLatch(1).await();
            return "never";
        }, result -> calls.add("first success"), e -> calls.add("first failure"), () -> calls.add("first cancelled")));
        awaitLatch("the first task waits", waiting);
        onFx(first::cancel);
        TaskHandle second = onFx(() -> runner.runOnPool("Second host",
                progress -> Thread.currentThread().getName() + " interrupted=" + Thread.currentThread().isInterrupted(),
                result -> calls.add("second " + result), e -> calls.add("second failure"), () -> { }));
        await("the second task ends", () -> second.state().isDone());
        assertEquals(List.of("first cancelled", "second vnetdesk-pool-1 interrupted=false"), calls);
    }

    @Test
    void aTaskCancelledWhileQueuedBehindAnotherNeverStarts() throws Exception {
        runner = onFx(FxTaskRunner::new);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        onFx(() -> runner.run("First", () -> gate.await(10, TimeUnit.SECONDS),
                result -> calls.add("first"), e -> calls.add("first failure")));
        TaskHandle second = onFx(() -> runner.run("Second", () -> {
            secondRan.set(true);
            return "second";
        }, result -> calls.add("second"), e -> calls.add("second failure")));
        assertTrue(onFx(second::cancel));
        assertEquals(State.CANCELLED, onFx(second::state), "a queued task is cancelled at once");
        assertEquals(1, (int) onFx(() -> runner.running().get()));
        gate.countDown();
        TaskHandle third = onFx(() -> runner.run("Third", () -> "third",
                result -> calls.add("third"), e -> calls.add("third failure")));
        await("the third task ends", () -> third.state() == State.SUCCEEDED);
        assertFalse(secondRan.get());
        assertEquals(List.of("first", "third"), calls);
    }

    @Test
    void progressReachesListenersOnTheFxThreadWhileTheWorkRunsAndBeforeTheResult() throws Exception {
        runner = onFx(FxTaskRunner::new);
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch quarterShown = new CountDownLatch(1);
        TaskHandle handle = onFx(() -> {
            TaskHandle h = runner.runWithProgress("Applying", progress -> {
                progress.report(1, 4, "host 1 of 4");
                assertTrue(quarterShown.await(10, TimeUnit.SECONDS), "the FX thread saw the first report");
                progress.report(2, 4, "host 2 of 4");
                progress.report(4, 4, "host 4 of 4");
                return "applied";
            }, result -> events.add("success on FX " + Platform.isFxApplicationThread()),
                    e -> events.add("failure " + e), () -> events.add("cancelled"));
            h.progressProperty().addListener((o, was, now) -> {
                events.add("progress " + now + " on FX " + Platform.isFxApplicationThread());
                if (now.doubleValue() == 0.25) {
                    quarterShown.countDown();
                }
            });
            return h;
        });
        await("the task ends", () -> handle.state().isDone());
        assertEquals("progress 0.25 on FX true", events.get(0));
        assertEquals("progress 1.0 on FX true", events.get(events.size() - 2));
        assertEquals("success on FX true", events.get(events.size() - 1));
        assertTrue(events.stream().allMatch(e -> e.endsWith("on FX true")), events.toString());
        assertEquals("host 4 of 4", onFx(() -> handle.messageProperty().get()));
        assertEquals(State.SUCCEEDED, handle.state());
    }

    @Test
    void thePoolRunsAtMostItsSizeAtOnceAndTheOrderedLaneStaysFree() throws Exception {
        runner = onFx(() -> new FxTaskRunner(2));
        AtomicInteger active = new AtomicInteger();
        AtomicInteger mostActive = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Semaphore permits = new Semaphore(0);
        AtomicInteger ended = new AtomicInteger();
        for (int i = 1; i <= 6; i++) {
            int host = i;
            onFx(() -> runner.runOnPool("Host " + host, progress -> {
                mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                threads.add(Thread.currentThread().getName());
                try {
                    permits.acquire();
                } finally {
                    active.decrementAndGet();
                }
                return host;
            }, result -> ended.incrementAndGet(), e -> calls.add("failure " + e), () -> calls.add("cancelled")));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> active.get() == 2);
        TaskHandle read = onFx(() -> runner.run("Reading the inventory", () -> "read",
                result -> calls.add(result), e -> calls.add("read failure")));
        await("an ordered task runs while the pool is full", () -> read.state() == State.SUCCEEDED);
        assertEquals(2, active.get(), "the pool tasks are still waiting");
        permits.release(6);
        await("every pool task ends", () -> ended.get() == 6);
        assertEquals(2, mostActive.get());
        assertEquals(Set.of("vnetdesk-pool-1", "vnetdesk-pool-2"), threads);
        assertEquals(List.of("read"), calls);
        assertEquals(0, (int) onFx(() -> runner.running().get()));
    }
}
