package vnetdesk.host.actual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vnetdesk.host.Shell;
import vnetdesk.host.state.HostState;
import vnetdesk.host.state.TapQos;
import vnetdesk.model.VnetException;

/**
 * What the engine runs on a host to learn its actual state, and the
 * assembly of their outputs into one {@link HostState}. Reading is two
 * rounds: {@link #COMMANDS} for everything, then {@link #tapCommands} for
 * the htb class and ingress police of each console tap that has such a
 * qdisc ({@code tc} shows classes and filters per device only).
 *
 * <p>Not read: {@code ip -j addr} (the host state holds no addresses) and
 * {@code bridge -j link} ({@code master} in {@code ip -j -d link} already
 * names each port's bridge). {@code ebtables-save} rather than
 * {@code ebtables -L --Lx}: it prints the same {@code -A chain rule} lines as
 * iptables-save, and on ebtables 1.8.9 (nf_tables) {@code -L} shows every
 * user chain's policy as RETURN whatever was set, while the save shows
 * the policy set with {@code -P} or by ebtables-restore.
 */
public final class ActualStateReader {

    public static final String LINK = "ip -j -d link show";
    public static final String IPTABLES = "iptables-save -t filter";
    public static final String IP6TABLES = "ip6tables-save -t filter";
    /** All tables: ebtables-legacy-save takes no table option; the parser keeps filter. */
    public static final String EBTABLES = "ebtables-save";
    public static final String IPSET = "ipset save";
    public static final String QDISC = "tc -j qdisc show";
    public static final String SYSCTL = "sysctl net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables";

    /** The first round, in the order they are best run. */
    public static final List<String> COMMANDS = List.of(LINK, IPTABLES, IP6TABLES, EBTABLES, IPSET, QDISC, SYSCTL);

    private ActualStateReader() {
    }

    /** The second round: one command per qdisc the first round's {@link #QDISC} output shows on a console tap. */
    public static List<String> tapCommands(String qdiscOutput) {
        List<String> commands = new ArrayList<>();
        TcParser.qdiscs(qdiscOutput, QDISC).forEach((tap, kinds) -> {
            if (kinds.contains(TcParser.TapQdisc.HTB)) {
                commands.add(classCommand(tap));
            }
            if (kinds.contains(TcParser.TapQdisc.INGRESS)) {
                commands.add(filterCommand(tap));
            }
        });
        return commands;
    }

    public static String classCommand(String tap) {
        return Shell.command("tap", List.of("tc", "class", "show", "dev", tap));
    }

    public static String filterCommand(String tap) {
        return Shell.command("tap", List.of("tc", "filter", "show", "dev", tap, "ingress"));
    }

    /**
     * The host state from the outputs of {@link #COMMANDS} and of the
     * {@link #tapCommands} they imply, by command text. A missing output is
     * an error naming the command.
     */
    public static HostState parse(Map<String, String> outputs) {
        Map<String, Set<TcParser.TapQdisc>> qdiscs = TcParser.qdiscs(output(outputs, QDISC), QDISC);
        Map<String, TapQos> qos = new LinkedHashMap<>();
        qdiscs.forEach((tap, kinds) -> {
            Optional<TapQos.Shaping> inbound = kinds.contains(TcParser.TapQdisc.HTB)
                    ? TcParser.shaping(output(outputs, classCommand(tap)), classCommand(tap)) : Optional.empty();
            Optional<TapQos.Policing> outbound = kinds.contains(TcParser.TapQdisc.INGRESS)
                    ? TcParser.policing(output(outputs, filterCommand(tap)), filterCommand(tap)) : Optional.empty();
            TapQos tapQos = new TapQos(tap, inbound, outbound);
            if (!tapQos.isEmpty()) {
                qos.put(tap, tapQos);
            }
        });
        return new HostState(
                LinkParser.parse(output(outputs, LINK), LINK),
                SysctlParser.parse(output(outputs, SYSCTL), SYSCTL),
                FilterSaveParser.parse(output(outputs, IPTABLES), IPTABLES),
                FilterSaveParser.parse(output(outputs, IP6TABLES), IP6TABLES),
                FilterSaveParser.parse(output(outputs, EBTABLES), EBTABLES),
                IpsetSaveParser.parse(output(outputs, IPSET), IPSET),
                qos);
    }

    private static String output(Map<String, String> outputs, String command) {
        String output = outputs.get(command);
        if (output == null) {
            throw new VnetException("reading the host state needs the output of '" + command + "', which is missing");
        }
        return output;
    }
}
