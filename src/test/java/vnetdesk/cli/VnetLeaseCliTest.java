package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases and address ranges through {@link Cli#run}: hold, release, reserve, addar, updatear, rmar, whois. */
class VnetLeaseCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CliRunner cli;
    String net;

    @BeforeEach
    void createNetwork() {
        cli = new CliRunner(dir.resolve("inventory"));
        CliRunner.Result r = cli.runWithInput(VnetCliTest.BRIDGED_IPV4, "vnet", "create", "-");
        assertEquals(0, r.code(), r::toString);
        net = r.out().trim().substring(4);
    }

    private void ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    /** Runs a command that must fail with exit 1 and exactly one error line containing {@code text}. */
    private void fails(String text, String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().endsWith("\n"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains(text), () -> "expected \"" + text + "\" in\n" + r);
    }

    private String leases() {
        CliRunner.Result r = cli.run("vnet", "leases", "private");
        assertEquals(0, r.code(), r::toString);
        return r.out();
    }

    @Test
    void holdsOneAListAndARangeThenReleasesThem() {
        ok("vnet", "hold", "private", "10.0.0.5");
        ok("vnet", "hold", "private", "10.0.0.7", "10.0.0.9");
        ok("vnet", "hold", "private", "10.0.0.20-10.0.0.24", "--ar", "0");
        String held = leases();
        assertEquals(1 + 8, held.lines().count(), held);
        assertTrue(held.lines().findFirst().orElseThrow().matches("AR\\s+OWNER\\s+MAC\\s+IP\\s+IP6"), held);
        assertTrue(held.matches("(?s).*\\n\\s*0\\s+HOLD\\s+02:00:0a:00:00:05\\s+10\\.0\\.0\\.5\\s+-\\n.*"), held);
        assertTrue(held.contains(" 10.0.0.24 "), held);

        ok("vnet", "release", "private", "10.0.0.5", "10.0.0.7");
        ok("vnet", "release", "private", "10.0.0.9", "10.0.0.20-10.0.0.24");
        assertEquals(1, leases().lines().count(), "only the header is left");
    }

    @Test
    void holdAndReleaseErrorsNameTheAddressAndTheOwner() {
        ok("vnet", "hold", "private", "10.0.0.5");
        fails("ADDRESS: 10.0.0.5 is already used by a hold (HOLD) in network " + net + ":private",
                "vnet", "hold", "private", "10.0.0.4-10.0.0.6");
        assertEquals(1 + 1, leases().lines().count(), "all or nothing: 10.0.0.4 was not held");
        fails("ADDRESS: invalid value \"10.0.1.1\": not inside network " + net + ":private",
                "vnet", "hold", "private", "10.0.1.1");
        fails("ADDRESS: invalid value \"nonsense\"", "vnet", "hold", "private", "nonsense");
        fails("AR_ID: invalid value \"3\"", "vnet", "hold", "private", "10.0.0.8", "--ar", "3");
        fails("--ar: invalid value \"x\"", "vnet", "hold", "private", "10.0.0.8", "--ar", "x");
        fails("ADDRESS: 10.0.0.6 is not held (it is free)", "vnet", "release", "private", "10.0.0.6");
        fails("network \"nosuch\" does not exist", "vnet", "release", "nosuch", "10.0.0.6");
    }

    @Test
    void reservesIntoNewAndExistingReservations() {
        CliRunner.Result r = cli.run("vnet", "reserve", "private", "--size", "10", "--name", "mine");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().matches("ID: \\d+\\n"), r::toString);
        ok("vnet", "reserve", "private", "--size", "2", "--into", "mine", "--ip", "10.0.0.50");
        String child = r.out().trim().substring(4);
        CliRunner.Result whois = cli.run("whois", "10.0.0.51");
        assertEquals("10.0.0.51: reserved by NET:" + child + " (reservation mine) in network " + net + ":private, AR 0\n"
                + "10.0.0.51: free (network " + child + ":mine, AR 1)\n", whois.out(), whois::toString);

        fails("--size: invalid value \"abc\": expected a whole number of 1 or more",
                "vnet", "reserve", "private", "--size", "abc", "--name", "x");
        fails("--size: invalid value \"0\": must be at least 1", "vnet", "reserve", "private", "--size", "0",
                "--name", "x");
        fails("--size: invalid value \"99999999999999999999\": number too large (the largest count is 2^63-1)",
                "vnet", "reserve", "private", "--size", "99999999999999999999", "--name", "x");
        fails("not enough contiguous free addresses", "vnet", "reserve", "private", "--size", "99", "--name", "x");
        fails("not enough contiguous free addresses", "vnet", "reserve", "private", "--size", "5", "--name", "x",
                "--ip", "10.0.0.48");
        fails("network \"nosuch\" does not exist", "vnet", "reserve", "private", "--size", "1", "--into", "nosuch");
        assertEquals(2, cli.run("vnet", "reserve", "private", "--size", "1", "--name", "a", "--into", "mine").code());
        assertEquals(2, cli.run("vnet", "reserve", "private", "--size", "1").code());
        assertEquals(2, cli.run("vnet", "reserve", "private", "--name", "a").code());
    }

    @Test
    void addsUpdatesAndRemovesAddressRanges() throws Exception {
        CliRunner.Result added = cli.run("vnet", "addar", "private", "--type", "IP4", "--ip", "10.0.1.1",
                "--size", "10");
        assertEquals("AR_ID: 1\n", added.out(), added::toString);
        Path file = dir.resolve("ar.tpl");
        Files.writeString(file, "AR = [ TYPE = \"IP6_STATIC\", IP6 = \"2001:db8::1\", PREFIX_LENGTH = \"64\", SIZE = \"4\" ]\n");
        CliRunner.Result fromFile = cli.run("vnet", "addar", "private", file.toString());
        assertEquals("AR_ID: 2\n", fromFile.out(), fromFile::toString);
        fails("overlap", "vnet", "addar", "private", "--type", "IP4", "--ip", "10.0.1.5", "--size", "2");
        fails("--size: invalid value \"ten\"", "vnet", "addar", "private", "--type", "IP4", "--ip", "10.0.2.1",
                "--size", "ten");
        assertEquals(2, cli.run("vnet", "addar", "private").code());
        assertEquals(2, cli.run("vnet", "addar", "private", file.toString(), "--size", "3").code());

        ok("vnet", "hold", "private", "10.0.0.50");
        fails("SIZE: invalid value \"10\": used leases would fall outside the range: 10.0.0.50",
                "vnet", "updatear", "private", write("AR = [ AR_ID = 0, SIZE = 10 ]"));
        fails("AR_ID: required attribute is missing", "vnet", "updatear", "private", write("AR = [ SIZE = 10 ]"));
        ok("vnet", "updatear", "private", write("AR = [ AR_ID = 0, SIZE = 60 ]"));
        assertTrue(cli.run("vnet", "show", "private").out().matches("(?s).*\\nIP\\s+10\\.0\\.0\\.1\\s+10\\.0\\.0\\.60\\n.*"));

        fails("address range 0 of network " + net + ":private has 1 used leases; use --force",
                "vnet", "rmar", "private", "0");
        fails("AR_ID: network " + net + ":private has no address range 7", "vnet", "rmar", "private", "7");
        CliRunner.Result forced = cli.run("vnet", "rmar", "private", "0", "--force");
        assertEquals(0, forced.code(), forced::toString);
        assertEquals("dropped lease 10.0.0.50 (HOLD)\n", forced.out());
        assertEquals("10.0.0.50: not in any network\n", cli.run("whois", "10.0.0.50").out());
    }

    private String write(String text) throws Exception {
        Path f = Files.createTempFile(dir, "ar", ".tpl");
        Files.writeString(f, text + "\n");
        return f.toString();
    }

    @Test
    void whoisTellsHeldFreeAndUnknownAddresses() throws Exception {
        ok("vnet", "hold", "private", "10.0.0.5");
        assertEquals("10.0.0.5: held (HOLD) in network " + net + ":private, AR 0\n", cli.run("whois", "10.0.0.5").out());
        assertEquals("10.0.0.6: free (network " + net + ":private, AR 0)\n", cli.run("whois", "10.0.0.6").out());
        assertEquals("02:00:0a:00:00:05: held (HOLD) in network " + net + ":private, AR 0\n",
                cli.run("whois", "02:00:0a:00:00:05").out());
        assertEquals("192.0.2.1: not in any network\n", cli.run("whois", "192.0.2.1").out());
        fails("ADDRESS: invalid value \"1.2.3\"", "whois", "1.2.3");

        JsonNode j = JSON.readTree(cli.run("whois", "10.0.0.5", "--json").out());
        assertEquals("used", j.get("matches").get(0).get("state").asText());
        assertEquals("10.0.0.5", j.get("matches").get(0).get("ip").asText());
        JsonNode leases = JSON.readTree(cli.run("vnet", "leases", "private", "--json").out());
        assertEquals(1, leases.size());
        assertEquals("02:00:0a:00:00:05", leases.get(0).get("mac").asText());
        CliRunner.Result unknown = cli.run("vnet", "leases", "nosuch", "--json");
        assertEquals("", unknown.out(), "nothing on stdout when the network does not exist");
    }
}
