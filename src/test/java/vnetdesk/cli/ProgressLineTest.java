package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The progress line as text: what a sequence of events at given times writes, to the character. */
class ProgressLineTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return s;
    }

    private ProgressLine line(int width) {
        return new ProgressLine(err, width, clock::get);
    }

    @Test
    void drawsStageCountsRateAndTimeLeftThrottledAndErasesAtTheEnd() {
        ProgressLine line = line(80);
        line.phase("holding");
        assertEquals("\rholding… 0:00", written());

        line.step(0, 1000);
        assertEquals("\rholding   0% [" + ".".repeat(30) + "] 0/1000 0:00", written(), "a new total is drawn at once");

        clock.set(50 * MS);
        line.step(100, 1000);
        assertEquals("", written(), "within 100 ms of the last draw nothing is written");

        clock.set(2000 * MS);
        line.step(250, 1000);
        assertEquals("\rholding  25% [" + "#".repeat(7) + ".".repeat(23) + "] 250/1000 0:02 125/s ETA 0:06",
                written());

        clock.set(2010 * MS);
        line.step(1000, 1000);
        assertEquals("\rholding 100% [" + "#".repeat(30) + "] 1000/1000 0:02 498/s ETA 0:00", written(),
                "the last step is drawn even within 100 ms");

        clock.set(2020 * MS);
        line.phase("saving");
        String previous = "holding 100% [" + "#".repeat(30) + "] 1000/1000 0:02 498/s ETA 0:00";
        assertEquals("\rsaving… 0:00" + " ".repeat(previous.length() - "saving… 0:00".length()), written(),
                "spaces cover the rest of the longer line before");

        clock.set(2500 * MS);
        line.tick();
        assertEquals("", written(), "a tick redraws only a line unchanged for a second");
        clock.set(3030 * MS);
        line.tick();
        assertEquals("\rsaving… 0:01", written());

        line.close();
        assertEquals("\r" + " ".repeat("saving… 0:01".length()) + "\r", written());
        line.close();
        assertEquals("", written(), "an erased line is not erased twice");
    }

    @Test
    void aNarrowTerminalLosesTheBarThenTheEndOfTheLine() {
        ProgressLine line = line(40);
        line.phase("holding");
        line.step(5, 10);
        // 39 columns leave 14 for the bar next to "holding  50%" and "5/10 0:00"
        assertEquals("\rholding  50% [#######.......] 5/10 0:00", written().substring("\rholding… 0:00".length()));

        ProgressLine narrow = line(20);
        narrow.phase("releasing");
        narrow.step(5, 10);
        String text = written().substring("\rreleasing… 0:00".length());
        assertEquals("\rreleasing  50% 5/10", text, "cut to width - 1 so the terminal never wraps");
    }

    @Test
    void printAboveErasesTheLinePrintsAndDrawsItAgain() {
        ProgressLine line = line(80);
        line.phase("applying");
        line.step(1, 4);
        written();
        line.printAbove(() -> err.print("host 1: applied\n"));
        String drawn = "applying  25% [#######.......................] 1/4 0:00";
        assertEquals("\r" + " ".repeat(drawn.length()) + "\r" + "host 1: applied\n" + "\r" + drawn, written());
    }

    @Test
    void whileAQuestionIsAskedTheLineIsErasedAndNotDrawn() {
        ProgressLine line = line(80);
        line.phase("applying");
        written();
        line.pause();
        assertEquals("\r" + " ".repeat("applying… 0:00".length()) + "\r", written());
        clock.set(5000 * MS);
        line.step(1, 2);
        line.note("host kvm0: connecting");
        line.tick();
        assertEquals("", written(), "nothing is drawn over the question");
        line.resume();
        // the note leaves 16 columns for the bar; a slow rate keeps a decimal
        assertEquals("\rapplying  50% [" + "#".repeat(8) + ".".repeat(8) + "] 1/2 0:05 0.2/s ETA 0:05"
                + "  host kvm0: connecting", written());
    }

    @Test
    void aNoteFollowsTheFiguresAndIsThrottled() {
        ProgressLine line = line(100);
        line.phase("applying");
        line.step(0, 2);
        written();
        line.note("host kvm0: reading the host");
        assertEquals("", written(), "within 100 ms");
        clock.set(200 * MS);
        line.note("host kvm1: connecting");
        assertEquals("\rapplying   0% [" + ".".repeat(30) + "] 0/2 0:00  host kvm1: connecting", written());
    }

    @Test
    void aLineThatIsOffWritesNothing() {
        ProgressLine off = ProgressLine.off();
        off.phase("holding");
        off.step(1, 2);
        off.printAbove(() -> { });
        off.close();
        assertEquals("", written());
    }

    @Test
    void theOptionWinsThenTheEnvironmentThenTheTerminal() {
        assertTrue(ProgressLine.wanted(Optional.of(true), Map.of("VNETDESK_PROGRESS", "0"), false));
        assertFalse(ProgressLine.wanted(Optional.of(false), Map.of("VNETDESK_PROGRESS", "1"), true));
        assertTrue(ProgressLine.wanted(Optional.empty(), Map.of("VNETDESK_PROGRESS", "1"), false));
        assertFalse(ProgressLine.wanted(Optional.empty(), Map.of("VNETDESK_PROGRESS", "0"), true));
        assertTrue(ProgressLine.wanted(Optional.empty(), Map.of("TERM", "xterm-256color"), true));
        assertFalse(ProgressLine.wanted(Optional.empty(), Map.of("TERM", "xterm-256color"), false));
        assertFalse(ProgressLine.wanted(Optional.empty(), Map.of("TERM", "dumb"), true));
        assertTrue(ProgressLine.wanted(Optional.empty(), Map.of("VNETDESK_PROGRESS", "yes"), true),
                "another value is ignored");
    }

    @Test
    void theWidthComesFromColumnsWhenItIsExported() {
        assertEquals(132, ProgressLine.width(Map.of("COLUMNS", "132")));
        assertEquals(80, ProgressLine.width(Map.of()));
        assertEquals(80, ProgressLine.width(Map.of("COLUMNS", "wide")));
        assertEquals(80, ProgressLine.width(Map.of("COLUMNS", "5")));
    }
}
