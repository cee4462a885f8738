package vnetdesk.ui.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vnetdesk.model.Driver;
import vnetdesk.service.host.HostReports.ProbeReport;

/**
 * What a probe found, in the words the console shows after Test connection
 * and Probe: one line an administrator reads at a glance (how the login got
 * root, the kernel, the drivers the host can run and why not the others),
 * and the lines worth a second look (features, missing tools, notes).
 */
final class ProbeSummary {

    private ProbeSummary() {
    }

    /**
     * "connected as root; kernel 6.8.0; drivers: bridge, fw, ebtables, vxlan;
     * 802.1Q: needs the kernel feature 8021q …" — {@code user} is the login
     * the probe used (the report knows only how it got root).
     */
    static String line(String user, ProbeReport r) {
        List<String> parts = new ArrayList<>();
        parts.add(privilege(user, r.privilege()));
        parts.add("kernel " + r.kernelRelease());
        List<String> can = new ArrayList<>();
        List<String> cannot = new ArrayList<>();
        for (Map.Entry<Driver, List<String>> d : r.drivers().entrySet()) {
            if (d.getValue().isEmpty()) {
                can.add(d.getKey().mad());
            } else {
                cannot.add(d.getKey().mad() + ": " + String.join("; ", reasons(d.getKey(), d.getValue())));
            }
        }
        parts.add("drivers: " + (can.isEmpty() ? "none" : String.join(", ", can)));
        parts.addAll(cannot);
        return String.join("; ", parts);
    }

    /** The features as probed, the tools missing, and the probe's notes, one per line. */
    static List<String> details(ProbeReport r) {
        List<String> lines = new ArrayList<>();
        List<String> features = new ArrayList<>();
        r.features().forEach((f, a) -> features.add(f + " " + a));
        lines.add("features: " + String.join(", ", features));
        if (!r.missingTools().isEmpty()) {
            lines.add("missing tools: " + String.join(", ", r.missingTools()));
        }
        lines.addAll(r.messages());
        return List.copyOf(lines);
    }

    private static String privilege(String user, String privilege) {
        return switch (privilege) {
            case "root" -> "connected as " + user + (user.equals("root") ? "" : " (uid 0)");
            case "sudo" -> "connected as " + user + ", root via sudo -n";
            default -> "connected as " + user + ", but commands cannot run as root (sudo -n is refused)";
        };
    }

    /** A reason starts with its driver's name ("802.1Q needs …"); after "802.1Q: " that name is said once. */
    private static List<String> reasons(Driver driver, List<String> reasons) {
        String prefix = driver.mad() + " ";
        return reasons.stream().map(s -> s.startsWith(prefix) ? s.substring(prefix.length()) : s).toList();
    }
}
