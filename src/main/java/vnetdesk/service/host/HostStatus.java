package vnetdesk.service.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vnetdesk.model.Driver;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostReports.ProbeReport;

/**
 * What the console knows about a host between connections: the engine's
 * last contact with it, its last probe, its last drift check, and the
 * devices it was known to have. Each part is empty until the engine first
 * did that to the host.
 */
public record HostStatus(Optional<Contact> contact, Optional<Probed> probe, Optional<DriftCheck> drift,
                         Optional<KnownDevices> devices) {

    /** A host the engine never tried. */
    public static final HostStatus NONE = new HostStatus(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /** The engine's last try to reach the host as root; {@code message} says why it failed. */
    public record Contact(Instant at, boolean reachable, Optional<String> message) {
    }

    /** The host's last probe. */
    public record Probed(Instant at, ProbeReport report) {
    }

    /** The host's last comparison with its desired state: outcome and the differences in words. */
    public record DriftCheck(Instant at, PlanStatus status, List<String> differences) {
        public DriftCheck {
            differences = List.copyOf(differences);
        }
    }

    /** The names of the devices the host had when read (or was verified to have after an apply), sorted. */
    public record KnownDevices(Instant at, List<String> names) {
        public KnownDevices {
            names = names.stream().sorted().distinct().toList();
        }
    }

    private static final Pattern FEATURE = Pattern.compile("needs the kernel feature (\\S+)");
    private static final Pattern TOOL = Pattern.compile("needs the tool (\\S+)");

    /**
     * A probe in one line: how commands get root, the drivers the host can
     * run, then each one it cannot with what it lacks — e.g.
     * {@code root; bridge, fw, ebtables, vxlan; 802.1Q: no 8021q}.
     */
    public static String probeSummary(ProbeReport probe) {
        List<String> parts = new ArrayList<>();
        parts.add(probe.privilege());
        List<String> runs = new ArrayList<>();
        List<String> cannot = new ArrayList<>();
        for (Map.Entry<Driver, List<String>> d : probe.drivers().entrySet()) {
            if (d.getValue().isEmpty()) {
                runs.add(d.getKey().mad());
            } else {
                cannot.add(d.getKey().mad() + ": " + lacking(d.getValue()));
            }
        }
        parts.add(runs.isEmpty() ? "no driver" : String.join(", ", runs));
        parts.addAll(cannot);
        return String.join("; ", parts);
    }

    /** What a driver lacks, short: "no 8021q", "no ebtables-save", "no root". */
    private static String lacking(List<String> reasons) {
        List<String> out = new ArrayList<>();
        for (String reason : reasons) {
            Matcher feature = FEATURE.matcher(reason);
            Matcher tool = TOOL.matcher(reason);
            String shortly = feature.find() ? "no " + feature.group(1) : tool.find() ? "no " + tool.group(1)
                    : reason.contains("root") ? "no root" : reason;
            if (!out.contains(shortly)) {
                out.add(shortly);
            }
        }
        return String.join(", ", out);
    }
}
