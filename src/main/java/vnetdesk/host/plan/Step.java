package vnetdesk.host.plan;

import java.util.List;

/**
 * One change of a plan: what it is about ({@code subject}: a network's
 * bridge, a NIC's tap, "iptables" …), a readable description, the commands
 * that make it, and the commands that take it back if a later step fails.
 * The undo commands of a step are also run when the step itself fails, so
 * they must be safe on a half-made change.
 */
public record Step(String subject, String description, List<Command> commands, List<Command> undo) {

    public Step {
        commands = List.copyOf(commands);
        undo = List.copyOf(undo);
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one command: " + description);
        }
    }
}
