package vnetdesk.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import vnetdesk.service.Progress;

/**
 * One progress line on standard error, redrawn in place after a carriage
 * return: the stage, percent, a bar, the count, the time so far, the rate
 * and the time left ({@code holding  42% [############.................]
 * 1761607/4194304 0:22 78293/s ETA 0:31}). Redrawn at most every {@link #REDRAW_NANOS} (a new
 * stage, a new total and the last step always), never wider than the
 * terminal, and erased when closed, so the terminal keeps only the command's
 * own output. A line that is off writes nothing. Safe to call from several
 * threads (the hosts of a run report from theirs).
 */
final class ProgressLine implements Progress, AutoCloseable {

    /** Shortest time between two redraws: ten a second is smooth and costs nothing. */
    static final long REDRAW_NANOS = 100_000_000L;

    private static final long SECOND = 1_000_000_000L;
    private static final int BAR_MAX = 30;
    private static final int BAR_MIN = 5;

    private final Optional<PrintStream> err;
    private final int width;
    private final LongSupplier nanos;
    private String stage = "";
    private String note = "";
    private long done;
    private long total;
    private long stageStart;
    private long lastDraw;
    private long drawnTotal;
    private int shown;
    private int paused;
    private Optional<ScheduledExecutorService> ticker = Optional.empty();

    /** A line drawn on {@code err}, at most {@code width} columns wide, timed by {@code nanos}. */
    ProgressLine(PrintStream err, int width, LongSupplier nanos) {
        this(Optional.of(err), width, nanos);
    }

    private ProgressLine(Optional<PrintStream> err, int width, LongSupplier nanos) {
        this.err = err;
        this.width = width;
        this.nanos = nanos;
        this.stageStart = nanos.getAsLong();
    }

    /**
     * A line on {@code err} with the system clock, redrawn every second by a
     * daemon thread so the elapsed time moves while a stage reports nothing
     * (reading a large range's leases, the commit).
     */
    static ProgressLine ticking(PrintStream err, int width) {
        ProgressLine line = new ProgressLine(err, width, System::nanoTime);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress-line");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(line::tick, 250, 250, TimeUnit.MILLISECONDS);
        line.ticker = Optional.of(ticker);
        return line;
    }

    /** A line that draws nothing (not a terminal, or --no-progress). */
    static ProgressLine off() {
        return new ProgressLine(Optional.empty(), 80, () -> 0);
    }

    /**
     * Whether to draw: {@code --progress}/{@code --no-progress} when given,
     * else VNETDESK_PROGRESS=1 or 0, else when standard error is a terminal
     * that is not TERM=dumb.
     */
    static boolean wanted(Optional<Boolean> option, Map<String, String> env, boolean errorIsTerminal) {
        if (option.isPresent()) {
            return option.get();
        }
        String setting = env.getOrDefault("VNETDESK_PROGRESS", "");
        if (setting.equals("1") || setting.equals("0")) {
            return setting.equals("1");
        }
        return errorIsTerminal && !"dumb".equals(env.get("TERM"));
    }

    /** The terminal's width from COLUMNS (when the shell exports it), else 80. */
    static int width(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
            return columns >= 20 ? columns : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    @Override
    public synchronized void phase(String text) {
        stage = text;
        done = 0;
        total = 0;
        stageStart = nanos.getAsLong();
        draw(stageStart);
    }

    @Override
    public synchronized void step(long done, long total) {
        this.done = done;
        this.total = total;
        long now = nanos.getAsLong();
        if (total != drawnTotal || done == total || now - lastDraw >= REDRAW_NANOS) {
            draw(now);
        }
    }

    /** Redraws a line that has not changed for a second, so its elapsed time moves. */
    synchronized void tick() {
        long now = nanos.getAsLong();
        if (shown > 0 && now - lastDraw >= SECOND) {
            draw(now);
        }
    }

    /** A short text after the figures (the host a run is working on), redrawn like a step. */
    synchronized void note(String text) {
        note = text;
        long now = nanos.getAsLong();
        if (now - lastDraw >= REDRAW_NANOS) {
            draw(now);
        }
    }

    /** Prints other output (a host's outcome) above the line: erases it, runs {@code print}, draws it again. */
    synchronized void printAbove(Runnable print) {
        boolean was = shown > 0;
        erase();
        print.run();
        if (was) {
            draw(nanos.getAsLong());
        }
    }

    /** Erases the line and draws nothing until {@link #resume}: a question is being asked on the terminal. */
    synchronized void pause() {
        erase();
        paused++;
    }

    /** Draws again after {@link #pause}. */
    synchronized void resume() {
        paused--;
        if (paused == 0 && !stage.isEmpty()) {
            draw(nanos.getAsLong());
        }
    }

    /** Erases the line; the terminal keeps only what the command printed. */
    @Override
    public synchronized void close() {
        ticker.ifPresent(ScheduledExecutorService::shutdownNow);
        erase();
    }

    /** The text of the line at {@code now} (without the carriage return), at most width - 1 columns. */
    synchronized String text(long now) {
        String noteText = note.isEmpty() ? "" : "  " + note;
        long elapsed = now - stageStart;
        if (total <= 0) {
            return fit(stage + "… " + clock(elapsed / SECOND) + noteText);
        }
        long percent = done >= total ? 100 : Math.min(99, (long) (100.0 * done / total));
        String left = stage + " " + String.format("%3d%%", percent);
        String right = done + "/" + total + " " + clock(elapsed / SECOND) + rateAndEta(elapsed) + noteText;
        int barWidth = Math.min(BAR_MAX, width - 1 - left.length() - right.length() - 4);
        if (barWidth < BAR_MIN) {
            return fit(left + " " + right);
        }
        int filled = (int) (barWidth * Math.min(done, total) / total);
        return fit(left + " [" + "#".repeat(filled) + ".".repeat(barWidth - filled) + "] " + right);
    }

    /** Rate and time left, once a second has passed (before that the rate is noise). */
    private String rateAndEta(long elapsed) {
        if (elapsed < SECOND || done <= 0) {
            return "";
        }
        double perSecond = done * (double) SECOND / elapsed;
        long left = Math.round((total - done) / perSecond);
        // a slow rate (hosts) keeps a decimal, so it does not read 0/s
        String rate = perSecond < 10 ? String.format(Locale.ROOT, "%.1f", perSecond)
                : Long.toString(Math.round(perSecond));
        return " " + rate + "/s ETA " + clock(left);
    }

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private String fit(String line) {
        return line.length() < width ? line : line.substring(0, width - 1);
    }

    private void draw(long now) {
        if (err.isEmpty() || paused > 0) {
            return;
        }
        String line = text(now);
        // spaces cover what is left of a longer line drawn before
        err.get().print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.get().flush();
        shown = line.length();
        lastDraw = now;
        drawnTotal = total;
    }

    private void erase() {
        if (err.isPresent() && shown > 0) {
            err.get().print("\r" + " ".repeat(shown) + "\r");
            err.get().flush();
            shown = 0;
        }
    }
}
