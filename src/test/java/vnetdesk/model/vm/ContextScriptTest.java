package vnetdesk.model.vm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.model.vm.ContextFixtures.ar;
import static vnetdesk.model.vm.ContextFixtures.attrs;
import static vnetdesk.model.vm.ContextFixtures.leased;
import static vnetdesk.model.vm.ContextFixtures.lookup;
import static vnetdesk.model.vm.ContextFixtures.network;
import static vnetdesk.model.vm.ContextFixtures.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;

/** context.sh lines: the quoting, and a real sh reading back every value exactly. */
class ContextScriptTest {

    private static final Path SH = Path.of("/bin/sh");

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', value = {
            "10.0.0.1            => A=\"10.0.0.1\"",
            "~~                  => A=\"\"",
            "say \"hi\"          => A=\"say \\\"hi\\\"\"",
            "$HOME ${X} $(id)    => A=\"\\$HOME \\${X} \\$(id)\"",
            "`id`                => A=\"\\`id\\`\"",
            "C:\\temp\\          => A=\"C:\\\\temp\\\\\"",
            "it's ! &; | < > * ? => A=\"it's ! &; | < > * ?\"",
            "grüße → 東京        => A=\"grüße → 東京\"",
    })
    void valuesAreQuotedWithBackslashesForTheFourCharactersShReadsInsideDoubleQuotes(String value, String line) {
        assertEquals(line + "\n", ContextScript.render(Map.of("A", value)));
    }

    @Test
    void newlinesAndTabsStayInsideTheQuotes() {
        assertEquals("A=\"one\n\ttwo\n\"\n", ContextScript.render(Map.of("A", "one\n\ttwo\n")));
    }

    @Test
    void linesFollowTheGivenOrder() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("ETH1_IP", "10.0.0.2");
        a.put("ETH0_IP", "10.0.0.1");
        a.put("GATEWAY_IFACE", "ETH1");
        assertEquals("ETH1_IP=\"10.0.0.2\"\nETH0_IP=\"10.0.0.1\"\nGATEWAY_IFACE=\"ETH1\"\n", ContextScript.render(a));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "eth0_ip", "0ETH", "ETH0-IP", "ETH0 IP", "A=B", "ÄTH0"})
    void keysThatAreNoShellVariableAreRefused(String key) {
        ValidationException e = assertThrowsExactly(ValidationException.class,
                () -> ContextScript.render(Map.of(key, "x")));
        assertEquals(Optional.of("context attribute name"), e.field());
    }

    @Test
    void aNulCharacterIsRefusedBecauseNoShellVariableCanHoldIt() {
        ValidationException e = assertThrowsExactly(ValidationException.class,
                () -> ContextScript.render(Map.of("ETH0_X", "a\0b")));
        assertEquals(Optional.of("ETH0_X"), e.field());
    }

    /** Every value a guest could be handed, each chosen to break a naive quoting. */
    private static Map<String, String> hostileValues(Path canary) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("PLAIN", "10.0.0.1");
        a.put("EMPTY", "");
        a.put("DOUBLE_QUOTES", "\"quoted\" and \"\"");
        a.put("DOLLAR", "$HOME ${PATH} $1 $# $$ $");
        a.put("SUBSTITUTION", "$(touch " + canary + ") `touch " + canary + "`");
        a.put("BACKSLASHES", "\\ \\\\ \\\" \\$ \\n trailing\\");
        a.put("BACKSLASH_NEWLINE", "line\\\ncontinued");
        a.put("NEWLINES", "\nfirst\nsecond\n\n");
        a.put("SINGLE_QUOTES", "it's 'quoted' '\\''");
        a.put("BANG", "!! !$ !-1 hello!");
        a.put("TABS", "\ta\t\tb\t");
        a.put("UTF8", "grüße → 東京 🙂");
        a.put("BREAKOUT", "\"; touch " + canary + "; X=\"");
        a.put("CARRIAGE_RETURN", "a\r\nb\r");
        return a;
    }

    @Test
    void aRealShSourcingTheFileGetsEveryValueBackExactly(@TempDir Path dir) throws Exception {
        Path canary = dir.resolve("canary");
        Map<String, String> values = hostileValues(canary);
        assertEquals(new ArrayList<>(values.values()), sourceAndRead(dir, ContextScript.render(values),
                new ArrayList<>(values.keySet())));
        assertFalse(Files.exists(canary), "sourcing the file ran a command");
    }

    @Test
    void theContextShOfAVmGivesTheGuestTheNetworksValuesExactly(@TempDir Path dir) throws Exception {
        String motd = "Welcome \"$USER\"!\n`uname` costs $5 \\ it's\tfine — ünïcode";
        VirtualNetwork net = network(1, attrs("GATEWAY", "10.0.0.254", "DNS", "10.0.0.53 10.0.0.54", "MOTD", motd),
                ar(0, "TYPE", "IP4", "IP", "10.0.0.1", "SIZE", "10"));
        GuestContext context = GuestContext.of(vm(Map.of(), leased(0, net, 0, 4)), lookup(net));
        List<String> names = List.of("ETH0_MAC", "ETH0_IP", "ETH0_GATEWAY", "ETH0_DNS", "ETH0_MOTD", "GATEWAY_IFACE");
        assertEquals(List.of("02:00:0a:00:00:05", "10.0.0.5", "10.0.0.254", "10.0.0.53 10.0.0.54", motd, "ETH0"),
                sourceAndRead(dir, context.contextSh(), names));
    }

    /**
     * Writes {@code script} to a file, sources it with {@code /bin/sh} and
     * returns the variables {@code names}, read back NUL-separated so that
     * newlines in values survive.
     */
    private static List<String> sourceAndRead(Path dir, String script, List<String> names)
            throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(SH), "no /bin/sh here: the context.sh round trip needs a POSIX sh");
        Path file = dir.resolve("context.sh");
        Files.writeString(file, script, UTF_8);
        StringBuilder command = new StringBuilder(". \"$1\" && printf '%s\\0'");
        for (String name : names) {
            command.append(" \"$").append(name).append('"');
        }
        Path errors = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(SH.toString(), "-c", command.toString(), "sh", file.toString())
                .directory(dir.toFile()).redirectError(errors.toFile());
        Process sh = builder.start();
        byte[] out = sh.getInputStream().readAllBytes();
        assertTrue(sh.waitFor(30, TimeUnit.SECONDS), "sh did not finish");
        assertEquals(0, sh.exitValue(), () -> "sh failed: " + readQuietly(errors));
        String text = new String(out, UTF_8);
        assertTrue(text.endsWith("\0"), text);
        return List.of(text.substring(0, text.length() - 1).split("\0", -1));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }
}
