package vnetdesk.sched;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import vnetdesk.model.ValidationException;

/**
 * A parsed {@code SCHED_REQUIREMENTS} expression: which networks a NIC may be
 * placed on, tested against a network's attributes.
 *
 * <p>The language is OpenNebula's scheduler syntax ({@link #parse} gives the
 * grammar). Its meaning, decided where OpenNebula's is accidental:
 * <ul>
 * <li>{@code =} and {@code !=} with a string (quoted or a bare word) match the
 *     whole attribute value against it, {@code *} standing for any run of
 *     characters (the only special character), case-sensitive; {@code ""}
 *     matches an empty value (OpenNebula's never matches).</li>
 * <li>With a number, the attribute value is read as a decimal number and compared
 *     by value ({@code VLAN_ID = 10} holds for {@code 10}, {@code 010} and
 *     {@code 10.0}); {@code "10"} in quotes is a string and matches only
 *     {@code 10} as written. {@code >} and {@code <} take numbers only.</li>
 * <li>A comparison is false when its attribute is not set, or when it compares
 *     with a number and the value is not one — {@code !=} included, as in
 *     OpenNebula, whose scheduler reads a missing attribute as a failed search.
 *     {@code !(VLAN_ID = 10)} is the way to say "not set, or set to something
 *     else".</li>
 * </ul>
 * Attribute names are upper-cased ({@code vn_mad} reads {@code VN_MAD}); the
 * attribute map's names must be upper-case. A blank expression requires nothing.
 */
