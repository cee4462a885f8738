package vnetdesk.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vnetdesk.sched.Rank.Arithmetic;
import vnetdesk.sched.Rank.Attribute;
import vnetdesk.sched.Rank.Constant;
import vnetdesk.sched.Rank.Negation;
import vnetdesk.sched.Rank.Operator;
import vnetdesk.sched.Rank.Step;

class RankTest {

    private static final String FIELD = "SCHED_RANK";
    private static final Map<String, String> NETWORK = Map.of(
            "FREE_LEASES", "250",
            "USED_LEASES", "6",
            "SIZE", "256.5",
            "VN_MAD", "fw",
            "NEGATIVE", "-2");

    private static Rank parse(String text) {
        return Rank.parse(FIELD, text);
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("FREE_LEASES", 250.0),
                Arguments.of("-USED_LEASES", -6.0),
                Arguments.of("USED_LEASES * -1", -6.0),
                Arguments.of("free_leases", 250.0),
                Arguments.of("SIZE", 256.5),
                Arguments.of("NEGATIVE", -2.0),
                Arguments.of("--USED_LEASES", 6.0),
                Arguments.of("42", 42.0),
                Arguments.of("0.25", 0.25),
                Arguments.of("FREE_LEASES - USED_LEASES", 244.0),
                Arguments.of("FREE_LEASES - USED_LEASES - 4", 240.0),
                Arguments.of("FREE_LEASES - (USED_LEASES - 4)", 248.0),
                Arguments.of("FREE_LEASES + USED_LEASES * 2", 262.0),
                Arguments.of("(FREE_LEASES + USED_LEASES) * 2", 512.0),
                Arguments.of("FREE_LEASES / 2 / 5", 25.0),
                Arguments.of("FREE_LEASES / (2 / 5)", 625.0),
                Arguments.of("-FREE_LEASES * 2 + 1", -499.0),
                Arguments.of("-(FREE_LEASES + 1)", -251.0),
                Arguments.of("1-2", -1.0),
                Arguments.of("((((7))))", 7.0),
                // not set or not a number: 0
                Arguments.of("MISSING", 0.0),
                Arguments.of("VN_MAD + 1", 1.0),
                Arguments.of("-MISSING", 0.0),
                // division by zero and overflow: 0
                Arguments.of("FREE_LEASES / 0", 0.0),
                Arguments.of("FREE_LEASES / MISSING + 3", 3.0),
                Arguments.of("0 / 0", 0.0),
                Arguments.of("9" .repeat(300) + " * " + "9".repeat(300), 0.0),
                Arguments.of("", 0.0),
                Arguments.of("  ", 0.0));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("values")
    void computesArithmeticOverNumericAttributes(String text, double expected) {
        Rank rank = parse(text);
        assertEquals(expected, rank.value(NETWORK));
        assertEquals(rank, parse(rank.text()), () -> "canonical text " + rank.text());
    }

    @Test
    void productsBindTighterThanSumsAndChainsAreFlat() {
        Attribute free = new Attribute("FREE_LEASES");
        Attribute used = new Attribute("USED_LEASES");
        assertEquals(new Arithmetic(free, List.of(
                        new Step(Operator.SUBTRACT, used),
                        new Step(Operator.ADD, new Arithmetic(new Constant(2), List.of(
                                new Step(Operator.MULTIPLY, used), new Step(Operator.DIVIDE, new Constant(3))))))),
                parse("FREE_LEASES - USED_LEASES + 2 * USED_LEASES / 3"));
        assertEquals(new Negation(used), parse("-USED_LEASES"));
        assertEquals(new Rank.None(), parse(""));
    }

    @Test
    void canonicalTextKeepsOnlyTheNeededParentheses() {
        assertEquals("-USED_LEASES", parse("- used_leases").text());
        assertEquals("(A + B) * C", parse("(A+B)*C").text());
        assertEquals("A + B * C", parse("A+(B*C)").text());
        assertEquals("A - (B - C)", parse("A-(B-C)").text());
        assertEquals("A / (B * C)", parse("A/(B*C)").text());
        assertEquals("-(A + 2.5)", parse("-(A+02.50)").text());
        assertEquals("100000000000000000000", parse("100000000000000000000").text());
    }

    @Test
    void aLongChainIsEvaluatedWithoutDeepRecursion() {
        String chain = "1" + " + 1".repeat(16_000);
        assertEquals(16_001.0, parse(chain).value(Map.of()));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("FREE_LEASES -", 14, "expected a number, an attribute name or '(', found end of input"),
                Arguments.of("* 2", 1, "expected a number, an attribute name or '(', found '*'"),
                Arguments.of("+USED_LEASES", 1, "expected a number, an attribute name or '(', found '+'"),
                Arguments.of("FREE_LEASES USED_LEASES", 13,
                        "expected '+', '-', '*', '/' or end of input, found 'USED_LEASES'"),
                Arguments.of("(FREE_LEASES", 1, "'(' is not closed"),
                Arguments.of("(FREE_LEASES 2)", 14, "expected '+', '-', '*', '/' or ')', found '2'"),
                Arguments.of("FREE_LEASES)", 12, "')' has no matching '('"),
                Arguments.of("()", 2, "expected a number, an attribute name or '(', found ')'"),
                Arguments.of("\"FREE_LEASES\"", 1, "unexpected character '\"'"),
                Arguments.of("FREE_LEASES > 2", 13, "unexpected character '>'"),
                Arguments.of("FREE.LEASES", 1, "'FREE.LEASES' is not a name: names hold only letters, digits and '_'"),
                Arguments.of("2x", 1, "'2x' is not a number"),
                Arguments.of("1.", 1, "'1.' is not a number"),
                Arguments.of("9".repeat(400), 1, "the number is too large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void aMalformedRankIsAnErrorNamingTheFieldAndThePosition(String text, int position, String what) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> parse(text));
        assertEquals(FIELD + ": " + what + " at " + position, e.getMessage());
        assertEquals(position, e.position());
    }

    @Test
    void nestingAndLengthAreLimited() {
        String minus = "-".repeat(ExpressionReader.MAX_NESTING + 1) + "A";
        assertEquals(ExpressionReader.MAX_NESTING + 1, assertThrows(ExpressionException.class,
                () -> parse(minus)).position());
        String parens = "(".repeat(60_000);
        assertEquals(101, assertThrows(ExpressionException.class, () -> parse(parens)).position());
        ExpressionException e = assertThrows(ExpressionException.class,
                () -> parse("1" + " ".repeat(ExpressionReader.MAX_LENGTH)));
        assertTrue(e.getMessage().endsWith("longer than 65536 characters at 65537"), e::getMessage);
    }
}
