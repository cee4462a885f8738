package vnetdesk.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import vnetdesk.sched.Requirements.Operator;

/**
 * Writes random well-formed requirements text together with the tree it means,
 * built independently of the parser: random spacing, case of names, redundant
 * parentheses, signs and leading zeros in numbers, bare words and patterns.
 */
final class RandomRequirements {

    private static final List<String> NAMES = List.of("A", "b", "Name", "VN_MAD", "vlan_id", "_x1");
    private static final List<String> BLANKS = List.of("", " ", "  ", "\t", "\n", "\r\n");
    private static final String PATTERN_CHARS = "ab*-. 1?[&|!()=<>";

    private RandomRequirements() {
    }

    record Built(String text, Requirements tree) {
    }

    static Requirements write(Random random, int depth, StringBuilder out) {
        Built built = build(random, depth);
        out.append(blank(random)).append(built.text()).append(blank(random));
        return built.tree();
    }

    private static Built build(Random random, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(4);
        return switch (kind) {
            case 1 -> compound(random, depth, true);
            case 2 -> compound(random, depth, false);
            case 3 -> negation(random, depth);
            default -> maybeParenthesized(random, comparison(random));
        };
    }

    private static Built compound(Random random, int depth, boolean and) {
        int count = 2 + random.nextInt(2);
        List<Requirements> trees = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Built child = build(random, depth - 1);
            boolean needsParentheses = child.tree() instanceof Requirements.Or
                    || (and && child.tree() instanceof Requirements.And);
            boolean mayHaveThem = child.tree() instanceof Requirements.And;
            if (i > 0) {
                text.append(blank(random)).append(and ? "&" : "|").append(blank(random));
            }
            text.append(needsParentheses || (mayHaveThem && random.nextBoolean())
                    ? "(" + blank(random) + child.text() + blank(random) + ")" : child.text());
            trees.add(child.tree());
        }
        return new Built(text.toString(), and ? new Requirements.And(trees) : new Requirements.Or(trees));
    }

    private static Built negation(Random random, int depth) {
        Built child = build(random, depth - 1);
        boolean compound = child.tree() instanceof Requirements.And || child.tree() instanceof Requirements.Or;
        String text = compound || random.nextBoolean()
                ? "!" + blank(random) + "(" + child.text() + ")" : "!" + blank(random) + child.text();
        return new Built(text, new Requirements.Not(child.tree()));
    }

    private static Built maybeParenthesized(Random random, Built comparison) {
        return random.nextInt(4) == 0
                ? new Built("(" + blank(random) + comparison.text() + blank(random) + ")", comparison.tree())
                : comparison;
    }

    private static Built comparison(Random random) {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        Operator operator = Operator.values()[random.nextInt(Operator.values().length)];
        String valueText;
        Requirements.Operand value;
        int valueKind = operator.takesStrings() ? random.nextInt(3) : 0;
        if (valueKind == 0) {
            String sign = List.of("", "", "-", "+").get(random.nextInt(4));
            String digits = "0".repeat(random.nextInt(2)) + random.nextInt(5000)
                    + (random.nextBoolean() ? "." + random.nextInt(100) : "");
            valueText = sign + digits;
            value = new Requirements.Numeric(Decimal.parse(valueText).orElseThrow());
        } else if (valueKind == 1) {
            StringBuilder pattern = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                pattern.append(PATTERN_CHARS.charAt(random.nextInt(PATTERN_CHARS.length())));
            }
            valueText = "\"" + pattern + "\"";
            value = new Requirements.Glob(pattern.toString());
        } else {
            valueText = NAMES.get(random.nextInt(NAMES.size())) + random.nextInt(10);
            value = new Requirements.Glob(valueText);
        }
        String text = name + blank(random) + operator.symbol() + blank(random) + valueText;
        return new Built(text, new Requirements.Comparison(name.toUpperCase(Locale.ROOT), operator, value));
    }

    private static String blank(Random random) {
        return BLANKS.get(random.nextInt(BLANKS.size()));
    }
}