public sealed interface Requirements
        permits Requirements.Always, Requirements.Comparison, Requirements.And, Requirements.Or, Requirements.Not {

    /**
     * Parses {@code text}:
     * <pre>
     * expression := or | (blank)
     * or         := and ('|' and)*
     * and        := unary ('&amp;' unary)*
     * unary      := '!' unary | '(' or ')' | comparison
     * comparison := NAME ('=' | '!=') (NUMBER | STRING | WORD) | NAME ('&gt;' | '&lt;') NUMBER
     * </pre>
     * so {@code !} binds tighter than {@code &}, and {@code &} tighter than {@code |}
 * (OpenNebula's grammar gives the three one precedence read left to right, so
 * there {@code A | B & C} means {@code (A | B) & C}: write the parentheses).
     * NUMBER is {@code [+-]digits[.digits]}, STRING a double-quoted text without
     * escapes, WORD (like NAME) letters, digits and {@code _}. At most
     * 65,536 characters and 100 nested parentheses and {@code !}.
     *
     * @param field the attribute the text comes from, for messages ({@code SCHED_REQUIREMENTS})
     * @throws ExpressionException naming {@code field} and the 1-based position of the fault
     */
    static Requirements parse(String field, String text) {
        return RequirementsParser.parse(field, text);
    }

    /** Whether a network with these attributes (upper-case names) meets the requirements. */
    boolean test(Map<String, String> attributes);

    /**
     * Why the requirements are false for these attributes: the failing comparisons
     * (and negations), each with the values it read, e.g.
     * {@code VN_MAD = "802.1Q" is false (VN_MAD is "fw")}. Empty when {@link #test} holds.
     */
    List<String> whyFalse(Map<String, String> attributes);

    /**
     * The expression in canonical form: names upper-case, strings quoted, numbers
     * normalized, parentheses where the tree needs them. Parsing it gives an equal
     * expression (when it stays within the length limit: quotes and blanks are
     * added). Empty for {@link Always}.
     */
    String text();

    /** The attributes the expression reads, in the order written. */
    Set<String> attributeNames();

    /** The blank expression: every network qualifies. */
    record Always() implements Requirements {

        public boolean test(Map<String, String> attributes) {
            return true;
        }

        public List<String> whyFalse(Map<String, String> attributes) {
            return List.of();
        }

        public String text() {
            return "";
        }

        public Set<String> attributeNames() {
            return Set.of();
        }
    }

    /** {@code NAME op value}; {@code >} and {@code <} only with a number. */
    record Comparison(String attribute, Operator operator, Operand value) implements Requirements {

        public Comparison {
            if (!operator.takesStrings() && value instanceof Glob) {
                throw new IllegalArgumentException(operator.symbol() + " compares numbers only");
            }
        }

        public boolean test(Map<String, String> attributes) {
            Optional<String> actual = Optional.ofNullable(attributes.get(attribute));
            if (actual.isEmpty()) {
                return false;
            }
            if (value instanceof Glob g) {
                return Wildcards.matches(g.pattern(), actual.get()) == (operator == Operator.EQUALS);
            }
            Decimal expected = ((Numeric) value).value();
            return Decimal.parse(actual.get()).map(d -> operator.holds(d.compareTo(expected))).orElse(false);
        }

        public List<String> whyFalse(Map<String, String> attributes) {
            if (test(attributes)) {
                return List.of();
            }
            String actual = attributes.get(attribute);
            String found = actual == null ? attribute + " is not set"
                    : attribute + " is " + quoted(actual)
                    + (value instanceof Numeric && Decimal.parse(actual).isEmpty() ? ", not a number" : "");
            return List.of(text() + " is false (" + found + ")");
        }

        public String text() {
            return attribute + " " + operator.symbol() + " " + value.text();
        }

        public Set<String> attributeNames() {
            return Set.of(attribute);
        }
    }

    /** Every term holds; two or more terms. */
    record And(List<Requirements> terms) implements Requirements {

        public And {
            terms = atLeastTwo(terms);
        }

        public boolean test(Map<String, String> attributes) {
            return terms.stream().allMatch(t -> t.test(attributes));
        }

        public List<String> whyFalse(Map<String, String> attributes) {
            return terms.stream().flatMap(t -> t.whyFalse(attributes).stream()).toList();
        }

        public String text() {
            return terms.stream().map(t -> t instanceof And || t instanceof Or ? "(" + t.text() + ")" : t.text())
                    .collect(Collectors.joining(" & "));
        }

        public Set<String> attributeNames() {
            return namesOf(terms);
        }
    }

    /** Some term holds; two or more terms. */
    record Or(List<Requirements> terms) implements Requirements {

        public Or {
            terms = atLeastTwo(terms);
        }

        public boolean test(Map<String, String> attributes) {
            return terms.stream().anyMatch(t -> t.test(attributes));
        }

        public List<String> whyFalse(Map<String, String> attributes) {
            return test(attributes) ? List.of()
                    : terms.stream().flatMap(t -> t.whyFalse(attributes).stream()).toList();
        }

        public String text() {
            return terms.stream().map(t -> t instanceof Or ? "(" + t.text() + ")" : t.text())
                    .collect(Collectors.joining(" | "));
        }

        public Set<String> attributeNames() {
            return namesOf(terms);
        }
    }

    /** The term does not hold. */
    record Not(Requirements term) implements Requirements {

        public boolean test(Map<String, String> attributes) {
            return !term.test(attributes);
        }

        /** The negated term held; what it read is the explanation. */
        public List<String> whyFalse(Map<String, String> attributes) {
            if (test(attributes)) {
                return List.of();
            }
            String read = term.attributeNames().stream()
                    .map(n -> attributes.containsKey(n) ? n + " is " + quoted(attributes.get(n)) : n + " is not set")
                    .collect(Collectors.joining(", "));
            return List.of(text() + " is false (" + read + ")");
        }

        public String text() {
            return "!(" + term.text() + ")";
        }

        public Set<String> attributeNames() {
            return term.attributeNames();
        }
    }

    enum Operator {
        EQUALS("="), NOT_EQUALS("!="), GREATER(">"), LESS("<");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** {@code =} and {@code !=} compare strings too; {@code >} and {@code <} numbers only. */
        public boolean takesStrings() {
            return this == EQUALS || this == NOT_EQUALS;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case EQUALS -> comparison == 0;
                case NOT_EQUALS -> comparison != 0;
                case GREATER -> comparison > 0;
                case LESS -> comparison < 0;
            };
        }
    }

    /** The right-hand side of a comparison. */
    sealed interface Operand permits Numeric, Glob {

        /** As written in canonical form. */
        String text();
    }

    /** A number, compared by value with a numeric attribute. */
    record Numeric(Decimal value) implements Operand {

        public String text() {
            return value.toString();
        }
    }

    /** A string, quoted or a bare word, matched with {@code *} wildcards; never holds {@code "}. */
    record Glob(String pattern) implements Operand {

        public Glob {
            if (pattern.indexOf('"') >= 0) {
                throw new IllegalArgumentException("a pattern cannot hold '\"'");
            }
        }

        public String text() {
            return "\"" + pattern + "\"";
        }
    }

    private static List<Requirements> atLeastTwo(List<Requirements> terms) {
        if (terms.size() < 2) {
            throw new IllegalArgumentException("a compound expression has two or more terms");
        }
        return List.copyOf(terms);
    }

    private static Set<String> namesOf(List<Requirements> terms) {
        Set<String> names = new LinkedHashSet<>();
        terms.forEach(t -> names.addAll(t.attributeNames()));
        return names;
    }

    private static String quoted(String value) {
        return "\"" + ValidationException.printable(value) + "\"";
    }
}
