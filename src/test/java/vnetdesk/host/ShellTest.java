package vnetdesk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vnetdesk.model.ValidationException;

class ShellTest {

    /** Names an administrator (or an attacker with a network name) could type. */
    private static final List<String> HOSTILE = List.of(
            "", " ", "a b", "it's", "'", "''", "\"", "$HOME", "${IFS}", "$(reboot)", "`reboot`", "a;reboot",
            "a&&reboot", "a|reboot", "a\nreboot", "a\rb", "tab\there", "*", "?", "[a-z]", "~root", "-rf", "--",
            "\\", "\\'", "'\\''", "a#b", "#comment", "!", "!!", "{a,b}", "a>b", "<in", "x=1", "one-0-0",
            "onebr.120", "192.0.2.1/24", "2001:db8::1", "\u0001\u0002\u001b[31m");

    @Test
    void plainWordsStayAsTheyAre() {
        assertEquals("one-12-0", Shell.quote("TARGET", "one-12-0"));
        assertEquals("onebr.120", Shell.quote("BRIDGE", "onebr.120"));
        assertEquals("10.0.0.0/16", Shell.quote("NETWORK", "10.0.0.0/16"));
    }

    @Test
    void everythingElseIsSingleQuoted() {
        assertEquals("''", Shell.quote("NAME", ""));
        assertEquals("'a b'", Shell.quote("NAME", "a b"));
        assertEquals("'it'\\''s'", Shell.quote("NAME", "it's"));
        assertEquals("'$(reboot)'", Shell.quote("NAME", "$(reboot)"));
        assertEquals("ip link add 'a;b' type bridge", Shell.command("BRIDGE",
                List.of("ip", "link", "add", "a;b", "type", "bridge")));
    }

    @Test
    void aNulIsRefusedNamingTheFieldAndTheValue() {
        ValidationException e = assertThrows(ValidationException.class, () -> Shell.quote("BRIDGE", "br\0x"));
        assertEquals(Optional.of("BRIDGE"), e.field());
        assertEquals("BRIDGE: \"br\\0x\" contains a NUL character, which no command argument can hold",
                e.getMessage());
    }

    @Test
    void aRealShellGetsBackEveryHostileValueAsOneArgument() throws Exception {
        assertEachComesBack(HOSTILE);
    }

    @Test
    void aRealShellGetsBackRandomAsciiValues() throws Exception {
        Random random = new Random(20261203L);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder v = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                v.append((char) (1 + random.nextInt(127)));
            }
            values.add(v.toString());
        }
        assertEachComesBack(values);
    }

    /** Runs one {@code sh} that prints each quoted word NUL-terminated, and compares the bytes. */
    private static void assertEachComesBack(List<String> values) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh on this machine: quoting not checked by a shell");
        List<String> words = new ArrayList<>(List.of("printf", "%s\\0"));
        words.addAll(values);
        Process p = new ProcessBuilder("/bin/sh", "-c", Shell.command("VALUE", words)).redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), () -> new String(out, StandardCharsets.UTF_8));
        List<String> back = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                back.add(new String(out, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        assertEquals(values, back);
    }
}
