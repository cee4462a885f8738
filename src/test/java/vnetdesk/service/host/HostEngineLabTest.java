package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.host.apply.ApplyReport;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.lab.LabProcess;
import vnetdesk.lab.LabVm;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.service.Inventory;
import vnetdesk.ssh.Cancellation;
import vnetdesk.ssh.HostKeyPrompt;
import vnetdesk.template.TemplateParser;

/**
 * The whole engine end to end: an inventory with a security group, a fw
 * network and two VMs on a lab host reached over real SSH; the apply loads
 * the firewall, and real packets between the VM namespaces show it allows
 * and drops what the group says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostEngineLabTest {

    static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    static Path dir;
    EngineLab lab;
    LabHost host;
    Inventory inv;
    HostEngine engine;
    List<HostKeyPrompt.UnknownHostKey> prompted;
    LabVm web;
    LabVm client;
    LabVm resolver;

    @BeforeAll
    void start() {
        LabPrerequisites.assumeLab();
        lab = EngineLab.start(dir, 1);
        host = lab.host(0);
        inv = lab.inv;
        engine = lab.engine;
        prompted = lab.prompted;
        lab.group("NAME = web\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n"
                + "RULE = [ PROTOCOL = UDP, RULE_TYPE = inbound, RANGE = 53 ]\n"
                + "RULE = [ PROTOCOL = ICMP, RULE_TYPE = inbound, ICMP_TYPE = 8 ]\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 8080, IP = 10.0.0.1, SIZE = 1 ]\n"
                + "RULE = [ PROTOCOL = ALL, RULE_TYPE = outbound ]\n");
        lab.network("NAME = lan\nVN_MAD = fw\nBRIDGE = vdbr0\n"
                + "SECURITY_GROUPS = 100\nFILTER_MAC_SPOOFING = YES\nFILTER_IP_SPOOFING = YES\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        lab.group("NAME = egress\n"
                + "RULE = [ PROTOCOL = ALL, RULE_TYPE = inbound ]\n"
                + "RULE = [ PROTOCOL = UDP, RULE_TYPE = outbound, RANGE = 53 ]\n");
        // a second network on the same bridge, whose VMs may send only DNS
        lab.network("NAME = dmz\nVN_MAD = fw\nBRIDGE = vdbr0\n"
                + "SECURITY_GROUPS = 101\nAR = [ TYPE = IP4, IP = 10.0.0.100, SIZE = 10 ]\n");
        client = lab.vm("client", "NETWORK = lan", 0);
        web = lab.vm("web", "NETWORK = lan", 0);
        resolver = lab.vm("resolver", "NETWORK = dmz", 0);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    HostEngine.HostApply applyOnce() {
        List<HostEngine.HostApply> results = engine.apply(ADMIN, List.of(ObjectRef.name("kvm0")), new Cancellation(),
                r -> { });
        assertEquals(1, results.size());
        return results.get(0);
    }

    @Test
    @Order(1)
    void theFirstApplyTrustsTheHostKeyLoadsTheFirewallAndTheSecondChangesNothing() {
        assertTrue(engine.pending(ADMIN, ObjectRef.name("kvm0")), "nothing applied yet");
        HostEngine.HostApply first = applyOnce();
        assertEquals(HostApplyOutcome.Result.APPLIED, first.outcome().result(), first.outcome().message());
        assertEquals(1, prompted.size(), "asked once, on first contact");
        assertEquals(host.hostKeyFingerprint(), prompted.get(0).fingerprint());
        assertFalse(engine.pending(ADMIN, ObjectRef.name("kvm0")));

        HostEngine.HostApply second = applyOnce();
        assertEquals(HostApplyOutcome.Result.NOTHING_TO_DO, second.outcome().result(), second.outcome().message());
        ApplyReport report = second.report().orElseThrow();
        assertEquals(0, report.changingCommands(), report.log().toString());
        assertTrue(engine.plan(ADMIN, List.of(ObjectRef.name("kvm0")), new Cancellation()).get(0).plan()
                .orElseThrow().isEmpty());
        assertEquals(1, prompted.size(), "the stored key is trusted without asking again");
        assertEquals(HostApplyOutcome.Result.NOTHING_TO_DO,
                inv.hosts().lastOutcome(ADMIN, ObjectRef.name("kvm0")).orElseThrow().result());
    }

    @Test
    @Order(2)
    void aPlanRecordsTheContactTheProbeTheDriftAndTheDevicesAndARemovedRuleShowsAsOutOfSyncUntilApplied() {
        applied();
        ObjectRef kvm0 = ObjectRef.name("kvm0");
        engine.plan(ADMIN, List.of(kvm0), new Cancellation());
        HostStatus status = inv.hostStatuses().status(ADMIN, kvm0);
        assertTrue(status.contact().orElseThrow().reachable());
        assertEquals("root", status.probe().orElseThrow().report().privilege());
        assertEquals(HostReports.PlanStatus.IN_SYNC, status.drift().orElseThrow().status());
        assertTrue(status.devices().orElseThrow().names().containsAll(List.of("vdbr0", web.tap(), client.tap())),
                status.devices().toString());
        DesiredReport desired = inv.hostPlans().desiredReport(ADMIN, kvm0);
        assertTrue(desired.networks().stream().flatMap(n -> n.devices().stream())
                .allMatch(d -> d.presence() == DesiredReport.Presence.PRESENT), desired.networks().toString());

        // a rule removed behind the console's back
        host.run("iptables", "-D", web.tap() + "-i", "-p", "tcp", "-m", "multiport", "--dports", "22", "-j",
                "RETURN").orThrow();
        engine.plan(ADMIN, List.of(kvm0), new Cancellation());
        HostStatus.DriftCheck drift = inv.hostStatuses().status(ADMIN, kvm0).drift().orElseThrow();
        assertEquals(HostReports.PlanStatus.CHANGES, drift.status());
        assertTrue(drift.differences().stream().anyMatch(d -> d.contains("iptables")), drift.differences().toString());

        applied();
        assertEquals(HostReports.PlanStatus.IN_SYNC, inv.hostStatuses().status(ADMIN, kvm0).drift().orElseThrow()
                .status(), "the apply repaired it");
    }

    void applied() {
        HostApplyOutcome.Result r = applyOnce().outcome().result();
        assertTrue(r.success(), r.toString());
    }

    @Test
    void anAllowedTcpPortPassesAndAnotherIsDropped() {
        applied();
        try (LabProcess ssh = web.tcpServe(22); LabProcess telnet = web.tcpServe(23)) {
            assertTrue(client.tcpConnect(web.ip(false), 22, 5), "TCP 22 is allowed inbound");
            assertFalse(client.tcpConnect(web.ip(false), 23, 3), "TCP 23 is dropped");
        }
    }

    @Test
    void udpAndIcmpEchoAreAllowedByTheirRules() {
        applied();
        try (LabProcess dns = web.udpListen(53); LabProcess other = web.udpListen(54)) {
            client.udpSend(web.ip(false), 53, "allowed");
            client.udpSend(web.ip(false), 54, "dropped");
            assertTrue(dns.awaitLine(l -> l.contains("allowed"), Duration.ofSeconds(5)).isPresent());
            client.udpSend(web.ip(false), 53, "second");
            assertTrue(dns.awaitLine(l -> l.contains("second"), Duration.ofSeconds(5)).isPresent());
            assertTrue(other.awaitLine(l -> l.contains("dropped"), Duration.ofMillis(500)).isEmpty(),
                    "UDP 54 is dropped");
        }
        assertEquals(3, client.ping(web.ip(false), 3, 5), "echo requests are allowed by ICMP_TYPE 8");
    }

    @Test
    void anAddressBlockRuleAllowsItsAddressAndDropsAnAddressOutsideIt() {
        applied();
        // TCP 8080 is allowed only from 10.0.0.1 + 1 (the client's lease); web has 10.0.0.2
        assertEquals("10.0.0.1", client.ip(false));
        try (LabProcess onWeb = web.tcpServe(8080); LabProcess onClient = client.tcpServe(8080)) {
            assertTrue(client.tcpConnect(web.ip(false), 8080, 5), "10.0.0.1 is inside the block");
            assertFalse(web.tcpConnect(client.ip(false), 8080, 3), "10.0.0.2 is outside it");
        }
    }

    @Test
    void theDefaultGroupAloneAllowsWhatTheWebGroupDrops() {
        setGroups("0");
        try {
            applied();
            try (LabProcess telnet = web.tcpServe(23)) {
                assertTrue(client.tcpConnect(web.ip(false), 23, 5), "default alone allows TCP 23 too");
            }
        } finally {
            setGroups("100");
            applied();
        }
        try (LabProcess telnet = web.tcpServe(23)) {
            assertFalse(client.tcpConnect(web.ip(false), 23, 3), "with the web group again TCP 23 is dropped");
        }
    }

    @Test
    void aVmSpoofingItsMacOrItsIpAddressIsDropped() {
        applied();
        try (LabProcess dns = web.udpListen(53)) {
            try {
                client.spoofAddress("10.0.0.9/24");
                client.neighbour(web.ip(false), web.mac());
                client.udpSend(web.ip(false), 53, "spoofed-ip");
                client.unspoof();
                client.spoofMac(vnetdesk.model.Mac.parse("MAC", "02:00:0a:00:00:99"));
                client.neighbour(web.ip(false), web.mac());
                client.udpSend(web.ip(false), 53, "spoofed-mac");
            } finally {
                client.unspoof();
            }
            client.udpSend(web.ip(false), 53, "honest");
            // sent in this order: had a spoofed datagram passed, it would be the first line
            Optional<String> first = dns.awaitLine(l -> l.contains("spoofed") || l.contains("honest"),
                    Duration.ofSeconds(5));
            assertEquals(Optional.of(LabVm.udpFrom(client.ip(false), "honest")), first);
        }
    }

    @Test
    void outboundRulesLimitWhatAVmSends() {
        applied();
        try (LabProcess dns = web.udpListen(53); LabProcess ssh = web.tcpServe(22)) {
            resolver.udpSend(web.ip(false), 53, "query");
            assertTrue(dns.awaitLine(l -> l.contains("query"), Duration.ofSeconds(5)).isPresent(),
                    "UDP 53 out is allowed, and web lets it in");
            assertTrue(client.tcpConnect(web.ip(false), 22, 5), "web accepts TCP 22 from a VM that may send it");
            assertFalse(resolver.tcpConnect(web.ip(false), 22, 3), "the resolver's group lets no TCP out");
        }
    }

    void setGroups(String groups) {
        inv.networks().update(ADMIN, ObjectRef.name("lan"), TemplateParser.parse("SECURITY_GROUPS = \"" + groups
                + "\"\n", "update"), true);
    }
}
