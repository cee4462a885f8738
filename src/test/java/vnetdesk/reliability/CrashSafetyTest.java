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

import vnetdesk.model.VirtualNetwork;
import vnetdesk.reliability.AckLedger.InFlight;
import vnetdesk.service.Inventory;

/**
 * Crash safety: a worker JVM performs random holds, releases, reservations and
 * VM NIC allocations on one inventory and is killed with SIGKILL at a random
 * moment, several rounds in a row on the same inventory. After every kill the
 * inventory must open, be internally consistent, and contain every
 * acknowledged operation (and the one in flight entirely or not at all).
 */
class CrashSafetyTest {

    private static final long SEED = 20_250_611L;
    private static final int ROUNDS = 6;
    /** The kill is armed only after this many answered operations, so every round does real work. */
    private static final int MIN_ANSWERS_BEFORE_KILL = 300;
    private static final int MAX_KILL_DELAY_MS = 1500;

    @TempDir
    Path dir;

    /** Figures of one round, printed for docs/reliability.md. */
    private record RoundFigures(int round, int answered, int acked, long killDelayMs, String inFlight,
                                boolean inFlightCommitted, long reopenMs, long leases) {
    }

    @Test
    void everyAcknowledgedOperationSurvivesSigkillAndTheInventoryStaysConsistent() throws Exception {
        Path data = dir.resolve("inventory");
        Random timing = new Random(SEED);
        AckLedger ledger = new AckLedger();
        List<RoundFigures> figures = new ArrayList<>();
        int networkId = -1;
        for (int round = 0; round < ROUNDS; round++) {
            long killDelay = timing.nextInt(MAX_KILL_DELAY_MS + 1);
            int acksBefore = ledger.totalAcks();
            List<String> lines = runAndKill(data, round, killDelay);
            Optional<InFlight> inFlight = ledger.applyRound(lines);

            long start = System.nanoTime();
            try (Inventory inventory = Inventory.openDirectory(data)) {
                long reopenMs = (System.nanoTime() - start) / 1_000_000;
                InventorySnapshot snapshot = InventorySnapshot.read(inventory);
                VirtualNetwork net = snapshot.networkNamed(CrashWorker.NETWORK).orElseThrow();
                if (networkId >= 0) {
                    assertEquals(networkId, net.id(), "the worker's network kept its id");
                }
                networkId = net.id();
                LedgerCheck.Result result = LedgerCheck.compare(ledger, snapshot, networkId, inFlight);
                List<String> broken = new ArrayList<>(ledger.problems());
                broken.addAll(snapshot.violations());
                broken.addAll(result.violations());
                assertTrue(broken.isEmpty(), "after the kill of round " + round + ", " + broken.size()
                        + " broken invariants, the first: " + broken.subList(0, Math.min(20, broken.size())));
                figures.add(new RoundFigures(round, answered(lines), ledger.totalAcks() - acksBefore, killDelay,
                        inFlight.map(InFlight::op).orElse("-"), result.inFlightCommitted(), reopenMs,
                        snapshot.leaseCount()));
            }
        }
        report(figures, ledger);
        assertTrue(ledger.totalAcks() >= ROUNDS * MIN_ANSWERS_BEFORE_KILL / 2,
                "the workers acknowledged only " + ledger.totalAcks() + " operations");
        assertTrue(ledger.acks().keySet().containsAll(List.of("hold", "release", "alloc", "reserve")),
                "every kind of operation was acknowledged at least once: " + ledger.acks());
    }

    /** Runs one worker round, kills it with SIGKILL after the delay, and returns all it printed. */
    private List<String> runAndKill(Path data, int round, long killDelayMs) throws Exception {
        ChildJvm worker = ChildJvm.start(workerJvmOptions(), CrashWorker.class.getName(),
                List.of(data.toString(), Long.toString(SEED), Integer.toString(round)),
                dir.resolve("worker-" + round));
        try {
            awaitAnswers(worker, round);
            Process p = worker.process();
            assertFalse(p.waitFor(killDelayMs, TimeUnit.MILLISECONDS),
                    "the worker of round " + round + " ended by itself: " + worker.stderr());
            ProcessHandle handle = p.toHandle();
            assertTrue(handle.isAlive(), "the worker is running when it is killed");
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the worker did not die after SIGKILL");
            assertEquals(ChildJvm.SIGKILL_EXIT, p.exitValue(), "the worker was ended by SIGKILL (128 + 9)");
            assertFalse(handle.isAlive());
            assertTrue(ProcessHandle.of(handle.pid()).map(h -> !h.isAlive()).orElse(true));
            return worker.stdoutAfterExit(30, TimeUnit.SECONDS);
        } finally {
            worker.destroyIfAlive();
        }
    }

    /** Follows the worker's output until READY and then enough answered operations. */
    private static void awaitAnswers(ChildJvm worker, int round) throws InterruptedException {
        boolean ready = false;
        int answers = 0;
        while (answers < MIN_ANSWERS_BEFORE_KILL) {
            Optional<String> line = worker.nextLine(60, TimeUnit.SECONDS);
            if (line.isEmpty()) {
                fail("the worker of round " + round + " went silent (ready=" + ready + ", answers=" + answers
                        + ", alive=" + worker.process().isAlive() + "): " + worker.stderr());
            }
            ready |= line.get().startsWith("READY ");
            if (line.get().startsWith("ACK ") || line.get().startsWith("NACK ")) {
                answers++;
            }
        }
    }

    private static int answered(List<String> lines) {
        return (int) lines.stream().filter(l -> l.startsWith("ACK ") || l.startsWith("NACK ")).count();
    }

    private static List<String> workerJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            options.add("-Djava.util.logging.config.file=" + logging);
        }
        return options;
    }

    private static void report(List<RoundFigures> figures, AckLedger ledger) {
        System.out.println("crash safety: seed " + SEED + ", " + ROUNDS + " rounds");
        System.out.println("round | answered | acked | kill delay ms | in flight | committed | reopen ms | leases");
        for (RoundFigures f : figures) {
            System.out.printf("%5d | %8d | %5d | %13d | %9s | %9s | %9d | %d%n", f.round(), f.answered(), f.acked(),
                    f.killDelayMs(), f.inFlight(), f.inFlightCommitted(), f.reopenMs(), f.leases());
        }
        System.out.println("acknowledged: " + ledger.acks() + ", refused: " + ledger.nacks()
                + ", holds now: " + ledger.held().size() + ", VM leases: " + ledger.vmLeases().size()
                + ", reservations: " + ledger.reservations().size());
    }
}
