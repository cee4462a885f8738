package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.host.actual.ActualStateReader;
import vnetdesk.lab.HostDumps;
import vnetdesk.lab.Lab;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome.Result;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.service.Inventory;
import vnetdesk.ssh.Cancellation;
import vnetdesk.ssh.SshTransport;
import vnetdesk.template.TemplateParser;

/**
 * Cleanup takes away exactly one NIC: two VMs on one host, on one ebtables
 * network with inbound QoS and the same security group, so their chains,
 * spoofing sets, ebtables rules and htb classes look alike but for the tap;
 * detaching one VM's NIC and applying leaves no line naming its tap in any
 * save output and the other VM's lines exactly as they were (OpenNebula's
 * cleanup by text search removes other NICs' rules too).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactCleanupLabTest {

    static final Actor ADMIN = Actor.ONEADMIN;
    static final List<String> SAVES = List.of(ActualStateReader.IPTABLES, ActualStateReader.IP6TABLES, "ipset save",
            "ebtables-save");

    @TempDir
    static Path dir;
    Lab lab;
    LabHost host;
    Inventory inv;
    SshTransport transport;
    HostEngine engine;

    @BeforeAll
    void start() {
        LabPrerequisites.assumeLab();
        lab = Lab.start(1);
        host = lab.host(0);
        inv = Inventory.openDirectory(dir.resolve("inventory"));
        int group = inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = web\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 8080, IP = 10.0.0.1, SIZE = 1 ]\n"
                + "RULE = [ PROTOCOL = ALL, RULE_TYPE = outbound ]\n", "sg"));
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = ebtables\nBRIDGE = vdbr0\n"
                + "SECURITY_GROUPS = " + group + "\nFILTER_MAC_SPOOFING = YES\nFILTER_IP_SPOOFING = YES\n"
                + "INBOUND_AVG_BW = 1000\nINBOUND_PEAK_BW = 2000\nINBOUND_PEAK_KB = 500\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "net"));
        inv.hosts().create(ADMIN, "kvm0", Optional.empty(), Optional.of(host.address()),
                new HostConnection(host.port(), host.user(),
                        new HostConnection.Identity.KeyFile(host.privateKey().toString())));
        transport = new SshTransport(new SshTransport.Settings(dir.resolve("known_hosts"), Optional.empty(),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)), key -> true);
        engine = inv.hostEngine(transport, (target, what) -> Optional.empty(), HostEngine.Settings.defaults());
    }

    @AfterAll
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (inv != null) {
            inv.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /** A VM with one NIC on lan, deployed to kvm0, its lab NIC in place; returns its tap. */
    String vm(String name) {
        int id = inv.vms().create(ADMIN, TemplateParser.parse("NAME = " + name + "\nNIC = [ NETWORK = lan ]\n", "vm"));
        inv.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name("kvm0"));
        NicNetwork.Leased lease = inv.vms().show(ADMIN, ObjectRef.id(id)).vm().nics().get(0).lease().orElseThrow();
        lab.vm(host, id, 0, lease.addresses().mac(), List.of(lease.addresses().ip().orElseThrow() + "/24"));
        return "one-" + id + "-0";
    }

    Result apply() {
        HostEngine.HostApply a = engine.apply(ADMIN, List.of(ObjectRef.name("kvm0")), new Cancellation(), r -> { })
                .get(0);
        assertTrue(a.outcome().result().success(), a.outcome().message());
        return a.outcome().result();
    }

    /** Per save output, its lines naming {@code tap}, in order; plus the tap's qdiscs and classes. */
    Map<String, List<String>> linesOf(String tap) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String save : SAVES) {
            out.put(save, HostDumps.lines(host, save).stream().filter(l -> l.contains(tap)).toList());
        }
        out.put("tc qdisc", HostDumps.lines(host, "tc qdisc show dev " + tap));
        out.put("tc class", HostDumps.lines(host, "tc class show dev " + tap));
        return out;
    }

    @Test
    void detachingOneNicRemovesExactlyItsChainsSetsEbtablesRulesAndShapingAndLeavesTheOthers() {
        String gone = vm("a");
        String kept = vm("b");
        assertEquals(Result.APPLIED, apply());
        Map<String, List<String>> goneBefore = linesOf(gone);
        Map<String, List<String>> keptBefore = linesOf(kept);
        for (Map.Entry<String, List<String>> e : goneBefore.entrySet()) {
            if (!e.getKey().startsWith("ip6tables")) {
                assertFalse(e.getValue().isEmpty(), gone + " has lines in " + e.getKey() + " to remove");
                assertEquals(e.getValue().size(), keptBefore.get(e.getKey()).size(),
                        "both NICs look alike in " + e.getKey() + ": " + e.getValue() + " / " + keptBefore.get(e.getKey()));
            }
        }
        assertTrue(goneBefore.get("tc class").stream().anyMatch(l -> l.contains("htb")), "inbound QoS shapes");

        int vm = Integer.parseInt(gone.split("-")[1]);
        inv.vms().detachNic(ADMIN, ObjectRef.id(vm), 0);
        assertTrue(engine.pending(ADMIN, ObjectRef.name("kvm0")));
        assertEquals(Result.APPLIED, apply());

        Map<String, List<String>> goneAfter = linesOf(gone);
        for (String save : SAVES) {
            assertEquals(List.of(), goneAfter.get(save), "no line of " + save + " names " + gone);
        }
        assertTrue(goneAfter.get("tc class").isEmpty(), "its htb class is gone: " + goneAfter.get("tc class"));
        assertFalse(goneAfter.get("tc qdisc").stream().anyMatch(l -> l.contains("htb")),
                "its htb qdisc is gone: " + goneAfter.get("tc qdisc"));
        assertEquals(keptBefore, linesOf(kept), "the other NIC's chains, sets, rules and shaping are as they were");
        assertEquals(Result.NOTHING_TO_DO, apply());
    }
}
