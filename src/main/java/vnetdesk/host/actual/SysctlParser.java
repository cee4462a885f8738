package vnetdesk.host.actual;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code sysctl KEY…} ({@code key = value} lines) into settings by
 * key. The keys are printed (no {@code -n}) so that a key the kernel lacks
 * (no br_netfilter: sysctl names it on stderr and prints the others) cannot
 * shift a value onto the wrong key.
 */
public final class SysctlParser {

    private SysctlParser() {
    }

    public static Map<String, String> parse(String output, String command) {
        Limits.checkSize(output, command);
        String[] lines = output.split("\n", -1);
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf(" = ");
            if (equals <= 0) {
                throw Limits.badLine(command, i + 1, line, "not a 'key = value' line");
            }
            if (settings.put(line.substring(0, equals), line.substring(equals + 3)) != null) {
                throw Limits.badLine(command, i + 1, line, "a key printed twice");
            }
        }
        return settings;
    }
}
