package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.host.actual.ProbeResult;
import vnetdesk.host.actual.ProbeResult.Availability;
import vnetdesk.host.apply.StateReader;
import vnetdesk.host.plan.Plan;
import vnetdesk.host.plan.Planner;
import vnetdesk.host.plan.SavedTables;
import vnetdesk.host.state.HostState;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostApplyOutcome.Result;
import vnetdesk.service.Inventory;
import vnetdesk.service.core.Access;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.template.TemplateParser;

/**
 * What the console records about a host between connections, through the
 * engine's recorder and read back from H2: contact, probe (its JSON round
 * trip), drift with the devices read, what an apply changes of it, and the
 * row going with its host.
 */
class HostStatusTest {

    private static final Actor ADMIN = Actor.ONEADMIN;
    private static final ObjectRef KVM1 = ObjectRef.name("kvm1");
    private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");

    @TempDir
    Path dir;
    private Inventory inv;
    private HostStatusRecorder recorder;
    private Host kvm1;

    @BeforeEach
    void open() {
        inv = Inventory.openDirectory(dir.resolve("inventory"));
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.of("10.0.0.5"));
        kvm1 = inv.hosts().show(ADMIN, KVM1).host();
        recorder = new HostStatusRecorder(inv.hostStatuses(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        inv.close();
    }

    /** A root host with everything but 8021q. */
    static ProbeResult probe() {
        Map<String, Availability> features = Map.of("bridge", Availability.YES, "8021q", Availability.NO,
                "vxlan", Availability.LOADABLE, "br_netfilter", Availability.YES, "act_police", Availability.NO);
        Set<String> tools = Set.of("ip", "bridge", "iptables", "iptables-save", "iptables-restore", "ip6tables",
                "ip6tables-save", "ip6tables-restore", "ipset", "ebtables", "ebtables-save", "tc");
        return new ProbeResult("6.8.0", features, tools, ProbeResult.Privilege.ROOT,
                Map.of("net.bridge.bridge-nf-call-iptables", "1"));
    }

    private HostStatus status() {
        return inv.hostStatuses().status(ADMIN, KVM1);
    }

    @Test
    void aHostNeverTriedHasNoStatusAndAFailedContactKeepsItsMessage() {
        assertEquals(HostStatus.NONE, status());
        assertEquals(Map.of(), inv.hostStatuses().all(ADMIN));
        recorder.contact(kvm1, Optional.of("10.0.0.5:22: connection refused"));
        HostStatus.Contact c = status().contact().orElseThrow();
        assertFalse(c.reachable());
        assertEquals(Optional.of("10.0.0.5:22: connection refused"), c.message());
        assertEquals(T0, c.at());
        assertEquals(Optional.empty(), status().probe(), "a contact alone records no probe");
        recorder.contact(kvm1, Optional.empty());
        assertEquals(new HostStatus.Contact(T0, true, Optional.empty()), status().contact().orElseThrow());
    }

    @Test
    void aProbeIsKeptAsItsReportAndSummedUpInOneLine() {
        recorder.probed(kvm1, probe());
        HostReports.ProbeReport report = status().probe().orElseThrow().report();
        assertEquals(HostReports.probe(probe()), report, "the JSON gives the same report back");
        assertEquals("root; bridge, fw, ebtables, vxlan; 802.1Q: no 8021q", HostStatus.probeSummary(report));
        assertTrue(report.drivers().get(vnetdesk.model.Driver.VLAN).get(0).contains("8021q"));
    }

    @Test
    void aPlanRecordsTheProbeTheDriftWithItsDifferencesAndTheDevicesRead() {
        HostState desired = inv.hostPlans().desiredState(ADMIN, KVM1);
        HostState actual = new HostState(Map.of("eth0", new vnetdesk.host.state.Device.Other("eth0",
                Optional.empty(), java.util.OptionalInt.empty())), Map.of(), desired.iptables(),
                desired.ip6tables(), desired.ebtables(), Map.of(), Map.of());
        HostState wanted = new HostState(Map.of("br9", new vnetdesk.host.state.Device.Bridge("br9", Optional.empty(),
                true, java.util.OptionalInt.empty())), Map.of(), desired.iptables(), desired.ip6tables(),
                desired.ebtables(), Map.of(), Map.of());
        Plan plan = Planner.plan(actual, wanted, SavedTables.NONE);
        recorder.planned(kvm1, probe(), new StateReader.Reading(actual, SavedTables.NONE), plan);
        HostStatus s = status();
        HostStatus.DriftCheck drift = s.drift().orElseThrow();
        assertEquals(PlanStatus.CHANGES, drift.status());
        assertTrue(drift.differences().stream().anyMatch(d -> d.contains("br9")), drift.differences().toString());
        assertEquals(List.of("eth0"), s.devices().orElseThrow().names());
        assertTrue(s.probe().isPresent());

        recorder.planFailed(kvm1, "the host answered what the engine cannot read");
        assertEquals(PlanStatus.UNREACHABLE, status().drift().orElseThrow().status());
        assertEquals(List.of("eth0"), status().devices().orElseThrow().names(), "the devices last read stay");
    }

    @Test
    void aSuccessfulApplyIsInSyncARolledBackFailureKeepsTheDriftAndOneNotRolledBackMarksIt() {
        recorder.planned(kvm1, probe(), new StateReader.Reading(HostState.EMPTY, SavedTables.NONE),
                new Plan(List.of(), List.of("network 1:lan needs 8021q"), List.of()));
        assertEquals(PlanStatus.BLOCKED, status().drift().orElseThrow().status());

        HostState applied = new HostState(Map.of("br0", new vnetdesk.host.state.Device.Bridge("br0",
                Optional.empty(), true, java.util.OptionalInt.empty())), Map.of(), vnetdesk.host.state.RuleTable.EMPTY,
                vnetdesk.host.state.RuleTable.EMPTY, vnetdesk.host.state.RuleTable.EMPTY, Map.of(), Map.of());
        recorder.applied(kvm1, outcome(Result.APPLIED, "3 steps"), Optional.of(applied));
        assertEquals(new HostStatus.DriftCheck(T0.plusSeconds(65), PlanStatus.IN_SYNC, List.of()),
                status().drift().orElseThrow());
        assertEquals(List.of("br0"), status().devices().orElseThrow().names());

        recorder.applied(kvm1, outcome(Result.FAILED_ROLLED_BACK, "step 2 failed; rolled back"), Optional.empty());
        assertEquals(PlanStatus.IN_SYNC, status().drift().orElseThrow().status(), "the host is as it was");

        recorder.applied(kvm1, outcome(Result.FAILED_NOT_ROLLED_BACK, "step 2 failed; connection lost"),
                Optional.empty());
        HostStatus.DriftCheck after = status().drift().orElseThrow();
        assertEquals(PlanStatus.CHANGES, after.status());
        assertEquals(List.of("the last apply failed and was not rolled back: step 2 failed; connection lost"),
                after.differences());

        recorder.applied(kvm1, outcome(Result.UNREACHABLE, "connection refused"), Optional.empty());
        assertEquals(new HostStatus.Contact(T0.plusSeconds(65), false, Optional.of("connection refused")),
                status().contact().orElseThrow());
        assertEquals(PlanStatus.CHANGES, status().drift().orElseThrow().status(), "unreachable leaves the drift");
    }

    private static HostApplyOutcome outcome(Result result, String message) {
        return new HostApplyOutcome(T0.plusSeconds(60), T0.plusSeconds(65), result,
                result.namesAFailedStep() ? Optional.of(2) : Optional.empty(), message, 4);
    }

    @Test
    void recordingTakesTheRightToManageTheHostAndDeletingTheHostRemovesItsRow() throws Exception {
        inv.users().createUser(ADMIN, "bob", "users");
        Actor bob = inv.actor("bob");
        HostStatus contact = new HostStatus(Optional.of(new HostStatus.Contact(T0, true, Optional.empty())),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThrows(Access.PermissionDeniedException.class, () -> inv.hostStatuses().record(bob, KVM1, contact));
        inv.hostStatuses().record(ADMIN, KVM1, contact);
        assertEquals(contact, inv.hostStatuses().status(bob, KVM1), "anyone may read it");
        assertEquals(Map.of(kvm1.id(), contact), inv.hostStatuses().all(bob));

        inv.hosts().delete(ADMIN, KVM1);
        assertEquals(0, (int) inv.database().read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM HOST_STATUS")) {
                r.next();
                return r.getInt(1);
            }
        }));
    }

    @Test
    void aHostWithNothingPlacedHasAnEmptyDesiredReport() {
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = bridge\nBRIDGE = br0\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 4 ]\n", "t"));
        DesiredReport r = inv.hostPlans().desiredReport(ADMIN, KVM1);
        assertEquals(List.of(), r.networks());
        assertEquals(List.of(), r.nics());
        assertEquals(Optional.empty(), r.devicesRead());
    }
}
