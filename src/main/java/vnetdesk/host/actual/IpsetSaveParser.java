package vnetdesk.host.actual;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vnetdesk.host.state.IpSet;

/**
 * Reads {@code ipset save} into the console's sets ({@code one-*}): type,
 * family and members as printed after {@code add <set> } (a member keeps
 * its printed options, e.g. {@code nomatch}). Create options the kernel
 * chooses or the console never sets (hashsize, maxelem, bucketsize, initval,
 * counters) are dropped; a set printed without {@code family} is
 * {@code inet}, ipset's default. Other sets are checked for form and left
 * out. Any other line, or a member of a set not created before it, is an
 * error naming the command, the line number and the text.
 */
public final class IpsetSaveParser {

    private IpsetSaveParser() {
    }

    public static Map<String, IpSet> parse(String output, String command) {
        Limits.checkSize(output, command);
        String[] lines = output.split("\n", -1);
        Set<String> created = new HashSet<>();
        Map<String, String[]> ownedHeads = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.split(" ", 3);
            if (words[0].equals("create")) {
                if (words.length < 3 || words[1].isEmpty() || words[2].isEmpty()) {
                    throw Limits.badLine(command, number, line, "a create line is 'create NAME TYPE [options]'");
                }
                if (!created.add(words[1])) {
                    throw Limits.badLine(command, number, line, "set " + Limits.shown(words[1]) + " created twice");
                }
                if (Ownership.isOwnedSet(words[1])) {
                    String[] typeAndOptions = words[2].split(" ");
                    ownedHeads.put(words[1], new String[] {typeAndOptions[0], family(typeAndOptions)});
                    members.put(words[1], new ArrayList<>());
                }
            } else if (words[0].equals("add")) {
                if (words.length < 3 || words[2].isEmpty()) {
                    throw Limits.badLine(command, number, line, "an add line is 'add NAME MEMBER'");
                }
                if (!created.contains(words[1])) {
                    throw Limits.badLine(command, number, line, "a member of set " + Limits.shown(words[1])
                            + ", which no create line before it made");
                }
                if (members.containsKey(words[1])) {
                    members.get(words[1]).add(words[2]);
                }
            } else {
                throw Limits.badLine(command, number, line, "not a line of ipset save (create or add)");
            }
        }
        Map<String, IpSet> sets = new LinkedHashMap<>();
        ownedHeads.forEach((name, head) -> sets.put(name, new IpSet(name, head[0], head[1], members.get(name))));
        return sets;
    }

    private static String family(String[] typeAndOptions) {
        for (int i = 1; i + 1 < typeAndOptions.length; i++) {
            if (typeAndOptions[i].equals("family")) {
                return typeAndOptions[i + 1];
            }
        }
        return "inet";
    }
}
