package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, usage errors, input files, global options and the inventory lock. */
class CliBehaviourTest {

    @TempDir
    Path dir;

    private void usageError(CliRunner.Result r, String text) {
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().contains(text), r::toString);
        assertTrue(r.err().contains("Usage: "), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void usageErrorsExitWithTwoAndAShortUsage() {
        CliRunner cli = new CliRunner(dir.resolve("inv"));
        usageError(cli.run(), "Missing required subcommand");
        usageError(cli.run("vnet"), "Missing required subcommand");
        usageError(cli.run("vnet", "frobnicate"), "Unmatched argument");
        usageError(cli.run("vnet", "list", "--frob"), "Unknown option: '--frob'");
        usageError(cli.run("vnet", "show"), "Missing required parameter: 'NET'");
        usageError(cli.run("vnet", "show", "1", "--json", "--xml"), "--json and --xml cannot be used together");
        usageError(cli.run("vnet", "hold", "private"), "ADDR");
        usageError(cli.run("export", "--json", "--template"), "mutually exclusive");
    }

    @Test
    void helpWorksWithoutOpeningAnInventory() {
        Path data = dir.resolve("never-created");
        CliRunner cli = new CliRunner(data);
        CliRunner.Result help = cli.run("--help");
        assertEquals(0, help.code(), help::toString);
        assertTrue(help.out().contains("Usage: vnetdesk"), help.out());
        assertTrue(help.out().contains("--data=DIR"), help.out());
        CliRunner.Result vnetHelp = cli.run("vnet", "reserve", "--help");
        assertEquals(0, vnetHelp.code());
        assertTrue(vnetHelp.out().contains("--size=N"), vnetHelp.out());
        assertFalse(Files.exists(data), "the inventory folder was not created");
    }

    @Test
    void unreadableFilesAreNamedInOneErrorLine() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("inv"));
        Path missing = dir.resolve("missing.tpl");
        CliRunner.Result r = cli.run("vnet", "create", missing.toString());
        assertEquals("error: FILE: cannot read " + missing + ": no such file\n", r.err(), r::toString);
        assertEquals(1, r.code());

        Path latin1 = dir.resolve("latin1.tpl");
        Files.write(latin1, "NAME = \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("error: FILE: cannot read " + latin1 + ": not UTF-8 text\n",
                cli.run("vnet", "create", latin1.toString()).err());

        Path big = dir.resolve("big.tpl");
        Files.write(big, new byte[InputFiles.MAX_BYTES + 1]);
        assertEquals("error: FILE: cannot read " + big + ": larger than 16 MiB\n",
                cli.run("vnet", "create", big.toString()).err());

        CliRunner.Result syntax = cli.runWithInput("NAME = \"x\nVN_MAD = fw\n", "vnet", "create", "-");
        assertEquals(1, syntax.code(), syntax::toString);
        assertTrue(syntax.err().startsWith("error: <stdin>: line "), syntax::toString);
        assertEquals(1, syntax.err().lines().count(), syntax::toString);

        CliRunner.Result invalid = cli.runWithInput("NAME = x\nVN_MAD = fw\nVLAN_ID = 7\n", "vnet", "create", "-");
        assertEquals("error: VLAN_ID: invalid value \"7\": only the 802.1Q, vxlan, ovswitch, ovswitch_vxlan, vcenter drivers use a VLAN id\n",
                invalid.err(), invalid::toString);
    }

    @Test
    void globalOptionsAndEnvironmentChooseInventoryAndUser() {
        Path data = dir.resolve("from-env");
        CliRunner.Result created = CliRunner.runRaw(VnetCliTest.BRIDGED_IPV4, Map.of("VNETDESK_DATA", data.toString()),
                "vnet", "create", "-");
        assertEquals(0, created.code(), created::toString);
        assertTrue(Files.isDirectory(data));
        assertTrue(new CliRunner(data).run("vnet", "list").out().contains("private"));

        Path xdg = dir.resolve("xdg");
        assertEquals(0, CliRunner.runRaw("", Map.of("XDG_DATA_HOME", xdg.toString()), "vnet", "list").code());
        assertTrue(Files.isDirectory(xdg.resolve("vnetdesk")));

        CliRunner.Result bob = CliRunner.runRaw("", Map.of("VNETDESK_USER", "bob"), "--data", data.toString(),
                "vnet", "list");
        assertEquals("error: user \"bob\" does not exist\n", bob.err(), bob::toString);
        CliRunner.Result carol = new CliRunner(data).run("--user", "carol", "vnet", "list");
        assertEquals("error: user \"carol\" does not exist\n", carol.err(), carol::toString);

        CliRunner.Result mem = CliRunner.runRaw("", Map.of(), "--db", "jdbc:h2:mem:clitest", "vnet", "list");
        assertEquals(0, mem.code(), mem::toString);
        CliRunner.Result badUrl = CliRunner.runRaw("", Map.of("VNETDESK_DB", "jdbc:postgresql://x/y"), "vnet", "list");
        assertEquals(1, badUrl.code(), badUrl::toString);
        assertTrue(badUrl.err().startsWith("error: --db: unsupported JDBC URL"), badUrl::toString);
    }

    @Test
    void theCliWorksOnAnInventoryAConsoleHasOpen() throws Exception {
        Path data = dir.resolve("shared");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                InventoryHolder.class.getName(), data.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String ready = lines.readLine();
            assertTrue(ready != null && ready.startsWith("open "), "holder did not open the inventory: " + ready);

            CliRunner.Result made = new CliRunner(data).runWithInput("NAME = beside\nVN_MAD = fw\n"
                    + "AR = [ TYPE = IP4, IP = 10.9.0.1, SIZE = 4 ]\n", "vnet", "create", "-");
            assertEquals(0, made.code(), made::toString);
            CliRunner.Result r = new CliRunner(data).run("vnet", "list");
            assertEquals(0, r.code(), r::toString);
            assertEquals("", r.err(), r::toString);
            assertTrue(r.out().contains("beside"), r::toString);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertEquals(0, new CliRunner(data).run("vnet", "list").code(), "usable once the console closed it");
    }
}
