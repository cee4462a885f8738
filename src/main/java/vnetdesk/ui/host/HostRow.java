package vnetdesk.ui.host;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.HostConnection.Identity;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostService.HostInfo;
import vnetdesk.service.host.HostStatus;

/**
 * One line of the hosts table: what its columns and the detail show,
 * computed once per load. {@code pending} is empty when the user may not
 * manage the host (so may not plan for it either); {@code lastApplyText} is
 * the Last apply column ("APPLIED 07:12", empty when never applied);
 * {@code status} is what the console last learnt about the host, and
 * {@code connectionText} its Connection column ("reachable 08:12").
 */
public record HostRow(int id, String name, int clusterId, String cluster, String address, HostConnection connection,
                      List<String> vms, Optional<Boolean> pending, Optional<HostApplyOutcome> lastApply,
                      String lastApplyText, HostStatus status, String connectionText) {

    /** The Drift column's badge: its text and the style class that colours it. */
    public enum Drift {
        IN_SYNC("in sync", "drift-in-sync"),
        OUT_OF_SYNC("out of sync", "drift-out-of-sync"),
        BLOCKED("blocked", "drift-blocked"),
        UNKNOWN("unknown: unreachable", "drift-unknown"),
        NOT_CHECKED("not checked", "drift-not-checked");

        private final String text;
        private final String styleClass;

        Drift(String text, String styleClass) {
            this.text = text;
            this.styleClass = styleClass;
        }

        public String text() {
            return text;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public HostRow {
        vms = List.copyOf(vms);
    }

    static HostRow of(HostInfo info, Optional<Boolean> pending, HostStatus status, ApplyTimes times) {
        return new HostRow(info.host().id(), info.host().name(), info.cluster().id(), info.cluster().label(),
                info.host().address(), info.host().connection(), info.vms().entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).toList(), pending, info.lastApply(),
                times.lastApply(info.lastApply()), status, status.contact().map(c -> c.reachable()
                        ? "reachable " + times.shortTime(c.at())
                        : "unreachable: " + c.message().orElse("no reason given")).orElse("not contacted"));
    }

    /** "root; bridge, fw, ebtables, vxlan; 802.1Q: no 8021q", or "not probed". */
    public String probeText() {
        return status.probe().map(p -> HostStatus.probeSummary(p.report())).orElse("not probed");
    }

    /** Where the host stood at its last drift check. */
    public Drift drift() {
        if (status.drift().isEmpty()) {
            return Drift.NOT_CHECKED;
        }
        PlanStatus s = status.drift().get().status();
        return s == PlanStatus.IN_SYNC ? Drift.IN_SYNC : s == PlanStatus.CHANGES ? Drift.OUT_OF_SYNC
                : s == PlanStatus.BLOCKED ? Drift.BLOCKED : Drift.UNKNOWN;
    }

    /** "id:name" as shown next to every object. */
    public String label() {
        return id + ":" + name;
    }

    /** The address as ssh would be pointed at it: {@code :port} added when not 22 (an IPv6 address bracketed). */
    public String addressText() {
        if (address.isEmpty()) {
            return "not set";
        }
        if (connection.port() == HostConnection.DEFAULT_PORT) {
            return address;
        }
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + connection.port();
    }

    /** "yes" or "no"; "—" when the user may not manage the host. */
    public String pendingText() {
        return pending.map(p -> p ? "yes" : "no").orElse("—");
    }

    /** How the console proves who it is: the key file's path, "ssh-agent", or the password to be asked. */
    public String identityText() {
        return identityText(connection.identity());
    }

    static String identityText(Identity identity) {
        if (identity instanceof Identity.KeyFile k) {
            return k.path();
        }
        return identity instanceof Identity.Password ? "password, asked when connecting" : "ssh-agent";
    }

    /** Whether the filter text (case-insensitive) is the id or appears in the name, cluster, address, user or a VM. */
    boolean matches(String filter) {
        String f = filter.toLowerCase(Locale.ROOT);
        return String.valueOf(id).equals(f) || name.toLowerCase(Locale.ROOT).contains(f)
                || cluster.toLowerCase(Locale.ROOT).contains(f) || address.toLowerCase(Locale.ROOT).contains(f)
                || connection.user().toLowerCase(Locale.ROOT).contains(f)
                || vms.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(f));
    }
}
