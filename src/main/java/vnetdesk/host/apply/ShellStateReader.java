package vnetdesk.host.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vnetdesk.host.actual.ActualStateReader;
import vnetdesk.host.plan.Command;
import vnetdesk.host.plan.SavedTables;
import vnetdesk.model.VnetException;

/**
 * Reads a host through its shell in two rounds — the state commands, then
 * the tc queries of the taps that have a qdisc — and keeps the three filter
 * tables' save text for a rollback. A read command that fails is an error
 * naming it and what it printed; {@code sysctl} may fail for a missing key
 * (the plan then says what is missing).
 */
public final class ShellStateReader implements StateReader {

    @Override
    public Reading read(HostShell shell) {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String command : ActualStateReader.COMMANDS) {
            outputs.put(command, run(shell, command));
        }
        for (String command : ActualStateReader.tapCommands(outputs.get(ActualStateReader.QDISC))) {
            outputs.put(command, run(shell, command));
        }
        return new Reading(ActualStateReader.parse(outputs), new SavedTables(outputs.get(ActualStateReader.IPTABLES),
                outputs.get(ActualStateReader.IP6TABLES), outputs.get(ActualStateReader.EBTABLES)));
    }

    private static String run(HostShell shell, String command) {
        HostShell.CommandOutput out = shell.run(Command.of(command));
        if (!out.succeeded() && !command.equals(ActualStateReader.SYSCTL)) {
            String why = out.stderr().strip();
            throw new VnetException("reading the host failed: '" + command + "' exited with " + out.exitStatus()
                    + (why.isEmpty() ? "" : ": " + List.of(why.split("\n")).get(0)));
        }
        return out.stdout();
    }
}
