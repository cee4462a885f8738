package vnetdesk.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed, odd and random expressions: each one ends in a parsed expression or
 * in an {@link ExpressionException} whose message is {@code FIELD: what at N} with
 * N within the text (or just past it) — never in any other exception.
 */
class ExpressionCorpusTest {

    private static final String REQUIREMENTS = "SCHED_REQUIREMENTS";
    private static final String RANK = "SCHED_RANK";
    private static final long SEED = 20_240_611L;
    private static final Map<String, String> ATTRIBUTES = Map.of("A", "1", "B", "x", "NAME", "private-1",
            "VN_MAD", "802.1Q", "VLAN_ID", "10", "FREE_LEASES", "250", "USED_LEASES", "6");

    /** The outcome of parsing: the parsed expression, or the error. */
    private static Optional<ExpressionException> outcome(String field, String text) {
        try {
            if (field.equals(REQUIREMENTS)) {
                Requirements r = Requirements.parse(field, text);
                assertEquals(r, Requirements.parse(field, r.text()), () -> "canonical text " + r.text());
                assertEquals(r.test(ATTRIBUTES), r.whyFalse(ATTRIBUTES).isEmpty());
            } else {
                Rank rank = Rank.parse(field, text);
                assertEquals(rank, Rank.parse(field, rank.text()), () -> "canonical text " + rank.text());
                assertTrue(Double.isFinite(rank.value(ATTRIBUTES)));
            }
            return Optional.empty();
        } catch (ExpressionException e) {
            assertPositioned(field, text, e);
            return Optional.of(e);
        }
    }

    private static void assertPositioned(String field, String text, ExpressionException e) {
        Matcher m = Pattern.compile("^" + field + ": .+ at ([0-9]+)$").matcher(e.getMessage());
        assertTrue(m.matches(), () -> "message shape: " + e.getMessage());
        int position = Integer.parseInt(m.group(1));
        assertEquals(position, e.position());
        assertTrue(position >= 1 && position <= text.length() + 1,
                () -> "position " + position + " outside 1.." + (text.length() + 1));
        assertEquals(field, e.field().orElseThrow());
    }

    // --- the hand-written corpus

