package vnetdesk.host.apply;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vnetdesk.host.actual.ActualStateReader;
import vnetdesk.host.plan.Command;
import vnetdesk.host.plan.SavedTables;
import vnetdesk.model.VnetException;

/**
 * Reads a host through its shell in two rounds — the state commands, then
 * the tc queries of the taps that have a qdisc — each round one command
 * line that runs every read and frames each output between markers, so a
 * read costs one round trip, not one per command. It keeps the three filter
 * tables' save text for a rollback. A read command that fails is an error
 * naming it and what it printed; {@code sysctl} may fail for a missing key
 * (the plan then says what is missing).
 */
public final class ShellStateReader implements StateReader {

    /** Every read line starts so: a shell no-op that tells a log (or a test) that this command changes nothing. */
    public static final String READ_MARK = ": vnetdesk-read;";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Reading read(HostShell shell) {
        Map<String, String> outputs = new LinkedHashMap<>(round(shell, ActualStateReader.COMMANDS));
        List<String> taps = ActualStateReader.tapCommands(outputs.get(ActualStateReader.QDISC));
        if (!taps.isEmpty()) {
            outputs.putAll(round(shell, taps));
        }
        return new Reading(ActualStateReader.parse(outputs), new SavedTables(outputs.get(ActualStateReader.IPTABLES),
                outputs.get(ActualStateReader.IP6TABLES), outputs.get(ActualStateReader.EBTABLES)));
    }

    /** Whether {@code command} is one of this reader's reads. */
    public static boolean isRead(Command command) {
        return command.line().startsWith(READ_MARK);
    }

    /**
     * Runs {@code commands} in one line: before each output a start marker,
     * after it a newline and an end marker with the exit status. The markers
     * carry a random nonce, so no output can fake one.
     */
    private static Map<String, String> round(HostShell shell, List<String> commands) {
        String nonce = HexFormat.of().formatHex(bytes());
        StringBuilder line = new StringBuilder(READ_MARK);
        for (int i = 0; i < commands.size(); i++) {
            line.append(" printf '%s\\n' 'vnetdesk-").append(nonce).append(' ').append(i).append("';")
                    .append(" { ").append(commands.get(i)).append("; };")
                    .append(" printf '\\n%s %s\\n' 'vnetdesk-").append(nonce).append("-end' \"$?\";");
        }
        HostShell.CommandOutput out = shell.run(Command.of(line.toString()));
        return split(out, commands, nonce);
    }

    private static byte[] bytes() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
    }

    private static Map<String, String> split(HostShell.CommandOutput out, List<String> commands, String nonce) {
        Map<String, String> outputs = new LinkedHashMap<>();
        String text = out.stdout();
        int at = 0;
        for (int i = 0; i < commands.size(); i++) {
            String start = "vnetdesk-" + nonce + " " + i + "\n";
            String end = "\nvnetdesk-" + nonce + "-end ";
            int s = text.indexOf(start, at);
            int e = s < 0 ? -1 : text.indexOf(end, s + start.length());
            int nl = e < 0 ? -1 : text.indexOf('\n', e + end.length());
            if (s < 0 || e < 0 || nl < 0) {
                String why = out.stderr().strip();
                throw new VnetException("reading the host failed: '" + commands.get(i) + "' did not run to its end"
                        + (why.isEmpty() ? "" : ": " + why.lines().findFirst().orElse("")));
            }
            int status = Integer.parseInt(text.substring(e + end.length(), nl).strip());
            if (status != 0 && !commands.get(i).equals(ActualStateReader.SYSCTL)) {
                String why = out.stderr().strip();
                throw new VnetException("reading the host failed: '" + commands.get(i) + "' exited with " + status
                        + (why.isEmpty() ? "" : ": " + why.lines().findFirst().orElse("")));
            }
            outputs.put(commands.get(i), text.substring(s + start.length(), e));
            at = nl + 1;
        }
        return outputs;
    }
}
