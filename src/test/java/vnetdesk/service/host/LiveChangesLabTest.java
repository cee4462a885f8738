package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.host.actual.ActualStateReader;
import vnetdesk.lab.HostDumps;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.lab.LabProcess;
import vnetdesk.lab.LabVm;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.PropagationState;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.service.Inventory;
import vnetdesk.service.SecurityGroupService;
import vnetdesk.service.core.Access;
import vnetdesk.service.vm.NicRequest;
import vnetdesk.ssh.Cancellation;
import vnetdesk.template.TemplateParser;

/**
 * Inventory changes reaching a lab host at once: a security group's commit
 * moves its VMs to up to date (and packets show the new rule) or to error
 * with the host's message; a NIC attached to a running VM is applied, taken
 * back when the host cannot carry it, kept pending when the host is
 * unreachable; a detach removes its chains.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveChangesLabTest {

    static final Actor ADMIN = Actor.ONEADMIN;
    static final ObjectRef HOST = ObjectRef.name("kvm0");

    @TempDir
    static Path dir;
    EngineLab lab;
    LabHost host;
    Inventory inv;
    HostEngine engine;
    LiveChanges live;
    LabVm web;
    LabVm client;
    int webId;

    @BeforeAll
    void start() {
        LabPrerequisites.assumeLab();
        lab = EngineLab.start(dir, 1);
        host = lab.host(0);
        inv = lab.inv;
        engine = lab.engine;
        lab.group("NAME = web\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n"
                + "RULE = [ PROTOCOL = ALL, RULE_TYPE = outbound ]\n");
        lab.network("NAME = lan\nVN_MAD = fw\nBRIDGE = vdbr1\n"
                + "SECURITY_GROUPS = 100\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        lab.network("NAME = tagged\nVN_MAD = 802.1Q\nPHYDEV = vdnone0\n"
                + "VLAN_ID = 50\nAR = [ TYPE = IP4, IP = 10.5.0.1, SIZE = 10 ]\n");
        live = new LiveChanges(engine, inv.vms(), inv.hosts(), inv.securityGroups());
        client = lab.vm("client", "NETWORK = lan", 0);
        web = lab.vm("web", "NETWORK = lan", 0);
        webId = web.vmId();
        assertTrue(engine.apply(ADMIN, List.of(HOST), new Cancellation(), r -> { }).get(0).outcome().result()
                .success());
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    List<PropagationState> states() {
        return inv.securityGroups().show(ADMIN, ObjectRef.name("web")).vms().stream()
                .map(SecurityGroupService.VmStatus::state).toList();
    }

    @Test
    @Order(1)
    void aCommitAppliesTheNewRuleToTheHostAndItsVmsBecomeUpToDate() {
        inv.securityGroups().update(ADMIN, ObjectRef.name("web"), TemplateParser.parse(
                "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 23 ]\n", "u"), true);
        assertEquals(List.of(PropagationState.OUTDATED, PropagationState.OUTDATED), states());
        try (LabProcess telnet = web.tcpServe(23)) {
            assertFalse(client.tcpConnect(web.ip(false), 23, 3), "not on the host before the commit");
            LiveChanges.CommitResult r = live.commitSecurityGroup(ADMIN, ObjectRef.name("web"), false,
                    HostRun.quiet());
            assertEquals(2, r.updated(), r.message());
            assertEquals(1, r.hosts().size());
            assertEquals(List.of(PropagationState.UPDATED, PropagationState.UPDATED), states());
            assertTrue(client.tcpConnect(web.ip(false), 23, 5), "the committed rule is on the host");
        }
    }

    @Test
    @Order(2)
    void aCommitToAnUnreachableHostLeavesItsVmsInErrorWithTheHostsMessage() {
        inv.hosts().setConnection(ADMIN, HOST, new HostService.ConnectionChange(Optional.empty(), Optional.of(1),
                Optional.empty(), Optional.empty()));
        try {
            LiveChanges.CommitResult r = live.commitSecurityGroup(ADMIN, ObjectRef.name("web"), false,
                    HostRun.quiet());
            assertEquals(2, r.failed(), r.message());
            List<SecurityGroupService.VmStatus> vms = inv.securityGroups().show(ADMIN, ObjectRef.name("web")).vms();
            assertTrue(vms.stream().allMatch(v -> v.state() == PropagationState.ERROR), vms.toString());
            assertTrue(vms.get(0).error().orElseThrow().contains("UNREACHABLE"), vms.get(0).error().get());
            assertTrue(vms.get(0).error().get().contains("127.0.0.1:1"), vms.get(0).error().get());
        } finally {
            inv.hosts().setConnection(ADMIN, HOST, new HostService.ConnectionChange(Optional.empty(),
                    Optional.of(host.port()), Optional.empty(), Optional.empty()));
        }
        LiveChanges.CommitResult retry = live.commitSecurityGroup(ADMIN, ObjectRef.name("web"), true,
                HostRun.quiet());
        assertEquals(2, retry.updated(), retry.message());
    }

    @Test
    @Order(3)
    void aNicAttachedToARunningVmIsOnTheHostAtOnceAndADetachTakesItAway() {
        LiveChanges.NicChange attached = live.attachNic(ADMIN, ObjectRef.id(webId), NicRequest.on(ObjectRef.name("lan")));
        assertFalse(attached.rolledBack(), attached.message());
        assertEquals(HostApplyOutcome.Result.APPLIED, attached.host().orElseThrow().outcome().result());
        String tap = "one-" + webId + "-" + attached.nicIndex();
        assertTrue(host.sh("iptables-save -t filter").orThrow().out().contains("-A " + tap + "-i "),
                "the new NIC's chain is on the host");
        LiveChanges.NicChange detached = live.detachNic(ADMIN, ObjectRef.id(webId), attached.nicIndex());
        assertEquals(HostApplyOutcome.Result.APPLIED, detached.host().orElseThrow().outcome().result(),
                detached.message());
        assertFalse(host.sh("iptables-save -t filter; ipset save").orThrow().out().contains(tap + "-"),
                "nothing of the detached NIC is left");
    }

    @Test
    @Order(4)
    void aNicTheHostCannotCarryIsTakenBackWithItsLease() {
        String before = hostConfiguration();
        LiveChanges.NicChange r = live.attachNic(ADMIN, ObjectRef.id(webId), NicRequest.on(ObjectRef.name("tagged")));
        assertTrue(r.rolledBack(), r.message());
        assertTrue(r.message().contains("taken back"), r.message());
        assertEquals(1, inv.vms().show(ADMIN, ObjectRef.id(webId)).vm().nics().size(), "the NIC is gone");
        assertEquals(0, inv.queries().leasePage(ADMIN, ObjectRef.name("tagged"), 0, OptionalLong.empty(), 10).size(),
                "its lease is released");
        assertEquals(before, hostConfiguration());
    }

    /** The host's filter table, ipsets and links. */
    String hostConfiguration() {
        return HostDumps.of(host, List.of(ActualStateReader.IPTABLES, "ipset save", "ip -d link show"));
    }

    @Test
    @Order(5)
    void aNicAttachedWhileTheHostIsUnreachableStaysAndIsPending() {
        inv.hosts().setConnection(ADMIN, HOST, new HostService.ConnectionChange(Optional.empty(), Optional.of(1),
                Optional.empty(), Optional.empty()));
        LiveChanges.NicChange r;
        try {
            r = live.attachNic(ADMIN, ObjectRef.id(webId), NicRequest.on(ObjectRef.name("lan")));
        } finally {
            inv.hosts().setConnection(ADMIN, HOST, new HostService.ConnectionChange(Optional.empty(),
                    Optional.of(host.port()), Optional.empty(), Optional.empty()));
        }
        assertFalse(r.rolledBack(), r.message());
        assertTrue(r.message().contains("pending"), r.message());
        assertEquals(2, inv.vms().show(ADMIN, ObjectRef.id(webId)).vm().nics().size());
        assertTrue(engine.pending(ADMIN, HOST));
        assertEquals(HostApplyOutcome.Result.APPLIED,
                engine.apply(ADMIN, List.of(HOST), new Cancellation(), x -> { }).get(0).outcome().result());
        assertFalse(engine.pending(ADMIN, HOST));
    }

    @Test
    @Order(6)
    void aUserWhoMayChangeTheVmGetsItsHostAppliedWithoutAnyRightOnTheHost() {
        inv.users().createUser(ADMIN, "bob", "users");
        Actor bob = inv.actor("bob");
        inv.vms().chown(ADMIN, ObjectRef.id(webId), Optional.of("bob"), Optional.empty());
        inv.networks().chmod(ADMIN, ObjectRef.name("lan"), new Permissions(0644));
        assertThrows(Access.PermissionDeniedException.class, () -> inv.hosts().manageable(bob, HOST, "apply to"),
                "bob may not manage the host himself");
        LiveChanges.NicChange r = live.attachNic(bob, ObjectRef.id(webId), NicRequest.on(ObjectRef.name("lan")));
        assertFalse(r.rolledBack(), r.message());
        assertEquals(HostApplyOutcome.Result.APPLIED, r.host().orElseThrow().outcome().result(), r.message());
        assertTrue(host.sh("iptables-save -t filter").orThrow().out().contains("-A one-" + webId + "-" + r.nicIndex()
                + "-i "), "the NIC bob attached is on the host");
    }
}
