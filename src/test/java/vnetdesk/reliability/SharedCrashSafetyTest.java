package vnetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.reliability.AckLedger.InFlight;
import vnetdesk.service.Inventory;

/**
 * Crash safety with two processes on one inventory (issue 13): two
 * {@link CrashWorker}s, each on its own network, work at once; the first one
 * opens the file and serves it to the second over loopback. In even rounds the
 * serving worker is killed with SIGKILL while the attached one is allocating,
 * in odd rounds the attached one; the survivor must go on answering (taking the
 * file over when the server died) until it too is killed. After every round the
 * inventory must open, be consistent, and hold every operation either worker
 * acknowledged, with each one's operation in flight entirely or not at all.
 */
class SharedCrashSafetyTest {

    private static final long SEED = 20_261_203L;
    private static final int ROUNDS = 4;
    private static final int ANSWERS_BEFORE_KILL = 150;
    private static final int SURVIVOR_ANSWERS = 100;
    private static final int MAX_KILL_DELAY_MS = 1000;

    @TempDir
    Path dir;

    /** One worker of a round: its network, its ledger over all rounds and its process. */
    private static final class Side {
        final String network;
        final int octet;
        final int vmBase;
        final AckLedger ledger = new AckLedger();
        ChildJvm process;
        int answers;
        boolean serving;

        Side(String network, int octet, int vmBase) {
            this.network = network;
            this.octet = octet;
            this.vmBase = vmBase;
        }
    }

    @Test
    void killingTheServingOrTheAttachedProcessLosesNothingAcknowledged() throws Exception {
        Path data = dir.resolve("inventory");
        Random timing = new Random(SEED);
        Side first = new Side("crash-a", 20, 0);
        Side second = new Side("crash-b", 30, 50_000);
        List<String> report = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean killServer = round % 2 == 0;
            start(first, data, round);
            awaitAnswers(first, ANSWERS_BEFORE_KILL, round);
            start(second, data, round);
            awaitAnswers(second, ANSWERS_BEFORE_KILL, round);
            assertTrue(first.serving, "the first worker serves the file");
            assertFalse(second.serving, "the second worker is attached to the first");

            Side victim = killServer ? first : second;
            Side survivor = killServer ? second : first;
            long delay = timing.nextInt(MAX_KILL_DELAY_MS + 1);
            Thread.sleep(delay);
            sigkill(victim, round);
            long killedAt = System.nanoTime();
            String survived = awaitSurvivor(survivor, round);
            long survivorMs = (System.nanoTime() - killedAt) / 1_000_000;
            if (survivor.process.process().isAlive()) {
                sigkill(survivor, round);
            }

            Optional<InFlight> victimInFlight = victim.ledger.applyRound(victim.process.stdoutAfterExit(30,
                    TimeUnit.SECONDS));
            Optional<InFlight> survivorInFlight = survivor.ledger.applyRound(survivor.process.stdoutAfterExit(30,
                    TimeUnit.SECONDS));
            try (Inventory inventory = Inventory.openDirectory(data)) {
                InventorySnapshot snapshot = InventorySnapshot.read(inventory);
                List<String> broken = new ArrayList<>(snapshot.violations());
                for (Side side : List.of(victim, survivor)) {
                    Optional<InFlight> inFlight = side == victim ? victimInFlight : survivorInFlight;
                    int net = snapshot.networkNamed(side.network).orElseThrow().id();
                    broken.addAll(side.ledger.problems());
                    broken.addAll(LedgerCheck.compare(side.ledger, snapshot, net, inFlight).violations());
                }
                assertTrue(broken.isEmpty(), "round " + round + ": " + broken.size() + " broken invariants, the first: "
                        + broken.subList(0, Math.min(20, broken.size())));
                report.add(String.format("round %d: killed the %s worker after %d ms; the %s one %s (%d ms); "
                                + "in flight: victim %s, survivor %s; leases %d", round,
                        killServer ? "serving" : "attached", delay, killServer ? "attached" : "serving", survived,
                        survivorMs, victimInFlight.map(InFlight::op).orElse("-"),
                        survivorInFlight.map(InFlight::op).orElse("-"), snapshot.leaseCount()));
            }
        }
        report.forEach(l -> System.out.println("shared crash safety: " + l));
        System.out.println("shared crash safety: acknowledged " + first.network + " " + first.ledger.acks() + ", "
                + second.network + " " + second.ledger.acks());
        for (Side side : List.of(first, second)) {
            assertTrue(side.ledger.acks().keySet().containsAll(List.of("hold", "release", "alloc", "reserve")),
                    side.network + ": every kind of operation was acknowledged: " + side.ledger.acks());
        }
    }

    private void start(Side side, Path data, int round) {
        side.answers = 0;
        side.process = ChildJvm.start(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                CrashWorker.class.getName(), List.of(data.toString(), Long.toString(SEED + side.octet),
                        Integer.toString(round), side.network, Integer.toString(side.octet),
                        Integer.toString(side.vmBase)), dir.resolve(side.network + "-" + round));
    }

    /** Follows the worker's output until READY and then {@code count} more answered operations. */
    private static void awaitAnswers(Side side, int count, int round) throws InterruptedException {
        int target = side.answers + count;
        while (side.answers < target) {
            Optional<String> line = side.process.nextLine(120, TimeUnit.SECONDS);
            if (line.isEmpty()) {
                fail(side.network + " of round " + round + " went silent (answers=" + side.answers + ", alive="
                        + side.process.process().isAlive() + "): " + side.process.stderr());
            }
            count(side, line.get());
        }
    }

    private static void count(Side side, String line) {
        if (line.startsWith("READY ")) {
            side.serving = line.endsWith("serving=true");
        }
        if (line.startsWith("ACK ") || line.startsWith("NACK ")) {
            side.answers++;
        }
    }

    /**
     * The survivor answers {@link #SURVIVOR_ANSWERS} more operations after the
     * kill, or ends with the outcome-unknown status when its commit was cut by
     * the kill of the serving process.
     */
    private static String awaitSurvivor(Side side, int round) throws InterruptedException {
        Optional<String> pending;
        while ((pending = side.process.nextLine(0, TimeUnit.SECONDS)).isPresent()) {
            count(side, pending.get());
        }
        int target = side.answers + SURVIVOR_ANSWERS;
        while (side.answers < target) {
            Optional<String> line = side.process.nextLine(120, TimeUnit.SECONDS);
            if (line.isEmpty()) {
                Process p = side.process.process();
                if (!p.isAlive() && p.exitValue() == CrashWorker.OUTCOME_UNKNOWN_EXIT) {
                    return "stopped: a commit of it was cut by the kill (outcome unknown, judged as in flight)";
                }
                fail(side.network + " did not survive the kill in round " + round + " (alive=" + p.isAlive()
                        + "): " + side.process.stderr());
            }
            count(side, line.get());
        }
        return "answered " + SURVIVOR_ANSWERS + " more operations";
    }

    private static void sigkill(Side side, int round) throws InterruptedException {
        Process p = side.process.process();
        assertTrue(p.isAlive(), side.network + " is running when it is killed in round " + round);
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the worker did not die after SIGKILL");
        assertEquals(ChildJvm.SIGKILL_EXIT, p.exitValue(), "ended by SIGKILL");
    }
}
