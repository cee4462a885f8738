package vnetdesk.host.plan;

import java.util.List;

/**
 * One change of a plan: what it is about ({@code subject}: a network's
 * bridge, a NIC's tap, "iptables" …), a readable description, the commands
 * that make it, the commands that take it back if a later step fails, and
 * every object those commands touch ({@code changes}: one firewall load
 * touches the chains of many NICs). The undo commands of a step are also run
 * when the step itself fails, so they must be safe on a half-made change.
 */
public record Step(String subject, String description, List<Command> commands, List<Command> undo,
                   List<Change> changes) {

    public Step {
        commands = List.copyOf(commands);
        undo = List.copyOf(undo);
        changes = List.copyOf(changes);
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one command: " + description);
        }
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a step names the objects it changes: " + description);
        }
    }
}
