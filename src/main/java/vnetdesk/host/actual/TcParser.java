package vnetdesk.host.actual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import vnetdesk.host.state.TapQos;
import vnetdesk.model.SyntaxException;

/**
 * Reads the traffic control of the console's taps ({@code one-<vm>-<nic>}):
 * {@code tc -j qdisc show} says which taps have an htb root or an ingress
 * qdisc; {@code tc class show dev TAP} gives the htb class (rate, ceil,
 * burst) and {@code tc filter show dev TAP ingress} the police (rate,
 * burst). Classes and filters are read as text because iproute2 prints
 * htb's and police's rates and bursts only there, also with {@code -j}
 * (checked in iproute2 6.1 and its current source). Bursts are normalised
 * by {@link TcUnits#burst}.
 */
public final class TcParser {

    /** The qdisc kinds the console sets on a tap, and the read each needs. */
    public enum TapQdisc {
        HTB, INGRESS
    }

    private TcParser() {
    }

    /** The console's taps that have an htb root or an ingress qdisc, by tap name. */
    public static Map<String, Set<TapQdisc>> qdiscs(String output, String command) {
        Object json = Json.parse(output, command);
        if (!(json instanceof List<?> qdiscs)) {
            throw new SyntaxException(command, 1, 1, "expected a JSON array of qdiscs");
        }
        Map<String, Set<TapQdisc>> taps = new TreeMap<>();
        for (int i = 0; i < qdiscs.size(); i++) {
            if (!(qdiscs.get(i) instanceof Map<?, ?> qdisc)
                    || !(Json.member(qdisc, "kind").orElse(null) instanceof String kind)
                    || !(Json.member(qdisc, "dev").orElse(null) instanceof String dev)) {
                throw new SyntaxException(command, 1, 1, "qdisc #" + (i + 1) + " is not an object with kind and dev");
            }
            boolean root = Json.member(qdisc, "root").filter(Boolean.TRUE::equals).isPresent();
            if (!Ownership.isTap(dev)) {
                continue;
            }
            if (kind.equals("htb") && root) {
                taps.computeIfAbsent(dev, d -> new TreeSet<>()).add(TapQdisc.HTB);
            } else if (kind.equals("ingress")) {
                taps.computeIfAbsent(dev, d -> new TreeSet<>()).add(TapQdisc.INGRESS);
            }
        }
        return taps;
    }

    /** The htb class of {@code tc class show dev TAP}; the console makes one per tap, more is an error. */
    public static Optional<TapQos.Shaping> shaping(String output, String command) {
        Limits.checkSize(output, command);
        String[] lines = output.split("\n", -1);
        Optional<TapQos.Shaping> found = Optional.empty();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith("class ")) {
                throw Limits.badLine(command, i + 1, line, "not a class line");
            }
            if (!line.startsWith("class htb ")) {
                continue;
            }
            if (found.isPresent()) {
                throw Limits.badLine(command, i + 1, line, "a second htb class; the console sets one per tap");
            }
            List<String> words = List.of(line.strip().split("\\s+"));
            long rate = value(words, "rate", TcUnits::rate, command, i + 1, line);
            long ceil = value(words, "ceil", TcUnits::rate, command, i + 1, line);
            long burst = value(words, "burst", TcUnits::size, command, i + 1, line);
            found = Optional.of(new TapQos.Shaping(rate, ceil, TcUnits.burst(burst, rate)));
        }
        return found;
    }

    /**
     * The police of {@code tc filter show dev TAP ingress}. Its text spreads
     * over indented lines after each {@code filter} line; the police is the
     * words {@code police 0x<index> rate R burst B} among them.
     */
    public static Optional<TapQos.Policing> policing(String output, String command) {
        Limits.checkSize(output, command);
        String[] lines = output.split("\n", -1);
        List<String> words = new ArrayList<>();
        List<Integer> lineOfWord = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith("filter ") && !line.startsWith(" ") && !line.startsWith("\t")) {
                throw Limits.badLine(command, i + 1, line, "neither a filter line nor a line indented under one");
            }
            for (String word : line.strip().split("\\s+")) {
                words.add(word);
                lineOfWord.add(i);
            }
        }
        Optional<TapQos.Policing> found = Optional.empty();
        for (int w = 0; w + 1 < words.size(); w++) {
            if (!words.get(w).equals("police") || !words.get(w + 1).startsWith("0x")) {
                continue;
            }
            int number = lineOfWord.get(w);
            List<String> rest = words.subList(w + 2, Math.min(words.size(), w + 8));
            if (found.isPresent()) {
                throw Limits.badLine(command, number + 1, lines[number], "a second police; the console sets one per tap");
            }
            long rate = value(rest, "rate", TcUnits::rate, command, number + 1, lines[number]);
            long burst = value(rest, "burst", TcUnits::size, command, number + 1, lines[number]);
            found = Optional.of(new TapQos.Policing(rate, TcUnits.burst(burst, rate)));
        }
        return found;
    }

    private static long value(List<String> words, String key, Function<String, Optional<Long>> unit,
                              String command, int number, String line) {
        int at = words.indexOf(key);
        if (at < 0 || at + 1 >= words.size()) {
            throw Limits.badLine(command, number, line, "no " + key + " in it");
        }
        return unit.apply(words.get(at + 1)).orElseThrow(() -> Limits.badLine(command, number, line,
                "the " + key + " \"" + Limits.shown(words.get(at + 1)) + "\" is not a tc " + key));
    }
}
