package vnetdesk.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import vnetdesk.model.ValidationException;
import vnetdesk.sched.ExpressionReader.Kind;
import vnetdesk.sched.ExpressionReader.Token;
import vnetdesk.sched.Requirements.Operator;

/**
 * Recursive descent over the grammar of {@link Requirements#parse}; recursion
 * only for parentheses and {@code !}, whose depth the reader bounds, while
 * chains of {@code &} and {@code |} are loops, so no input reaches the stack limit.
 */
final class RequirementsParser {

    private static final ExpressionReader.Language LANGUAGE = new ExpressionReader.Language(
            List.of("!=", "=", ">", "<", "&", "|", "!", "(", ")"),
            Map.of("==", "'==' is not an operator; write '='",
                    ">=", "'>=' is not an operator; write 'A > n | A = n'",
                    "<=", "'<=' is not an operator; write 'A < n | A = n'",
                    "&&", "'&&' is not an operator; write '&'",
                    "||", "'||' is not an operator; write '|'",
                    "@>", "'@>' (contains) is not supported; an attribute has one value here, compare it with '='",
                    "*", "'*' is a wildcard only inside a double-quoted string"),
            true, true, "'&', '|'");

    private final ExpressionReader reader;

    private RequirementsParser(ExpressionReader reader) {
        this.reader = reader;
    }

    static Requirements parse(String field, String text) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
        RequirementsParser parser = new RequirementsParser(new ExpressionReader(field, text, LANGUAGE));
        if (parser.reader.token().kind() == Kind.END) {
            return new Requirements.Always();
        }
        Requirements expression = parser.or();
        parser.reader.expectEnd();
        return expression;
    }

    private Requirements or() {
        List<Requirements> terms = new ArrayList<>();
        terms.add(and());
        while (reader.token().is("|")) {
            reader.advance();
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Requirements.Or(terms);
    }

    private Requirements and() {
        List<Requirements> terms = new ArrayList<>();
        terms.add(unary());
        while (reader.token().is("&")) {
            reader.advance();
            terms.add(unary());
        }
        return terms.size() == 1 ? terms.get(0) : new Requirements.And(terms);
    }

    private Requirements unary() {
        Token token = reader.token();
        if (token.is("!")) {
            reader.enter(token);
            reader.advance();
            Requirements term = unary();
            reader.leave();
            return new Requirements.Not(term);
        }
        if (token.is("(")) {
            reader.enter(token);
            reader.advance();
            Requirements inner = or();
            reader.close(token);
            reader.leave();
            return inner;
        }
        return comparison();
    }

    private Requirements comparison() {
        Token name = reader.token();
        if (name.kind() != Kind.NAME) {
            throw reader.error(name, "expected a comparison such as NAME = \"value\", found " + reader.found());
        }
        String attribute = name.text().toUpperCase(Locale.ROOT);
        reader.advance();
        Token op = reader.token();
        Operator operator = operator(op).orElseThrow(() -> reader.error(op,
                "expected '=', '!=', '>' or '<' after " + ValidationException.printable(attribute) + ", found "
                        + reader.found()));
        reader.advance();
        Token value = reader.token();
        Requirements.Operand operand;
        if (value.kind() == Kind.NUMBER) {
            operand = new Requirements.Numeric(Decimal.parse(value.text()).orElseThrow());
        } else if (operator.takesStrings() && (value.kind() == Kind.STRING || value.kind() == Kind.NAME)) {
            operand = new Requirements.Glob(value.text());
        } else {
            throw reader.error(value, (operator.takesStrings() ? "expected a value after '" : "expected a number after '")
                    + operator.symbol() + "', found " + reader.found());
        }
        reader.advance();
        return new Requirements.Comparison(attribute, operator, operand);
    }

    private static Optional<Operator> operator(Token token) {
        for (Operator operator : Operator.values()) {
            if (token.is(operator.symbol())) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}
