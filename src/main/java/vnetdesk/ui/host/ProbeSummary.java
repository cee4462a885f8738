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
        List<String> parts = new ArrayList<>(List.of(connected(user, r)));
        parts.addAll(unsupported(r));
        return String.join("; ", parts);
    }

    /** How the login got root, the kernel and the drivers the host can run: "connected as root; kernel …; drivers: …". */
    static String connected(String user, ProbeReport r) {
        List<String> can = r.drivers().entrySet().stream().filter(d -> d.getValue().isEmpty())
                .map(d -> d.getKey().mad()).toList();
        return privilege(user, r.privilege()) + "; kernel " + r.kernelRelease() + "; drivers: "
                + (can.isEmpty() ? "none" : String.join(", ", can));
    }

    /** Each driver the host cannot run, with why: "802.1Q: needs the kernel feature 8021q …". */
    static List<String> unsupported(ProbeReport r) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Driver, List<String>> d : r.drivers().entrySet()) {
            if (!d.getValue().isEmpty()) {
                lines.add(d.getKey().mad() + ": " + String.join("; ", reasons(d.getKey(), d.getValue())));
            }
        }
        return List.copyOf(lines);
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
