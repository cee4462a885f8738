package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line through {@link Cli#run}: off (tests, pipes, --no-progress,
 * VNETDESK_PROGRESS=0) nothing is added to either stream; forced on, the
 * long commands draw on standard error, erase the line at the end, and write
 * the same standard output.
 */
class ProgressCliTest {

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void createNetwork() {
        cli = new CliRunner(dir.resolve("inventory"));
        CliRunner.Result r = cli.runWithInput(VnetCliTest.BRIDGED_IPV4, "vnet", "create", "-");
        assertEquals(0, r.code(), r::toString);
    }

    private CliRunner.Result run(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--data", dir.resolve("inventory").toString()));
        all.addAll(List.of(args));
        return CliRunner.runRaw("", env, all.toArray(String[]::new));
    }

    private static CliRunner.Result ok(CliRunner.Result r) {
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    /** Standard error holds only redrawn lines, the last one erased: what stays on the terminal is nothing. */
    private static void assertOnlyAnErasedLine(String err) {
        assertTrue(err.startsWith("\r") && err.endsWith("\r"), () -> "a progress line, erased: " + printable(err));
        String[] drawn = err.split("\r", -1);
        String erase = drawn[drawn.length - 2];
        assertTrue(erase.isBlank() && !erase.isEmpty(), () -> "the last line is spaces: " + printable(err));
        assertTrue(!err.contains("\n"), () -> "no line is left behind: " + printable(err));
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Test
    void withoutATerminalOrWithNoProgressNothingIsAdded() {
        for (CliRunner.Result r : List.of(
                run(Map.of(), "vnet", "hold", "private", "10.0.0.1-10.0.0.50"),
                run(Map.of("VNETDESK_PROGRESS", "0"), "vnet", "release", "private", "10.0.0.1-10.0.0.50"),
                run(Map.of("VNETDESK_PROGRESS", "1"), "--no-progress", "vnet", "hold", "private", "10.0.0.1-10.0.0.50"))) {
            ok(r);
            assertEquals("", r.out(), r::toString);
            assertEquals("", r.err(), r::toString);
        }
    }

    @Test
    void aForcedBulkHoldAndReleaseDrawOnStandardErrorOnly() {
        CliRunner.Result hold = ok(run(Map.of(), "--progress", "vnet", "hold", "private", "10.0.0.1-10.0.0.50",
                "10.0.0.60"));
        assertEquals("", hold.out());
        assertTrue(hold.err().contains("\rholding 100% [" + "#".repeat(30) + "] 51/51 0:0"), () -> printable(hold.err()));
        assertTrue(hold.err().contains("\rsaving… 0:0"), () -> printable(hold.err()));
        assertOnlyAnErasedLine(hold.err());

        CliRunner.Result release = ok(run(Map.of("VNETDESK_PROGRESS", "1", "COLUMNS", "40"), "vnet", "release",
                "private", "10.0.0.1-10.0.0.50"));
        assertEquals("", release.out());
        assertTrue(release.err().contains("\rreleasing 100% [###########] 50/50 0:0"), () -> printable(release.err()));
        for (String drawn : release.err().split("\r")) {
            assertTrue(drawn.length() <= 39, () -> "COLUMNS=40 is respected: " + printable(drawn));
        }
        assertOnlyAnErasedLine(release.err());
    }

    @Test
    void aRefusalIsPrintedAfterTheErasedLine() {
        ok(run(Map.of(), "vnet", "hold", "private", "10.0.0.7"));
        CliRunner.Result r = run(Map.of(), "--progress", "vnet", "hold", "private", "10.0.0.1-10.0.0.50");
        assertEquals(1, r.code(), r::toString);
        int error = r.err().indexOf("error: ADDRESS: 10.0.0.7 is already used");
        assertTrue(error > 0, () -> printable(r.err()));
        assertOnlyAnErasedLine(r.err().substring(0, error));
        assertTrue(r.err().endsWith("\n") && r.err().substring(error).lines().count() == 1, () -> printable(r.err()));
    }

    @Test
    void exportAndImportWriteTheSameOutputWithAProgressLine() throws IOException {
        ok(run(Map.of(), "vnet", "hold", "private", "10.0.0.1-10.0.0.20"));
        for (String[] format : List.of(new String[] {}, new String[] {"--json"}, new String[] {"--template"})) {
            List<String> args = new ArrayList<>(List.of("export"));
            args.addAll(List.of(format));
            CliRunner.Result quiet = ok(run(Map.of(), args.toArray(String[]::new)));
            args.add(0, "--progress");
            CliRunner.Result shown = ok(run(Map.of(), args.toArray(String[]::new)));
            assertEquals(quiet.out(), shown.out(), "export " + List.of(format));
            assertEquals("", quiet.err());
            assertTrue(shown.err().contains("exporting networks 100% ["), () -> printable(shown.err()));
            assertOnlyAnErasedLine(shown.err());
        }

        Path xml = dir.resolve("net.xml");
        Files.writeString(xml, ok(run(Map.of(), "export", "private")).out().replace("private", "copy"));
        // a copy beside the original: the file's id 0 is taken, so the copy takes a new one
        CliRunner.Result imported = ok(run(Map.of(), "--progress", "import", "--as-new", xml.toString()));
        assertEquals("ID: 1\n", imported.out());
        assertTrue(imported.err().contains("\rimporting networks 100% [") && imported.err().contains("] 1/1 "),
                () -> printable(imported.err()));
        assertTrue(imported.err().contains("\rimporting leases 100% [") && imported.err().contains("] 20/20 "),
                () -> printable(imported.err()));
        assertOnlyAnErasedLine(imported.err());
    }

    @Test
    void aHostRunCountsTheHostsAndPrintsTheSameOutcomes() {
        int port = closedPort();
        ok(run(Map.of(), "host", "create", "kvm1", "--address", "127.0.0.1", "--port", String.valueOf(port)));
        ok(run(Map.of(), "host", "create", "kvm2"));

        CliRunner.Result quiet = run(Map.of(), "host", "plan", "--all");
        CliRunner.Result shown = run(Map.of(), "--progress", "host", "plan", "--all");
        assertEquals(1, shown.code(), shown::toString);
        assertEquals(quiet.out(), shown.out());
        assertTrue(shown.err().matches("(?s).*\rplanning 100% \\[#+\\] 2/2 .*"), () -> printable(shown.err()));
        assertOnlyAnErasedLine(shown.err());

        CliRunner.Result applyQuiet = run(Map.of(), "host", "apply", "--all");
        CliRunner.Result apply = run(Map.of(), "--progress", "host", "apply", "--all");
        assertEquals(1, apply.code(), apply::toString);
        assertEquals(applyQuiet.out().lines().sorted().toList(), apply.out().lines().sorted().toList(),
                "the same outcomes (in the order the hosts finish)");
        assertTrue(apply.err().matches("(?s).*\rapplying 100% \\[#+\\] 2/2 .*"), () -> printable(apply.err()));
        assertOnlyAnErasedLine(apply.err());
    }

    @Test
    void theHelpNamesTheOption() {
        CliRunner.Result help = CliRunner.runRaw("", Map.of(), "--help");
        assertTrue(help.out().contains("--[no-]progress"), help::toString);
        assertTrue(help.out().contains("VNETDESK_PROGRESS"), help::toString);
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
