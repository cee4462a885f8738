package vnetdesk.host.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.host.Shell;
import vnetdesk.host.state.IpSet;

/**
 * The ipset changes of a plan, in two steps around the firewall load: before
 * it, new sets are created and changed ones get their new members by a
 * swap with a filled temporary set (a rule matching the set never sees it
 * half-filled); after it, when no rule refers to them any more, sets that
 * go are destroyed.
 */
final class IpSetPlanner {

    /** Temporary set of a swap; short enough for the kernel's 31 characters. */
    static final String SWAP_SET = "vnetdesk-swap";

    private IpSetPlanner() {
    }

    /** The step before the firewall load, or nothing; a set whose type changed is a blocker. */
    static Optional<Step> fill(Map<String, IpSet> actual, Map<String, IpSet> desired, List<String> blockers) {
        StringBuilder in = new StringBuilder();
        StringBuilder refill = new StringBuilder();
        List<Command> undo = new ArrayList<>();
        undo.add(destroyIfThere(SWAP_SET));
        List<String> created = new ArrayList<>();
        List<String> refilled = new ArrayList<>();
        for (IpSet set : desired.values()) {
            IpSet was = actual.get(set.name());
            if (was == null) {
                create(in, set, set.name());
                created.add(set.name());
            } else if (!sameKind(was, set)) {
                blockers.add("ipset " + set.name() + " exists on the host as " + was.type() + " family "
                        + was.family() + ", the plan needs " + set.type() + " family " + set.family()
                        + "; it is not changed in place (destroy it by hand after removing its rules)");
            } else if (!was.members().equals(set.members())) {
                swapIn(in, set);
                swapIn(refill, was);
                refilled.add(set.name());
            }
        }
        if (in.isEmpty()) {
            return Optional.empty();
        }
        if (!refill.isEmpty()) {
            undo.add(Command.withInput("ipset restore", refill.toString()));
        }
        created.forEach(name -> undo.add(destroyIfThere(name)));
        List<String> parts = new ArrayList<>();
        if (!created.isEmpty()) {
            parts.add("create " + String.join(", ", created));
        }
        if (!refilled.isEmpty()) {
            parts.add("replace the members of " + String.join(", ", refilled));
        }
        List<Change> changes = new ArrayList<>();
        created.forEach(name -> changes.add(change(name, Change.Action.CREATE)));
        refilled.forEach(name -> changes.add(change(name, Change.Action.REFILL)));
        return Optional.of(new Step("ipset", String.join("; ", parts),
                List.of(Command.withInput("ipset restore", in.toString())), undo, changes));
    }

    /** Fills the temporary set and swaps it with {@code set}'s name: the members change in one kernel call. */
    private static void swapIn(StringBuilder in, IpSet set) {
        create(in, set, SWAP_SET);
        in.append("swap ").append(SWAP_SET).append(' ').append(set.name()).append('\n');
        in.append("destroy ").append(SWAP_SET).append('\n');
    }

    /** Used by undo, which also runs after a half-loaded restore: a set already gone is fine. */
    private static Command destroyIfThere(String name) {
        return Command.of("ipset destroy " + Shell.quote("ipset", name) + " 2>/dev/null || true");
    }

    /** The step after the firewall load that destroys sets no rule needs any more, or nothing. */
    static Optional<Step> destroy(Map<String, IpSet> actual, Map<String, IpSet> desired) {
        List<IpSet> gone = actual.values().stream().filter(s -> !desired.containsKey(s.name())).toList();
        if (gone.isEmpty()) {
            return Optional.empty();
        }
        List<Command> commands = new ArrayList<>();
        StringBuilder undo = new StringBuilder();
        for (IpSet set : gone) {
            commands.add(Command.of("ipset destroy " + Shell.quote("ipset", set.name())));
            create(undo, set, set.name());
        }
        return Optional.of(new Step("ipset", "destroy " + String.join(", ", gone.stream().map(IpSet::name).toList()),
                commands, List.of(Command.withInput("ipset -exist restore", undo.toString())),
                gone.stream().map(s -> change(s.name(), Change.Action.REMOVE)).toList()));
    }

    private static Change change(String set, Change.Action action) {
        return new Change(Change.Kind.IPSET, set, action, "ipset " + set);
    }

    private static boolean sameKind(IpSet a, IpSet b) {
        return a.type().equals(b.type()) && a.family().equals(b.family());
    }

    /** {@code create NAME TYPE family F} and one {@code add} per member, as {@code ipset restore} reads them. */
    private static void create(StringBuilder in, IpSet set, String name) {
        in.append("create ").append(name).append(' ').append(set.type()).append(" family ").append(set.family())
                .append('\n');
        for (String member : set.members()) {
            in.append("add ").append(name).append(' ').append(member).append('\n');
        }
    }
}
