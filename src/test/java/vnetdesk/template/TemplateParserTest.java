package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vnetdesk.model.SyntaxException;
import vnetdesk.template.TemplateAttribute.Single;
import vnetdesk.template.TemplateAttribute.Vector;

class TemplateParserTest {

    private static Template parse(String text) {
        return TemplateParser.parse(text, "template");
    }

    /** Parses text that must fail and checks where. */
    private static SyntaxException failsAt(String text, int line, int column) {
        SyntaxException e = assertThrows(SyntaxException.class, () -> parse(text));
        assertEquals(line, e.line(), () -> "line of: " + e.getMessage());
        assertEquals(column, e.column(), () -> "column of: " + e.getMessage());
        return e;
    }

    private static void assertMentions(SyntaxException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected \"" + part + "\" in: " + e.getMessage());
        }
    }

    @Nested
    class SpecExamples {

        @Test
        void quotedAndBareValuesWithCommentAndOneVector() {
            Template t = parse("""
                    NAME = "private-net"   # the client network
                    VN_MAD = "fw"
                    BRIDGE = br0
                    AR = [ TYPE = "IP4", IP = "10.0.0.1", SIZE = "100" ]
                    DNS = "8.8.8.8 1.1.1.1"
                    """);
            assertEquals(Template.of(
                    new Single("NAME", "private-net"),
                    new Single("VN_MAD", "fw"),
                    new Single("BRIDGE", "br0"),
                    Vector.of("AR", "TYPE", "IP4", "IP", "10.0.0.1", "SIZE", "100"),
                    new Single("DNS", "8.8.8.8 1.1.1.1")), t);
        }

        @Test
        void lowerCaseNamesBareValuesAndMultiLineVector() {
            Template t = parse("""
                    name = vlan-net
                    vn_mad = 802.1Q
                    phydev = eth0
                    vlan_id = 50
                    ar = [ type = ip4_6, ip = 192.168.50.10, size = 20, global_prefix = "2001:db8:50::" ]
                    ar = [
                      type = ether,
                      size = 10
                    ]
                    """);
            assertEquals(Template.of(
                    new Single("NAME", "vlan-net"),
                    new Single("VN_MAD", "802.1Q"),
                    new Single("PHYDEV", "eth0"),
                    new Single("VLAN_ID", "50"),
                    Vector.of("AR", "TYPE", "ip4_6", "IP", "192.168.50.10", "SIZE", "20",
                            "GLOBAL_PREFIX", "2001:db8:50::"),
                    Vector.of("AR", "TYPE", "ether", "SIZE", "10")), t);
        }

        @Test
        void escapedQuotesInAValueSpanningTwoLines() {
            Template t = parse("""
                    NAME = "static v6"
                    DESCRIPTION = "He said \\"hello\\"
                    and left"
                    VN_MAD = "bridge"
                    AR = [ TYPE = "IP6_STATIC", IP6 = "2001:db8::10", PREFIX_LENGTH = "64", SIZE = "5" ]
                    """);
            assertEquals(Template.of(
                    new Single("NAME", "static v6"),
                    new Single("DESCRIPTION", "He said \"hello\"\nand left"),
                    new Single("VN_MAD", "bridge"),
                    Vector.of("AR", "TYPE", "IP6_STATIC", "IP6", "2001:db8::10", "PREFIX_LENGTH", "64",
                            "SIZE", "5")), t);
        }
    }

    @Nested
    class Names {

        @Test
        void namesAreStoredUpperCaseAndLookedUpInAnyCase() {
            Template t = parse("Vn_Mad = bridge\nar = [ Ip = 10.0.0.1 ]\n");
            assertEquals("VN_MAD", t.attributes().get(0).name());
            assertEquals(Optional.of("bridge"), t.single("vn_mad"));
            assertEquals(Optional.of("bridge"), t.single("VN_MAD"));
            Vector ar = t.vectors("Ar").get(0);
            assertEquals("AR", ar.name());
            assertEquals(List.of("IP"), ar.keys());
            assertEquals(Optional.of("10.0.0.1"), ar.get("ip"));
            assertEquals(Optional.of("10.0.0.1"), ar.get("IP"));
        }

        @Test
        void valuesKeepTheirCase() {
            assertEquals(Optional.of("Br0"), parse("bridge = Br0").single("BRIDGE"));
        }

        @Test
        void namesMayHoldDigitsUnderscoresAndDashes() {
            Template t = parse("_X-1_y = 1\nA9 = 2");
            assertEquals(List.of("_X-1_Y", "A9"), t.attributes().stream().map(TemplateAttribute::name).toList());
        }

        @Test
        void nameStartingWithADigitIsRejectedNamingIt() {
            SyntaxException e = failsAt("A = 1\n1ABC = 2\n", 2, 1);
            assertMentions(e, "invalid attribute name '1ABC'", "cannot start with '1'");
        }

        @Test
        void nameWithADotIsRejectedNamingItAndTheCharacter() {
            SyntaxException e = failsAt("  NA.ME = 2\n", 1, 3);
            assertMentions(e, "invalid attribute name 'NA.ME'", "'.' is not allowed");
        }

        @Test
        void invalidKeyInsideAVectorIsRejected() {
            SyntaxException e = failsAt("AR = [ TYPE = IP4,\n   S!ZE = 3 ]", 2, 4);
            assertMentions(e, "invalid attribute name 'S!ZE'");
        }
    }

    @Nested
    class CommentsAndLayout {

        @Test
        void commentsAreIgnoredButHashInsideQuotesIsKept() {
            Template t = parse("""
                    # a whole-line comment
                    A = "x # not a comment" # a comment
                    B = y#comment right after a bare value
                       # indented comment
                    """);
            assertEquals(Template.of(new Single("A", "x # not a comment"), new Single("B", "y")), t);
        }

        @Test
        void commentsAndBlankLinesInsideAVector() {
            Template t = parse("AR = [ # addresses\n\n  TYPE = IP4, # kind\n  SIZE = 2 # count\n] # end\n");
            assertEquals(Template.of(Vector.of("AR", "TYPE", "IP4", "SIZE", "2")), t);
        }

        @Test
        void emptyOrCommentOnlyInputIsAnEmptyTemplate() {
            assertEquals(Template.empty(), parse(""));
            assertEquals(Template.empty(), parse("\n\n   \t\n# only a comment"));
        }

        @Test
        void crlfTabsBlankLinesAndNoFinalNewlineAreAccepted() {
            Template t = parse("\r\n\tA\t=\t1 \r\n\r\n  AR = [\r\n  X = 1 ,\r\n  Y = 2\r\n]\r\nB = 2");
            assertEquals(Template.of(new Single("A", "1"), Vector.of("AR", "X", "1", "Y", "2"),
                    new Single("B", "2")), t);
        }

        @Test
        void leadingByteOrderMarkIsIgnored() {
            assertEquals(Template.of(new Single("A", "1")), parse("\uFEFFA = 1"));
        }

        @Test
        void noSpacesAroundEqualsSignsAndCommasIsFine() {
            assertEquals(Template.of(new Single("A", "1"), Vector.of("V", "X", "a", "Y", "b")),
                    parse("A=1\nV=[X=a,Y=b]"));
        }
    }

    @Nested
    class Values {

        @Test
        void quotedValueMaySpanSeveralLinesAndKeepsTheLineBreaksAsWritten() {
            Template t = parse("A = \"one\ntwo\r\nthree\n\"\nB = 2");
            assertEquals(Optional.of("one\ntwo\r\nthree\n"), t.single("A"));
            assertEquals(Optional.of("2"), t.single("B"));
        }

        @Test
        void escapedQuoteAndBackslashAreUnescaped() {
            assertEquals(Optional.of("a\"b\\c\\"), parse("A = \"a\\\"b\\\\c\\\\\"").single("A"));
        }

        @Test
        void otherBackslashSequencesAreKeptAsWritten() {
            assertEquals(Optional.of("C:\\dir\\n"), parse("A = \"C:\\dir\\n\"").single("A"));
        }

        @Test
        void emptyQuotedValueIsAnEmptyString() {
            Template t = parse("A = \"\"\nV = [ K = \"\" ]");
            assertEquals(Optional.of(""), t.single("A"));
            assertEquals(Optional.of(""), t.vectors("V").get(0).get("K"));
        }

        @Test
        void bareValuesMayHoldUnicodeBackslashesAndPunctuation() {
            assertEquals(Optional.of("été\\x:/.;!&*é😀"), parse("A = été\\x:/.;!&*é😀").single("A"));
        }

        @Test
        void quotedValuesMayHoldTabsUnicodeAndSpecialCharacters() {
            assertEquals(Optional.of("\t= , [ ] # 漢字 😀"), parse("A = \"\t= , [ ] # 漢字 😀\"").single("A"));
        }
    }

    @Nested
    class Vectors {

        @Test
        void severalVectorsWithTheSameNameAreAllKeptInOrder() {
            Template t = parse("""
                    AR = [ IP = 10.0.0.1 ]
                    NAME = n
                    AR = [ IP = 10.0.0.2 ]
                    AR = [ IP = 10.0.0.3 ]
                    """);
            assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"),
                    t.vectors("AR").stream().map(v -> v.get("IP").orElseThrow()).toList());
            assertEquals(List.of("AR", "NAME", "AR", "AR"),
                    t.attributes().stream().map(TemplateAttribute::name).toList());
        }

        @Test
        void repeatedTopLevelSinglesAreAllKeptAndSingleReturnsTheFirst() {
            Template t = parse("DNS = a\nDNS = b\n");
            assertEquals(List.of(new Single("DNS", "a"), new Single("DNS", "b")), t.singles());
            assertEquals(Optional.of("a"), t.single("dns"));
        }

        @Test
        void trailingCommaBeforeClosingBracketIsTolerated() {
            assertEquals(Template.of(Vector.of("AR", "A", "1", "B", "2")), parse("AR = [ A = 1, B = 2, ]"));
            assertEquals(Template.of(Vector.of("AR", "A", "1")), parse("AR = [\n A = 1,\n]\n"));
        }

        @Test
        void emptyVectorIsAllowed() {
            assertEquals(Template.of(new Vector("X", List.of())), parse("X = [ ]"));
            assertEquals(Template.of(new Vector("X", List.of())), parse("X = [\n\n]\n"));
            assertEquals(Template.of(new Vector("X", List.of())), parse("X=[]"));
        }

        @Test
        void newlinesAroundCommasAndBracketsAreAllowed() {
            Template t = parse("AR =\t[\n\n A = 1\n ,\n B = 2\n\n ]\n");
            assertEquals(Template.of(Vector.of("AR", "A", "1", "B", "2")), t);
        }

        @Test
        void vectorWithExactlyTheMaximumNumberOfEntriesIsAccepted() {
            StringBuilder b = new StringBuilder("V = [\n");
            for (int i = 0; i < TemplateAttribute.Vector.MAX_ENTRIES; i++) {
                b.append("K").append(i).append(" = ").append(i).append(",\n");
            }
            b.append("]\n");
            assertEquals(TemplateAttribute.Vector.MAX_ENTRIES, parse(b.toString()).vectors("V").get(0).entries().size());
        }
    }

    @Nested
    class Errors {

        @Test
        void messageCarriesSourceLabelLineAndColumn() {
            SyntaxException e = assertThrows(SyntaxException.class, () -> TemplateParser.parse("NAME [", "net.tmpl"));
            assertEquals("net.tmpl: line 1, column 6: expected '=' after attribute name NAME, found '['",
                    e.getMessage());
        }

        @Test
        void unterminatedStringIsReportedWhereItStarted() {
            SyntaxException e = failsAt("NAME = \"x\"\nDESC  = \"abc\ndef\nGHI = 1\n", 2, 9);
            assertMentions(e, "unterminated quoted string");
        }

        @Test
        void escapedQuoteAtTheEndDoesNotCloseTheString() {
            failsAt("A = \"abc\\\"", 1, 5);
        }

        @Test
        void missingClosingBracketAtEndOfInputIsReportedAtTheOpeningBracket() {
            SyntaxException e = failsAt("A = 1\nAR = [ TYPE = \"IP4\",\n  IP = \"10.0.0.1\"\n", 2, 6);
            assertMentions(e, "missing ']'", "vector AR");
        }

        @Test
        void missingClosingBracketBeforeTheNextAttributeIsReportedAtThatAttribute() {
            SyntaxException e = failsAt("AR = [ TYPE = \"IP4\"\nNAME = x\n", 2, 1);
            assertEquals("template: line 2, column 1: expected ',' or ']' after the value of TYPE in vector AR "
                    + "(opened at line 1, column 6), found 'NAME'", e.getMessage());
        }

        @Test
        void strayClosingBracketOnItsOwnLine() {
            SyntaxException e = failsAt("NAME = x\n  ]\n", 2, 3);
            assertMentions(e, "unexpected ']'");
        }

        @Test
        void secondClosingBracketAfterAVector() {
            SyntaxException e = failsAt("AR = [ A = 1 ] ]", 1, 16);
            assertMentions(e, "expected end of line after the ']' of vector AR, found ']'");
        }

        @Test
        void strayClosingBracketAfterASingleValue() {
            SyntaxException e = failsAt("A = 1 ]", 1, 7);
            assertMentions(e, "expected end of line after the value of A, found ']'");
        }

        @Test
        void equalsSignWithoutAName() {
            SyntaxException e = failsAt("A = 1\n  = 2\n", 2, 3);
            assertMentions(e, "'=' without an attribute name");
        }

        @Test
        void equalsSignWithoutAKeyInsideAVector() {
            failsAt("AR = [ A = 1,\n = 2 ]", 2, 2);
        }

        @Test
        void bareValueContainingAQuote() {
            SyntaxException e = failsAt("BRIDGE = br\"0\"", 1, 12);
            assertMentions(e, "'\"' is not allowed inside the bare value 'br'");
        }

        @Test
        void bareValueContainingAQuoteInsideAVector() {
            failsAt("AR = [ IP = 10.0\"0.1\" ]", 1, 17);
        }

        @Test
        void twoAttributesOnOneLine() {
            SyntaxException e = failsAt("A = 1 B = 2", 1, 7);
            assertMentions(e, "expected end of line after the value of A, found 'B'");
        }

        @Test
        void quotedValueFollowedByMoreText() {
            failsAt("A = \"x\"y", 1, 8);
        }

        @Test
        void missingValue() {
            SyntaxException e = failsAt("A =\nB = 1", 1, 4);
            assertMentions(e, "expected a value or '[' after 'A =', found end of line");
            failsAt("A = ", 1, 5);
        }

        @Test
        void missingValueInsideAVector() {
            SyntaxException e = failsAt("AR = [ A = , B = 1 ]", 1, 12);
            assertMentions(e, "expected a value after 'A =' in vector AR, found ','");
        }

        @Test
        void nameWithoutEqualsSign() {
            SyntaxException e = failsAt("A = 1\nLONELY\n", 2, 7);
            assertMentions(e, "expected '=' after attribute name LONELY, found end of line");
        }

        @Test
        void quotedName() {
            SyntaxException e = failsAt("\"A\" = 1", 1, 1);
            assertMentions(e, "expected an attribute name, found a quoted string");
        }

        @Test
        void nestedVectorIsRejected() {
            SyntaxException e = failsAt("AR = [ A = [ B = 1 ] ]", 1, 12);
            assertMentions(e, "nested vectors are not allowed");
        }

        @Test
        void repeatedKeyInsideAVectorIsRejectedEvenInAnotherCase() {
            SyntaxException e = failsAt("AR = [ TYPE = IP4,\n  type = IP6 ]", 2, 3);
            assertMentions(e, "attribute TYPE repeated inside vector AR");
        }

        @Test
        void doubleCommaInsideAVector() {
            SyntaxException e = failsAt("AR = [ A = 1,, B = 2 ]", 1, 14);
            assertMentions(e, "expected an attribute name or ']' in vector AR (opened at line 1, column 6), found ','");
        }

        @Test
        void leadingCommaInsideAVector() {
            failsAt("AR = [ , A = 1 ]", 1, 8);
        }

        @Test
        void missingCommaBetweenEntriesOnOneLine() {
            SyntaxException e = failsAt("AR = [ A = 1 B = 2 ]", 1, 14);
            assertMentions(e, "expected ',' or ']' after the value of A");
        }

        @Test
        void nulOutsideAStringIsRejected() {
            SyntaxException e = failsAt("A = 1\n\0", 2, 1);
            assertMentions(e, "control character U+0000");
        }

        @Test
        void controlCharacterInABareValueIsRejected() {
            failsAt("A = ab\u0007c", 1, 7);
        }

        @Test
        void controlCharacterInACommentIsRejected() {
            failsAt("A = 1 # bell\u0007", 1, 13);
        }

        @Test
        void controlCharacterInsideAQuotedStringIsRejected() {
            SyntaxException e = failsAt("A = \"line\none\u0001\"", 2, 4);
            assertMentions(e, "control character U+0001", "inside a quoted string");
        }

        @Test
        void deleteAndC1ControlCharactersAreRejected() {
            failsAt("A = \"\u007f\"", 1, 6);
            failsAt("A = \u0085", 1, 5);
        }

        @Test
        void columnsCountCharactersNotUtf16Units() {
            // 😀 is two UTF-16 units but one character.
            failsAt("DESC = \"😀\" X", 1, 12);
            failsAt("É = 1", 1, 1);
        }

        @Test
        void linesCountCrLfAsOneBreakAndLoneCrAsABreak() {
            failsAt("A = 1\r\nB = 2\r\nC [", 3, 3);
            failsAt("A = 1\rB [", 2, 3);
        }

        @Test
        void tabCountsAsOneColumn() {
            failsAt("\tA\t[", 1, 4);
        }

        @Test
        void byteOrderMarkDoesNotShiftColumns() {
            failsAt("\uFEFFA [", 1, 3);
        }
    }

    @Nested
    class Limits {

        private final Duration guard = Duration.ofSeconds(10);

        @Test
        void inputLargerThan16MiBIsRefused() {
            String big = "A = " + "x".repeat(TemplateParser.MAX_INPUT_BYTES);
            SyntaxException e = assertTimeoutPreemptively(guard,
                    () -> assertThrows(SyntaxException.class, () -> parse(big)));
            assertMentions(e, "larger than 16 MiB");
        }

        @Test
        void sizeLimitCountsUtf8BytesNotCharacters() {
            // 6 Mi characters of 'é' are 12 MiB of UTF-8: fine; 9 Mi are 18 MiB: refused.
            int mi = 1024 * 1024;
            assertEquals(6 * mi, parse("A = " + "é".repeat(6 * mi)).single("A").orElseThrow().length());
            SyntaxException e = assertThrows(SyntaxException.class, () -> parse("A = " + "é".repeat(9 * mi)));
            assertMentions(e, "larger than 16 MiB");
        }

        @Test
        void vectorWithTooManyEntriesIsRefused() {
            StringBuilder b = new StringBuilder("V = [");
            for (int i = 0; i <= TemplateAttribute.Vector.MAX_ENTRIES; i++) {
                b.append("\nK").append(i).append(" = 1,");
            }
            b.append("]");
            SyntaxException e = failsAt(b.toString(), TemplateAttribute.Vector.MAX_ENTRIES + 2, 1);
            assertMentions(e, "too many entries in vector V", "10000");
        }

        @Test
        void templateWithTooManyAttributesIsRefused() {
            String text = "A = 1\n".repeat(Template.MAX_ATTRIBUTES + 1);
            SyntaxException e = failsAt(text, Template.MAX_ATTRIBUTES + 1, 1);
            assertMentions(e, "too many attributes", "100000");
        }

        @Test
        void templateWithExactlyTheMaximumNumberOfAttributesIsAccepted() {
            String text = "A = 1\n".repeat(Template.MAX_ATTRIBUTES);
            assertEquals(Template.MAX_ATTRIBUTES, parse(text).attributes().size());
        }
    }

    @Nested
    class HostileInput {

        private final Duration guard = Duration.ofSeconds(10);

        private SyntaxException failsQuickly(String text) {
            return assertTimeoutPreemptively(guard, () -> assertThrows(SyntaxException.class, () -> parse(text)));
        }

        @Test
        void hugeNestingOfOpeningBrackets() {
            String brackets = "[".repeat(1_000_000);
            assertEquals(1, failsQuickly(brackets).column());
            assertEquals(7, failsQuickly("AR = " + brackets).column());
            assertEquals(12, failsQuickly("AR = [ A = " + brackets).column());
        }

        @Test
        void oneMegabyteOfQuotes() {
            String quotes = "\"".repeat(1 << 20);
            assertMentions(failsQuickly(quotes), "found a quoted string");
            failsQuickly("A = " + quotes);
            failsQuickly("A = " + quotes + "\"");
            assertEquals(5, failsQuickly("A = \"" + "\\\"".repeat(1 << 19)).column());
        }

        @Test
        void binaryBytes() {
            byte[] bytes = new byte[1 << 20];
            new Random(42).nextBytes(bytes);
            failsQuickly(new String(bytes, StandardCharsets.ISO_8859_1));
            failsQuickly(new String(bytes, StandardCharsets.UTF_8));
            failsQuickly("A = \"" + new String(bytes, StandardCharsets.ISO_8859_1) + "\"");
        }

        @Test
        void fiveMegabyteSingleLine() {
            int size = 5 * 1024 * 1024;
            assertEquals(size + 6, failsQuickly("A = " + "x".repeat(size) + " B = 1").column());
            assertEquals(size + 5, failsQuickly("A = " + "x".repeat(size) + "\"").column());
            assertEquals(5, failsQuickly("A=1 ".repeat(size / 4)).column());
            assertEquals(size + 1, failsQuickly(" ".repeat(size) + "=").column());
        }

        @Test
        void manyVectorsDoNotMakeTheParserQuadratic() {
            String vectors = "AR = [ A = 1, B = 2 ]\n".repeat(Template.MAX_ATTRIBUTES);
            Template t = assertTimeoutPreemptively(guard, () -> parse(vectors));
            assertEquals(Template.MAX_ATTRIBUTES, t.vectors("AR").size());
            String broken = "AR = [ A = 1, B = 2 ]\n".repeat(Template.MAX_ATTRIBUTES - 1) + "AR = [ A = 1 B ]";
            SyntaxException e = failsQuickly(broken);
            assertEquals(Template.MAX_ATTRIBUTES, e.line());
            assertMentions(e, "(opened at line " + Template.MAX_ATTRIBUTES + ", column 6)");
        }

        @Test
        void fiveMegabyteValidValueParses() {
            String value = "v".repeat(5 * 1024 * 1024);
            Template t = assertTimeoutPreemptively(guard, () -> parse("A = \"" + value + "\""));
            assertEquals(Optional.of(value), t.single("A"));
        }
    }
}
