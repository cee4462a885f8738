package vnetdesk.service;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The progress of one bulk hold or release: splits its runs into chunks of
 * at most {@link #CHUNK} indexes (one statement each, so a /8 is not one
 * statement that nobody can watch) and tells the listener every
 * {@link #REPORT_EVERY} addresses, never per address.
 */
final class BulkProgress {

    /** Most indexes one statement writes: about half a second of work on this machine. */
    static final long CHUNK = 1 << 16;

    /** Addresses between two reports when the request is many single addresses. */
    static final long REPORT_EVERY = 1 << 12;

    private final Progress progress;
    private final long total;
    private long done;
    private long reported;

    BulkProgress(Progress progress, String phase, Map<Integer, List<LocatedAddress.Run>> runs) {
        this.progress = progress;
        this.total = runs.values().stream().flatMap(List::stream).mapToLong(LocatedAddress.Run::count).sum();
        progress.phase(phase);
        progress.step(0, total);
    }

    /** The chunks of {@code run}, in index order. */
    static List<LocatedAddress.Run> chunks(LocatedAddress.Run run) {
        if (run.count() <= CHUNK) {
            return List.of(run);
        }
        int n = (int) ((run.count() + CHUNK - 1) / CHUNK);
        return IntStream.range(0, n).mapToObj(i -> new LocatedAddress.Run(run.ar(),
                run.first() + i * CHUNK, Math.min(CHUNK, run.count() - i * CHUNK), run.text())).toList();
    }

    /** {@code count} more addresses are done. */
    void done(long count) {
        done += count;
        if (done - reported >= REPORT_EVERY || done == total) {
            reported = done;
            progress.step(done, total);
        }
    }

    /** Every address is written; the commit follows. */
    void saving() {
        progress.phase("saving");
    }
}
