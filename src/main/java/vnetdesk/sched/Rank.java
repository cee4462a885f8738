package vnetdesk.sched;

import java.util.List;
import java.util.Map;

/**
 * A parsed {@code SCHED_RANK} expression: how good a qualifying network is, the
 * highest value winning (so {@code FREE_LEASES} prefers the emptiest network and
 * {@code -USED_LEASES} the least used one).
 *
 * <p>Arithmetic over numeric attributes, as OpenNebula's rank expressions:
 * {@code + - * /}, unary minus, parentheses, unsigned decimal numbers and
 * attribute names (upper-cased). Decided where OpenNebula is silent or
 * accidental: an attribute that is not set or not a number counts as 0 (as in
 * OpenNebula); a division by zero, or any step whose result is not a finite
 * number, counts as 0 too, so every rank is a number that orders; the value is
 * not truncated to an integer (OpenNebula's is) because a fraction orders
 * networks better. A blank rank ranks every network 0, leaving the choice to
 * the lowest id.
 */
public sealed interface Rank permits Rank.None, Rank.Constant, Rank.Attribute, Rank.Negation, Rank.Arithmetic {

    /**
     * Parses {@code text}:
     * <pre>
     * rank    := sum | (blank)
     * sum     := product (('+' | '-') product)*
     * product := unary (('*' | '/') unary)*
     * unary   := '-' unary | NUMBER | NAME | '(' sum ')'
     * </pre>
     * At most 65,536 characters and 100 nested parentheses and minus signs.
     *
     * @param field the attribute the text comes from, for messages ({@code SCHED_RANK})
     * @throws ExpressionException naming {@code field} and the 1-based position of the fault
     */
    static Rank parse(String field, String text) {
        return RankParser.parse(field, text);
    }

    /** The rank of a network with these attributes (upper-case names); always finite. */
    double value(Map<String, String> attributes);

    /** The expression in canonical form; parsing it gives an equal expression. Empty for {@link None}. */
    String text();

    /** The blank rank: every network ranks 0. */
    record None() implements Rank {

        public double value(Map<String, String> attributes) {
            return 0;
        }

        public String text() {
            return "";
        }
    }

    /** A number as written; finite and not negative (a minus sign is a {@link Negation}). */
    record Constant(double number) implements Rank {

        public Constant {
            if (!Double.isFinite(number) || number < 0) {
                throw new IllegalArgumentException("not a finite non-negative number: " + number);
            }
        }

        public double value(Map<String, String> attributes) {
            return number;
        }

        public String text() {
            return Decimal.of(number).toString();
        }
    }

    /** An attribute's numeric value; 0 when it is not set or not a number. */
    record Attribute(String name) implements Rank {

        public double value(Map<String, String> attributes) {
            String value = attributes.get(name);
            return value == null ? 0 : Decimal.parse(value).map(d -> finite(d.doubleValue())).orElse(0.0);
        }

        public String text() {
            return name;
        }
    }

    record Negation(Rank operand) implements Rank {

        public double value(Map<String, String> attributes) {
            return finite(-operand.value(attributes));
        }

        public String text() {
            return "-" + (operand instanceof Arithmetic ? "(" + operand.text() + ")" : operand.text());
        }
    }

    /**
     * Operations applied left to right to {@code first}: all additive ({@code + -})
     * or all multiplicative ({@code * /}), precedence being the shape of the tree.
     * A list rather than nested pairs, so a long chain is not a deep tree.
     */
    record Arithmetic(Rank first, List<Step> steps) implements Rank {

        public Arithmetic {
            steps = List.copyOf(steps);
            long additive = steps.stream().filter(s -> s.operator().additive()).count();
            if (steps.isEmpty() || (additive != 0 && additive != steps.size())) {
                throw new IllegalArgumentException("steps must be one or more, all additive or all multiplicative");
            }
        }

        public double value(Map<String, String> attributes) {
            double result = first.value(attributes);
            for (Step step : steps) {
                result = step.operator().apply(result, step.operand().value(attributes));
            }
            return result;
        }

        public String text() {
            StringBuilder b = new StringBuilder(operandText(first));
            for (Step step : steps) {
                b.append(' ').append(step.operator().symbol()).append(' ').append(operandText(step.operand()));
            }
            return b.toString();
        }

        boolean additive() {
            return steps.get(0).operator().additive();
        }

        /** Parenthesized unless it reads back as the same tree without: a product inside a sum. */
        private String operandText(Rank operand) {
            return operand instanceof Arithmetic a && !(additive() && !a.additive())
                    ? "(" + operand.text() + ")" : operand.text();
        }
    }

    record Step(Operator operator, Rank operand) {
    }

    enum Operator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean additive() {
            return this == ADD || this == SUBTRACT;
        }

        double apply(double left, double right) {
            return finite(switch (this) {
                case ADD -> left + right;
                case SUBTRACT -> left - right;
                case MULTIPLY -> left * right;
                case DIVIDE -> left / right;
            });
        }
    }

    /** 0 for what is not a finite number (x/0, overflow), and for -0 so that every zero ranks alike. */
    private static double finite(double value) {
        return Double.isFinite(value) && value != 0 ? value : 0.0;
    }
}
