package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vnetdesk.template.TemplateAttribute.Single;
import vnetdesk.template.TemplateAttribute.Vector;

class TemplateWriterTest {

    private static Template roundTrip(Template t) {
        return TemplateParser.parse(TemplateWriter.write(t), "template");
    }

    @Test
    void writesQuotedSinglesAndOneEntryPerLineVectors() {
        Template t = Template.of(
                new Single("NAME", "private-net"),
                Vector.of("AR", "TYPE", "IP4", "IP", "10.0.0.1"),
                new Vector("EMPTY", List.of()),
                Vector.of("ONE", "K", "v"));
        assertEquals("""
                NAME = "private-net"
                AR = [
                  TYPE = "IP4",
                  IP = "10.0.0.1" ]
                EMPTY = [ ]
                ONE = [
                  K = "v" ]
                """, TemplateWriter.write(t));
    }

    @Test
    void emptyTemplateIsTheEmptyString() {
        assertEquals("", TemplateWriter.write(Template.empty()));
    }

    @Test
    void quotesAndBackslashesAreEscapedAndEverythingElseIsWrittenAsItIs() {
        Template t = Template.of(new Single("A", "say \"hi\" \\ # = [x]\nnext line é😀"));
        assertEquals("A = \"say \\\"hi\\\" \\\\ # = [x]\nnext line é😀\"\n", TemplateWriter.write(t));
    }

    @Test
    void namesAreWrittenUpperCase() {
        assertEquals("VN_MAD = \"fw\"\n", TemplateWriter.write(Template.of(new Single("vn_mad", "fw"))));
    }

    @Test
    void nastyValuesSurviveARoundTrip() {
        Template t = Template.of(
                new Single("EMPTY", ""),
                new Single("QUOTE", "\""),
                new Single("BACKSLASH", "\\"),
                new Single("BACKSLASH_QUOTE", "\\\""),
                new Single("ENDS_WITH_BACKSLASH", "abc\\"),
                new Single("HASH", "# not a comment"),
                new Single("SYNTAX", "A = [ B = 1, C = \"2\" ]"),
                new Single("LINES", "\n\r\n\r\t line \n"),
                new Single("UNICODE", "é 漢字 😀 \u00A0 \u2028 \uFEFF"),
                Vector.of("V", "Q", "\"\"", "B", "\\\\", "N", "\n", "E", ""),
                new Vector("EMPTY_V", List.of()));
        assertEquals(t, roundTrip(t));
    }

    @Test
    void specExamplesSurviveARoundTrip() {
        String[] examples = {
            """
            NAME = "private-net"   # the client network
            VN_MAD = "fw"
            BRIDGE = br0
            AR = [ TYPE = "IP4", IP = "10.0.0.1", SIZE = "100" ]
            DNS = "8.8.8.8 1.1.1.1"
            """,
            """
            name = vlan-net
            ar = [ type = ip4_6, ip = 192.168.50.10, size = 20, global_prefix = "2001:db8:50::" ]
            ar = [
              type = ether,
              size = 10
            ]
            """,
            """
            DESCRIPTION = "He said \\"hello\\"
            and left"
            """,
        };
        for (String example : examples) {
            Template t = TemplateParser.parse(example, "example");
            assertEquals(t, roundTrip(t));
        }
    }

    @Test
    void randomTemplatesSurviveARoundTripAndWriteStably() {
        Random random = new Random(20240517L);
        for (int i = 0; i < 2_000; i++) {
            Template t = randomTemplate(random);
            String text = TemplateWriter.write(t);
            Template back = TemplateParser.parse(text, "random-" + i);
            assertEquals(t, back, () -> "round trip failed for:\n" + text);
            assertEquals(text, TemplateWriter.write(back));
        }
    }

    private static final String[] PIECES = {
        "a", "Z", "0", " ", "\t", "\n", "\r", "\r\n", "\"", "\\", "\\\"", "\\\\", "\"\"", "#", "=", ",",
        "[", "]", "[ ]", "# x\n", "é", "漢", "😀", "\u00A0", "\u2028", "\uFEFF", "'", "`", "$", "{", "}",
        "A = 1", "\\n", "*", ":", "/", ".",
    };

    private static Template randomTemplate(Random random) {
        int count = random.nextInt(12);
        List<TemplateAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (random.nextInt(3) == 0) {
                int entries = random.nextInt(6);
                Set<String> keys = new HashSet<>();
                List<Single> singles = new ArrayList<>();
                for (int e = 0; e < entries; e++) {
                    String key = randomName(random);
                    if (keys.add(key.toUpperCase(java.util.Locale.ROOT))) {
                        singles.add(new Single(key, randomValue(random)));
                    }
                }
                attributes.add(new Vector(randomName(random), singles));
            } else {
                attributes.add(new Single(randomName(random), randomValue(random)));
            }
        }
        return new Template(attributes);
    }

    private static String randomName(Random random) {
        String first = "abcXYZ_";
        String rest = "abcXYZ_019-";
        StringBuilder b = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            b.append(rest.charAt(random.nextInt(rest.length())));
        }
        return b.toString();
    }

    private static String randomValue(Random random) {
        if (random.nextInt(8) == 0) {
            return "";
        }
        int length = random.nextInt(10);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }
}
