package vnetdesk.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vnetdesk.model.ValidationException;
import vnetdesk.sched.Requirements.And;
import vnetdesk.sched.Requirements.Comparison;
import vnetdesk.sched.Requirements.Glob;
import vnetdesk.sched.Requirements.Not;
import vnetdesk.sched.Requirements.Numeric;
import vnetdesk.sched.Requirements.Operator;
import vnetdesk.sched.Requirements.Or;

class RequirementsParserTest {

    private static final String FIELD = "SCHED_REQUIREMENTS";

    private static Requirements parse(String text) {
        return Requirements.parse(FIELD, text);
    }

    private static Comparison text(String name, Operator op, String pattern) {
        return new Comparison(name, op, new Glob(pattern));
    }

    private static Comparison number(String name, Operator op, String number) {
        return new Comparison(name, op, new Numeric(Decimal.parse(number).orElseThrow()));
    }

    private static final Comparison A = number("A", Operator.EQUALS, "1");
    private static final Comparison B = number("B", Operator.EQUALS, "2");
    private static final Comparison C = number("C", Operator.EQUALS, "3");

    private static And and(Requirements... terms) {
        return new And(List.of(terms));
    }

    private static Or or(Requirements... terms) {
        return new Or(List.of(terms));
    }

    static Stream<Arguments> comparisons() {
        return Stream.of(
                Arguments.of("VN_MAD = \"802.1Q\"", text("VN_MAD", Operator.EQUALS, "802.1Q")),
                Arguments.of("VN_MAD != \"fw\"", text("VN_MAD", Operator.NOT_EQUALS, "fw")),
                Arguments.of("VLAN_ID > 100", number("VLAN_ID", Operator.GREATER, "100")),
                Arguments.of("VLAN_ID < 100", number("VLAN_ID", Operator.LESS, "100")),
                Arguments.of("USED_LEASES < -1", number("USED_LEASES", Operator.LESS, "-1")),
                Arguments.of("USED_LEASES > +1", number("USED_LEASES", Operator.GREATER, "1")),
                Arguments.of("MTU = 1500.50", number("MTU", Operator.EQUALS, "1500.5")),
                Arguments.of("MTU = 0.0", number("MTU", Operator.EQUALS, "0")),
                Arguments.of("MTU = -0", number("MTU", Operator.EQUALS, "0")),
                Arguments.of("VLAN_ID = \"10\"", text("VLAN_ID", Operator.EQUALS, "10")),
                Arguments.of("VN_MAD = fw", text("VN_MAD", Operator.EQUALS, "fw")),
                Arguments.of("vn_mad = FW", text("VN_MAD", Operator.EQUALS, "FW")),
                Arguments.of("_X = _y1", text("_X", Operator.EQUALS, "_y1")),
                Arguments.of("NAME = \"private*\"", text("NAME", Operator.EQUALS, "private*")),
                Arguments.of("NAME = \"*-lab\"", text("NAME", Operator.EQUALS, "*-lab")),
                Arguments.of("NAME = \"a*b\"", text("NAME", Operator.EQUALS, "a*b")),
                Arguments.of("NAME = \"\"", text("NAME", Operator.EQUALS, "")),
                Arguments.of("NAME = \"a\\\\b\"", text("NAME", Operator.EQUALS, "a\\\\b")),
                Arguments.of("NAME=\"x y\"", text("NAME", Operator.EQUALS, "x y")),
                Arguments.of("VLAN_ID>5", number("VLAN_ID", Operator.GREATER, "5")),
                Arguments.of("VLAN_ID>-5", number("VLAN_ID", Operator.GREATER, "-5")),
                Arguments.of("VLAN_ID!=007", number("VLAN_ID", Operator.NOT_EQUALS, "7")),
                Arguments.of(" \t\r\n A \n=\t1 \n", A));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void everyOperatorAndKindOfValueReadsAsOneComparison(String expression, Requirements expected) {
        assertEquals(expected, parse(expression));
    }

    static Stream<Arguments> structures() {
        return Stream.of(
                Arguments.of("A = 1 & B = 2", and(A, B)),
                Arguments.of("A = 1 | B = 2", or(A, B)),
                Arguments.of("A = 1 | B = 2 & C = 3", or(A, and(B, C))),
                Arguments.of("A = 1 & B = 2 | C = 3", or(and(A, B), C)),
                Arguments.of("(A = 1 | B = 2) & C = 3", and(or(A, B), C)),
                Arguments.of("A = 1 & B = 2 & C = 3", and(A, B, C)),
                Arguments.of("A = 1 | B = 2 | C = 3", or(A, B, C)),
                Arguments.of("!A = 1", new Not(A)),
                Arguments.of("!A = 1 & B = 2", and(new Not(A), B)),
                Arguments.of("!(A = 1 & B = 2)", new Not(and(A, B))),
                Arguments.of("!!A = 1", new Not(new Not(A))),
                Arguments.of("! ( A = 1 | ! B = 2 )", new Not(or(A, new Not(B)))),
                Arguments.of("((((A = 1))))", A),
                Arguments.of("A = 1 | (B = 2 | C = 3)", or(A, or(B, C))),
                Arguments.of("A=1&B=2|C=3", or(and(A, B), C)),
                Arguments.of("A = 1 & !(B = 2 | C = 3)", and(A, new Not(or(B, C)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void notBindsTighterThanAndWhichBindsTighterThanOr(String expression, Requirements expected) {
        Requirements parsed = parse(expression);
        assertEquals(expected, parsed);
        assertEquals(parsed, parse(parsed.text()), () -> "canonical text " + parsed.text());
    }

    @Test
    void blankExpressionRequiresNothing() {
        assertEquals(new Requirements.Always(), parse(""));
        assertEquals(new Requirements.Always(), parse(" \t\r\n "));
    }

    @Test
    void canonicalTextQuotesWordsNormalizesNumbersAndParenthesizesWhereNeeded() {
        assertEquals("VN_MAD = \"fw\" & VLAN_ID > 10.5", parse("vn_mad=fw&VLAN_ID>010.50").text());
        assertEquals("(A = 1 | B = 2) & !(C = 3)", parse("(A=1|B=2)&!C=3").text());
        assertEquals("A = 1 | (B = 2 | C = 3)", parse("A=1|(B=2|C=3)").text());
        assertEquals("A = 1 & (B = 2 & C = 3)", parse("A=1&(B=2&C=3)").text());
    }

    @Test
    void attributeNamesAreListedOnceInTheOrderWritten() {
        assertEquals(List.of("NAME", "VN_MAD", "VLAN_ID"),
                List.copyOf(parse("NAME = a & (VN_MAD = b | !(name = c)) & VLAN_ID > 3").attributeNames()));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("A = 1 & VN_MAD =", 17, "expected a value after '=', found end of input"),
                Arguments.of("VN_MAD = )", 10, "expected a value after '=', found ')'"),
                Arguments.of("VLAN_ID > \"5\"", 11, "expected a number after '>', found the string \"5\""),
                Arguments.of("VLAN_ID < abc", 11, "expected a number after '<', found 'abc'"),
                Arguments.of("VN_MAD fw", 8, "expected '=', '!=', '>' or '<' after VN_MAD, found 'fw'"),
                Arguments.of("VN_MAD", 7, "expected '=', '!=', '>' or '<' after VN_MAD, found end of input"),
                Arguments.of("= 5", 1, "expected a comparison such as NAME = \"value\", found '='"),
                Arguments.of("\"fw\" = VN_MAD", 1, "expected a comparison such as NAME = \"value\", found the string"),
                Arguments.of("5 = A", 1, "expected a comparison such as NAME = \"value\", found '5'"),
                Arguments.of("A = 1 &", 8, "expected a comparison such as NAME = \"value\", found end of input"),
                Arguments.of("A = 1 | | B = 2", 9, "expected a comparison such as NAME = \"value\", found '|'"),
                Arguments.of("& A = 1", 1, "expected a comparison such as NAME = \"value\", found '&'"),
                Arguments.of("A = 1 B = 2", 7, "expected '&', '|' or end of input, found 'B'"),
                Arguments.of("A = 1 )", 7, "')' has no matching '('"),
                Arguments.of("  (A = 1", 3, "'(' is not closed"),
                Arguments.of("(A = 1 B = 2)", 8, "expected '&', '|' or ')', found 'B'"),
                Arguments.of("()", 2, "expected a comparison such as NAME = \"value\", found ')'"),
                Arguments.of("!", 2, "expected a comparison such as NAME = \"value\", found end of input"),
                Arguments.of("NAME = \"abc", 8, "unterminated string: no closing '\"' after this one"),
                Arguments.of("VN_MAD = 802.1Q", 10, "'802.1Q' is not a number; put a value that is not a number in double quotes"),
                Arguments.of("VN_MAD = ovs-dpdk", 10, "'ovs-dpdk' is not a name or word"),
                Arguments.of("MTU = 1.", 7, "'1.' is not a number"),
                Arguments.of("NAME = private*", 15, "'*' is a wildcard only inside a double-quoted string"),
                Arguments.of("A == 1", 3, "'==' is not an operator; write '='"),
                Arguments.of("A >= 1", 3, "'>=' is not an operator"),
                Arguments.of("A <= 1", 3, "'<=' is not an operator"),
                Arguments.of("A = 1 && B = 2", 7, "'&&' is not an operator; write '&'"),
                Arguments.of("A = 1 || B = 2", 7, "'||' is not an operator; write '|'"),
                Arguments.of("A @> 1", 3, "'@>' (contains) is not supported"),
                Arguments.of("A = - 1", 5, "unexpected character '-': a sign must come right before the digits"),
                Arguments.of("A = 1 ; B = 2", 7, "unexpected character ';'"),
                Arguments.of("A = 1 \u0000", 7, "unexpected character U+0000"),
                Arguments.of("A = 1 \u00a0", 7, "unexpected character U+00A0"),
                Arguments.of("café = 1", 1, "'café' is not a name or word"),
                Arguments.of("é = 1", 1, "unexpected character 'é'"),
                Arguments.of("\uD83D\uDE00 = 1", 1, "unexpected character '\uD83D\uDE00'"),
                Arguments.of("N = \"\uD83D\uDE00\" & ;", 11, "unexpected character ';'"),
                Arguments.of("A = 1\n& B =\n", 13, "expected a value after '=', found end of input"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void aMalformedExpressionIsAnErrorNamingTheFieldAndThePosition(String expression, int position, String what) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> parse(expression));
        assertEquals(position, e.position(), e::getMessage);
        assertTrue(e.getMessage().startsWith(FIELD + ": " + what), e::getMessage);
        assertTrue(e.getMessage().endsWith(" at " + position), e::getMessage);
        assertEquals(FIELD, e.field().orElseThrow());
    }

    @Test
    void theBriefsExampleReadsExactly() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> parse("TRAFFIC_TYPE = 1 & VN_MAD = "));
        assertEquals("SCHED_REQUIREMENTS: expected a value after '=', found end of input at 29", e.getMessage());
    }

    @Test
    void theErrorIsAValidationExceptionSoTheServiceAndCliReportItAsAny() {
        assertTrue(ValidationException.class.isAssignableFrom(ExpressionException.class));
    }

    @Test
    void theFieldNameComesFromTheCaller() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> Requirements.parse("NIC/1", "A ="));
        assertEquals("NIC/1: expected a value after '=', found end of input at 4", e.getMessage());
    }

    @Test
    void nestingIsLimitedWithAPositionedErrorNotAStackOverflow() {
        String ok = "(".repeat(ExpressionReader.MAX_NESTING) + "A = 1" + ")".repeat(ExpressionReader.MAX_NESTING);
        assertEquals(A, parse(ok));
        String deep = "(".repeat(ExpressionReader.MAX_NESTING + 1) + "A = 1" + ")".repeat(ExpressionReader.MAX_NESTING + 1);
        ExpressionException e = assertThrows(ExpressionException.class, () -> parse(deep));
        assertEquals(ExpressionReader.MAX_NESTING + 1, e.position());
        assertTrue(e.getMessage().contains("more than 100 nested parentheses and prefix operators"), e::getMessage);
        String nots = "!".repeat(50) + "(".repeat(50) + "!A = 1" + ")".repeat(50);
        assertEquals(101, assertThrows(ExpressionException.class, () -> parse(nots)).position());
    }

    @Test
    void inputIsLimitedTo64KiBCharactersWithAPositionedError() {
        String chain = "A = 1" + " & A = 1".repeat((ExpressionReader.MAX_LENGTH - 5) / 8);
        assertTrue(chain.length() <= ExpressionReader.MAX_LENGTH);
        assertEquals(8192, ((And) parse(chain)).terms().size());
        String tooLong = chain + " ".repeat(ExpressionReader.MAX_LENGTH - chain.length() + 1);
        ExpressionException e = assertThrows(ExpressionException.class, () -> parse(tooLong));
        assertEquals("SCHED_REQUIREMENTS: the expression is longer than 65536 characters at 65537", e.getMessage());
    }
}
