package vnetdesk.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import vnetdesk.sched.ExpressionReader.Kind;
import vnetdesk.sched.ExpressionReader.Token;
import vnetdesk.sched.Rank.Operator;

/**
 * Recursive descent over the grammar of {@link Rank#parse}; recursion only for
 * parentheses and unary minus, whose depth the reader bounds.
 */
final class RankParser {

    private static final ExpressionReader.Language LANGUAGE = new ExpressionReader.Language(
            List.of("+", "-", "*", "/", "(", ")"), Map.of(), false, false, "'+', '-', '*', '/'");

    private final ExpressionReader reader;

    private RankParser(ExpressionReader reader) {
        this.reader = reader;
    }

    static Rank parse(String field, String text) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
        RankParser parser = new RankParser(new ExpressionReader(field, text, LANGUAGE));
        if (parser.reader.token().kind() == Kind.END) {
            return new Rank.None();
        }
        Rank rank = parser.sum();
        parser.reader.expectEnd();
        return rank;
    }

    private Rank sum() {
        Rank first = product();
        List<Rank.Step> steps = new ArrayList<>();
        while (reader.token().is("+") || reader.token().is("-")) {
            Operator operator = reader.token().is("+") ? Operator.ADD : Operator.SUBTRACT;
            reader.advance();
            steps.add(new Rank.Step(operator, product()));
        }
        return steps.isEmpty() ? first : new Rank.Arithmetic(first, steps);
    }

    private Rank product() {
        Rank first = unary();
        List<Rank.Step> steps = new ArrayList<>();
        while (reader.token().is("*") || reader.token().is("/")) {
            Operator operator = reader.token().is("*") ? Operator.MULTIPLY : Operator.DIVIDE;
            reader.advance();
            steps.add(new Rank.Step(operator, unary()));
        }
        return steps.isEmpty() ? first : new Rank.Arithmetic(first, steps);
    }

    private Rank unary() {
        Token token = reader.token();
        if (token.is("-")) {
            reader.enter(token);
            reader.advance();
            Rank operand = unary();
            reader.leave();
            return new Rank.Negation(operand);
        }
        if (token.is("(")) {
            reader.enter(token);
            reader.advance();
            Rank inner = sum();
            reader.close(token);
            reader.leave();
            return inner;
        }
        if (token.kind() == Kind.NAME) {
            reader.advance();
            return new Rank.Attribute(token.text().toUpperCase(Locale.ROOT));
        }
        if (token.kind() == Kind.NUMBER) {
            double number = Decimal.parse(token.text()).orElseThrow().doubleValue();
            if (!Double.isFinite(number)) {
                throw reader.error(token, "the number is too large");
            }
            reader.advance();
            return new Rank.Constant(number);
        }
        throw reader.error(token, "expected a number, an attribute name or '(', found " + reader.found());
    }
}