    static Stream<Arguments> handWritten() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = ExpressionCorpusTest.class.getResourceAsStream("/sched/requirements-corpus.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isEmpty() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] columns = lines[i].split("\t", -1);
                assertEquals(3, columns.length, "line " + (i + 1) + " needs three columns");
                cases.add(Arguments.of(i + 1, unescape(columns[0]), columns[1], unescape(columns[2])));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @MethodSource("handWritten")
    void aHandWrittenCaseEndsAsWritten(int line, String text, String expected, String detail) {
        Optional<ExpressionException> error = outcome(REQUIREMENTS, text);
        if (expected.equals("ok")) {
            error.ifPresent(e -> fail("expected to parse: " + e.getMessage()));
            assertEquals(detail, Requirements.parse(REQUIREMENTS, text).text());
        } else {
            ExpressionException e = error.orElseGet(() -> fail("expected an error: " + detail));
            assertEquals(Integer.parseInt(expected), e.position(), e::getMessage);
            assertTrue(e.getMessage().contains(detail), () -> "expected \"" + detail + "\" in: " + e.getMessage());
        }
    }

    /** Undoes the corpus escapes: backslash and t, n, r, backslash, or u with four hex digits. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case '\\' -> b.append('\\');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + s);
            }
        }
        return b.toString();
    }

    // --- very large and very deep inputs, built here rather than written out

    static Stream<Arguments> huge() {
        int max = ExpressionReader.MAX_LENGTH;
        String chain = "A = 1" + " | B = \"x\"".repeat((max - 5) / 10);
        return Stream.of(
                Arguments.of("64 KiB of '('", "(".repeat(max), 101),
                Arguments.of("64 KiB of '!'", "!".repeat(max), 101),
                Arguments.of("'!(' nested past the limit", "!(".repeat(60) + "A = 1" + ")".repeat(60), 101),
                Arguments.of("64 KiB of ')'", ")".repeat(max), 1),
                Arguments.of("one character too many", "A".repeat(max + 1), max + 1),
                Arguments.of("a megabyte", "A = 1 & ".repeat(131_072), max + 1),
                Arguments.of("an unterminated 64 KiB string", "A = \"" + "x".repeat(max - 5), 5),
                Arguments.of("a 64 KiB number where a name belongs", "9".repeat(max), 1),
                Arguments.of("a 64 KiB name without operator", "N".repeat(max), max + 1),
                Arguments.of("64 KiB of 'é'", "é".repeat(max), 1),
                Arguments.of("64 KiB of emoji", "\uD83D\uDE00".repeat(max / 2), 1),
                Arguments.of("a chain as long as allowed", chain, 0),
                Arguments.of("a 64 KiB string", "NAME = \"" + "*a".repeat((max - 10) / 2) + "\"", 0),
                Arguments.of("a 64 KiB number", "VLAN_ID < " + "9".repeat(max - 10), 0),
                Arguments.of("nesting at the limit", "(".repeat(100) + "A = 1" + ")".repeat(100), 0));
    }

    /** Position 0 means the text must parse. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("huge")
    void aLargeOrDeepInputEndsFastInAPositionedErrorOrAValue(String name, String text, int position) {
        Optional<ExpressionException> error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> outcome(REQUIREMENTS, text));
        if (position == 0) {
            error.ifPresent(e -> fail("expected to parse: " + e.getMessage()));
        } else {
            assertEquals(position, error.orElseGet(() -> fail("expected an error")).position());
        }
    }

    // --- random expressions over the token alphabet, with a fixed seed so a failure repeats

    private static final List<String> REQUIREMENTS_TOKENS = List.of(
            "A", "vn_mad", "NAME", "_x", "VLAN_ID", "fw", "=", "!=", "==", ">", "<", ">=", "&", "|", "&&", "!", "(",
            ")", "1", "-2", "+3", "2.5", "1.", "007", "\"public\"", "\"priv*\"", "\"\"", "\"", "802.1Q", "*", "@", "-",
            ";", "é", "\u0000", "\uD83D\uDE00", "\uD800", " ", "\t", "\n", "  ");

    private static final List<String> RANK_TOKENS = List.of(
            "FREE_LEASES", "used_leases", "X", "+", "-", "*", "/", "(", ")", "1", "0", "2.5", "1.", "\"", "=", ">",
            "é", "\u0001", " ", "\t", "9".repeat(400));

    static Stream<Arguments> randomRequirements() {
        return random(REQUIREMENTS_TOKENS, 400, SEED);
    }

    static Stream<Arguments> randomRanks() {
        return random(RANK_TOKENS, 150, SEED + 1);
    }

    private static Stream<Arguments> random(List<String> tokens, int count, long seed) {
        Random random = new Random(seed);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            int length = 1 + random.nextInt(14);
            for (int t = 0; t < length; t++) {
                b.append(tokens.get(random.nextInt(tokens.size())));
                if (random.nextBoolean()) {
                    b.append(' ');
                }
            }
            cases.add(Arguments.of(i, b.toString()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "random requirements {0}")
    @MethodSource("randomRequirements")
    void aRandomRequirementsTextEndsInAValueOrAPositionedError(int index, String text) {
        outcome(REQUIREMENTS, text);
    }

    @ParameterizedTest(name = "random rank {0}")
    @MethodSource("randomRanks")
    void aRandomRankTextEndsInAValueOrAPositionedError(int index, String text) {
        outcome(RANK, text);
    }

    // --- random well-formed expressions, each built with the tree it must parse to

    static Stream<Arguments> wellFormed() {
        Random random = new Random(SEED + 2);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            Requirements expected = RandomRequirements.write(random, 3, text);
            cases.add(Arguments.of(i, text.toString(), expected));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "well-formed {0}")
    @MethodSource("wellFormed")
    void aRandomWellFormedExpressionParsesToTheTreeItWasBuiltFrom(int index, String text, Requirements expected) {
        assertEquals(Optional.empty(), outcome(REQUIREMENTS, text).map(ExpressionException::getMessage));
        assertEquals(expected, Requirements.parse(REQUIREMENTS, text), text);
    }

    /** The same well-formed expressions with one character dropped: still a value or a positioned error. */
    static Stream<Arguments> mutated() {
        Random random = new Random(SEED + 3);
        return wellFormed().map(a -> {
            String text = (String) a.get()[1];
            int cut = random.nextInt(text.length());
            return Arguments.of(a.get()[0], text.substring(0, cut) + text.substring(cut + 1));
        });
    }

    @ParameterizedTest(name = "mutated {0}")
    @MethodSource("mutated")
    void aWellFormedExpressionWithACharacterDroppedEndsInAValueOrAPositionedError(int index, String text) {
        outcome(REQUIREMENTS, text);
    }
}
