package vnetdesk.host.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vnetdesk.host.state.Chain;
import vnetdesk.host.state.RuleTable;

/**
 * The change of one filter table (iptables, ip6tables or ebtables) as one
 * restore input loaded with {@code --noflush}: every new or changed owned
 * chain is declared (which creates or flushes it) and refilled, hooks that
 * go are deleted, chains that go are flushed and removed, new hooks are
 * inserted at the top of their built-in chain. The tool loads the whole
 * input as one transaction, so a NIC is never seen half-filtered; the undo
 * loads the table as it was saved.
 */
final class RuleTablePlanner {

    /** The tool names of one table kind. */
    enum Kind {
        IPTABLES("iptables", "iptables-restore -w --noflush", "iptables-restore -w"),
        IP6TABLES("ip6tables", "ip6tables-restore -w --noflush", "ip6tables-restore -w"),
        EBTABLES("ebtables", "ebtables-restore --noflush", "ebtables-restore");

        final String label;
        final String load;
        final String restore;

        Kind(String label, String load, String restore) {
            this.label = label;
            this.load = load;
            this.restore = restore;
        }
    }

    private RuleTablePlanner() {
    }

    static Optional<Step> plan(Kind kind, RuleTable actual, RuleTable desired, String saved) {
        Set<String> changed = new LinkedHashSet<>();
        desired.chains().forEach((name, chain) -> {
            if (!chain.equals(actual.chains().get(name))) {
                changed.add(name);
            }
        });
        List<String> removed = actual.chains().keySet().stream().filter(n -> !desired.chains().containsKey(n))
                .toList();
        List<String> hooksGone = actual.hooks().stream().filter(h -> !desired.hooks().contains(h)).toList();
        List<String> hooksNew = desired.hooks().stream().filter(h -> !actual.hooks().contains(h)).toList();
        if (changed.isEmpty() && removed.isEmpty() && hooksGone.isEmpty() && hooksNew.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder in = new StringBuilder("*filter\n");
        for (String name : changed) {
            in.append(declaration(kind, name, desired.chains().get(name))).append('\n');
        }
        for (String name : removed) {
            in.append(declaration(kind, name, actual.chains().get(name))).append('\n');
        }
        for (String hook : hooksGone) {
            in.append("-D").append(hook.substring(2)).append('\n');
        }
        for (String name : changed) {
            for (String rule : desired.chains().get(name).rules()) {
                in.append("-A ").append(name).append(' ').append(rule).append('\n');
            }
        }
        for (String name : removed) {
            in.append("-X ").append(name).append('\n');
        }
        for (String hook : hooksNew) {
            in.append(insertAtTop(hook)).append('\n');
        }
        in.append("COMMIT\n");
        List<Command> undo = saved.isBlank() ? List.of() : List.of(Command.withInput(kind.restore, saved));
        return Optional.of(new Step(kind.label, describe(changed, removed, hooksGone, hooksNew, actual),
                List.of(Command.withInput(kind.load, in.toString())), undo,
                changes(kind, changed, removed, hooksGone, hooksNew, actual)));
    }

    private static String declaration(Kind kind, String name, Chain chain) {
        return kind == Kind.EBTABLES ? ":" + name + " " + chain.policy() : ":" + name + " - [0:0]";
    }

    /** {@code -A FORWARD spec} → {@code -I FORWARD 1 spec}: the console's hook goes before the host's rules. */
    static String insertAtTop(String hook) {
        String[] words = hook.split(" ", 3);
        if (words.length < 3 || !words[0].equals("-A")) {
            throw new IllegalArgumentException("a hook is a save line starting with -A: " + hook);
        }
        return "-I " + words[1] + " 1 " + words[2];
    }

    private static String describe(Set<String> changed, List<String> removed, List<String> hooksGone,
                                   List<String> hooksNew, RuleTable actual) {
        List<String> parts = new ArrayList<>();
        List<String> created = changed.stream().filter(n -> !actual.chains().containsKey(n)).toList();
        List<String> rewritten = changed.stream().filter(n -> actual.chains().containsKey(n)).toList();
        if (!created.isEmpty()) {
            parts.add("create " + names(created));
        }
        if (!rewritten.isEmpty()) {
            parts.add("rewrite " + names(rewritten));
        }
        if (!removed.isEmpty()) {
            parts.add("remove " + names(removed));
        }
        if (!hooksNew.isEmpty()) {
            parts.add("hook " + hooksNew.size() + " rule" + (hooksNew.size() == 1 ? "" : "s") + " into built-in chains");
        }
        if (!hooksGone.isEmpty()) {
            parts.add("unhook " + hooksGone.size() + " rule" + (hooksGone.size() == 1 ? "" : "s"));
        }
        return String.join("; ", parts) + " (loaded in one transaction)";
    }

    /** Every chain and hook of the load, in the order of its input. */
    private static List<Change> changes(Kind kind, Set<String> changed, List<String> removed, List<String> hooksGone,
                                        List<String> hooksNew, RuleTable actual) {
        List<Change> out = new ArrayList<>();
        for (String name : changed) {
            out.add(new Change(Change.Kind.CHAIN, name, actual.chains().containsKey(name) ? Change.Action.REWRITE
                    : Change.Action.CREATE, kind.label + " chain " + name));
        }
        for (String hook : hooksGone) {
            out.add(hook(kind, hook, Change.Action.UNHOOK, " from "));
        }
        for (String name : removed) {
            out.add(new Change(Change.Kind.CHAIN, name, Change.Action.REMOVE, kind.label + " chain " + name));
        }
        for (String hook : hooksNew) {
            out.add(hook(kind, hook, Change.Action.HOOK, " into "));
        }
        return out;
    }

    /** {@code -A INPUT … -j one-5-0-o} → the change named one-5-0-o: "iptables chain one-5-0-o into INPUT". */
    private static Change hook(Kind kind, String hook, Change.Action action, String preposition) {
        String[] words = hook.split(" ");
        String builtIn = words.length > 1 ? words[1] : hook;
        String target = hook;
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("-j")) {
                target = words[i + 1];
            }
        }
        return new Change(Change.Kind.HOOK, target, action, kind.label + " chain " + target + preposition + builtIn);
    }

    private static String names(List<String> chains) {
        return (chains.size() == 1 ? "chain " : "chains ") + String.join(", ", chains);
    }
}
