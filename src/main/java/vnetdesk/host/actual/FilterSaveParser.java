package vnetdesk.host.actual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.RuleTable;

/**
 * Reads the filter table of {@code iptables-save}, {@code ip6tables-save} or
 * {@code ebtables-save} (the three share the format: {@code *table},
 * {@code :chain policy [counters]}, {@code -A chain rule}, {@code COMMIT},
 * {@code #} comments; ebtables prints no COMMIT and no counters) into the
 * console's part of it: owned chains with their policy and rules as printed
 * after {@code -A <chain> }, and the whole lines of built-in chains that
 * jump ({@code -j} or {@code -g}) into an owned chain. Other tables are
 * checked for form and skipped. Any other line is an error naming the
 * command, the line number and the text.
 */
public final class FilterSaveParser {

    private FilterSaveParser() {
    }

    public static RuleTable parse(String output, String command) {
        Limits.checkSize(output, command);
        String[] lines = output.split("\n", -1);
        Optional<String> table = Optional.empty();
        Map<String, String> declared = new HashMap<>();
        Map<String, List<String>> owned = new LinkedHashMap<>();
        Map<String, String> ownedPolicies = new HashMap<>();
        List<String> hooks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("*")) {
                table = Optional.of(line.substring(1).strip());
                declared.clear();
                continue;
            }
            if (table.isEmpty()) {
                throw Limits.badLine(command, number, line, "a line outside any table (no *table line before it)");
            }
            boolean filter = table.get().equals("filter");
            if (line.equals("COMMIT")) {
                table = Optional.empty();
            } else if (line.startsWith(":")) {
                String[] words = line.substring(1).split(" ");
                if (words.length < 2 || words.length > 3 || words[0].isEmpty() || words[1].isEmpty()) {
                    throw Limits.badLine(command, number, line, "a chain line is ':NAME POLICY [counters]'");
                }
                if (declared.putIfAbsent(words[0], words[1]) != null) {
                    throw Limits.badLine(command, number, line, "chain " + words[0] + " declared twice");
                }
                if (filter && Ownership.isOwnedChain(words[0])) {
                    owned.put(words[0], new ArrayList<>());
                    ownedPolicies.put(words[0], words[1]);
                }
            } else if (line.startsWith("-A ")) {
                int end = line.indexOf(' ', 3);
                String chain = end < 0 ? line.substring(3) : line.substring(3, end);
                String rule = end < 0 ? "" : line.substring(end + 1);
                if (!declared.containsKey(chain)) {
                    throw Limits.badLine(command, number, line, "a rule of chain " + Limits.shown(chain)
                            + ", which no ':" + Limits.shown(chain) + "' line declared");
                }
                if (!filter) {
                    continue;
                }
                if (owned.containsKey(chain)) {
                    owned.get(chain).add(rule);
                } else if (Ownership.BUILT_IN_CHAINS.contains(chain)
                        && jumpTarget(rule).filter(Ownership::isOwnedChain).isPresent()) {
                    hooks.add(line);
                }
            } else {
                throw Limits.badLine(command, number, line, "not a line of a save file");
            }
        }
        Map<String, Chain> chains = new LinkedHashMap<>();
        owned.forEach((name, rules) -> chains.put(name, new Chain(ownedPolicies.get(name), rules)));
        return new RuleTable(hooks, chains);
    }

    /** The chain a rule jumps or goes to; words in double quotes (a comment) are not options. */
    static Optional<String> jumpTarget(String rule) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < rule.length(); i++) {
            char c = rule.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                word.append(c);
            } else if (c == '\\' && quoted && i + 1 < rule.length()) {
                word.append(c).append(rule.charAt(++i));
            } else if (c == ' ' && !quoted) {
                words.add(word.toString());
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        words.add(word.toString());
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("-j") || words.get(i).equals("-g")) {
                return Optional.of(words.get(i + 1));
            }
        }
        return Optional.empty();
    }
}
