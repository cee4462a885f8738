package vnetdesk.host.apply;

import java.util.ArrayList;
import java.util.List;

import vnetdesk.host.plan.Command;

/**
 * Joins a step's commands into as few shell lines as keep their meaning, so
 * a step costs one round trip to the host instead of one per command: runs of
 * commands without input become one line, and a command with input stays
 * alone. Changes stop at the first failure ({@code &&}); undo goes on past a
 * failure and reports it at the end.
 */
final class Batches {

    private Batches() {
    }

    /** The step's commands, stopping at the first that fails. */
    static List<Command> change(List<Command> commands) {
        return join(commands, false);
    }

    /** The undo commands, each run whatever the one before did; the line fails if any did. */
    static List<Command> undo(List<Command> commands) {
        return join(commands, true);
    }

    private static List<Command> join(List<Command> commands, boolean goOn) {
        List<Command> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (Command c : commands) {
            if (c.stdin().isPresent()) {
                flush(run, out, goOn);
                out.add(c);
            } else {
                run.add(c.line());
            }
        }
        flush(run, out, goOn);
        return out;
    }

    private static void flush(List<String> run, List<Command> out, boolean goOn) {
        if (run.size() == 1) {
            out.add(Command.of(run.get(0)));
        } else if (!run.isEmpty()) {
            if (goOn) {
                StringBuilder line = new StringBuilder("rc=0;");
                run.forEach(l -> line.append(" { ").append(l).append("; } || rc=$?;"));
                out.add(Command.of(line.append(" exit $rc").toString()));
            } else {
                out.add(Command.of(String.join(" && ", run.stream().map(l -> "{ " + l + "; }").toList())));
            }
        }
        run.clear();
    }
}
