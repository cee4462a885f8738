package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.lab.HostDumps;
import vnetdesk.lab.Lab;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.ValidationException;
import vnetdesk.model.vm.HostApplyOutcome.Result;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.service.Inventory;
import vnetdesk.ssh.Cancellation;
import vnetdesk.ssh.SshTransport;
import vnetdesk.template.TemplateParser;

/**
 * Names made to break a shell — {@code ;}, {@code $( )}, backquotes,
 * quotes, blanks, newlines — on every object that reaches a host's plan:
 * where the inventory refuses them it names the field, where it accepts
 * them (names of networks, security groups and VMs; descriptions) an apply to a lab host over SSH succeeds and the canary file each
 * name would create if it ever ran is never there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileNamesLabTest {

    static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    static Path dir;
    /** Unique in /tmp (shared with the root namespace and other runs), checked absent before and after. */
    final Path canary = Path.of("/tmp", "vd-canary-" + UUID.randomUUID());
    Lab lab;
    LabHost host;
    Inventory inv;
    SshTransport transport;
    HostEngine engine;

    /** Each would create the canary if any shell on the way ran it as code rather than data. */
    List<String> hostile() {
        String touch = "touch " + canary;
        return List.of("x;" + touch, "$(" + touch + ")", "`" + touch + "`", "'\";" + touch + ";'",
                "a b && " + touch + " #", "x'$(" + touch + ")'\"`" + touch + "`\"");
    }

    /** The same, each with a newline before the command: one more way out of a quoted line. */
    List<String> hostileLines() {
        return List.of("x\n" + "touch " + canary, "'\ntouch " + canary + "\n'");
    }

    /** A template string holding {@code value} exactly ({@code \"} and {@code \\} escaped). */
    static String q(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @BeforeAll
    void start() {
        LabPrerequisites.assumeLab();
        assertFalse(Files.exists(canary));
        lab = Lab.start(1);
        host = lab.host(0);
        inv = Inventory.openDirectory(dir.resolve("inventory"));
        inv.hosts().create(ADMIN, "kvm0", Optional.empty(), Optional.of(host.address()),
                new HostConnection(host.port(), host.user(),
                        new HostConnection.Identity.KeyFile(host.privateKey().toString())));
        transport = new SshTransport(new SshTransport.Settings(dir.resolve("known_hosts"), Optional.empty(),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)), key -> true);
        engine = inv.hostEngine(transport, (target, what) -> Optional.empty(), HostEngine.Settings.defaults());
    }

    @AfterAll
    void stop() throws Exception {
        if (transport != null) {
            transport.close();
        }
        if (inv != null) {
            inv.close();
        }
        if (lab != null) {
            lab.close();
        }
        Files.deleteIfExists(canary);
    }

    @Test
    void aHostileBridgeOrPhysicalDeviceIsRefusedNamingTheField() {
        for (String name : concat(hostile(), hostileLines())) {
            for (String field : List.of("BRIDGE", "PHYDEV")) {
                ValidationException e = assertThrows(ValidationException.class, () -> inv.networks().create(ADMIN,
                        TemplateParser.parse("NAME = n\nVN_MAD = fw\n" + (field.equals("BRIDGE") ? "" : "BRIDGE = b\n")
                                + field + " = " + q(name) + "\nAR = [ TYPE = IP4, IP = 10.9.0.1, SIZE = 2 ]\n", "net")),
                        field + " = " + name);
                assertTrue(e.getMessage().contains(field), e.getMessage());
            }
        }
    }

    @Test
    void aNameWithANewlineIsRefusedNamingTheField() {
        for (String name : hostileLines()) {
            ValidationException net = assertThrows(ValidationException.class, () -> inv.networks().create(ADMIN,
                    TemplateParser.parse("NAME = " + q(name) + "\nVN_MAD = fw\nBRIDGE = b\n", "net")));
            assertTrue(net.getMessage().contains("NAME"), net.getMessage());
            ValidationException sg = assertThrows(ValidationException.class, () -> inv.securityGroups().create(ADMIN,
                    TemplateParser.parse("NAME = " + q(name) + "\n", "sg")));
            assertTrue(sg.getMessage().contains("NAME"), sg.getMessage());
        }
    }

    @Test
    void aContextVectorIsRefusedNamingTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> inv.vms().create(ADMIN,
                TemplateParser.parse("NAME = v\nCONTEXT = [ SSH_PUBLIC_KEY = " + q(hostile().get(0)) + " ]\n", "vm")));
        assertTrue(e.getMessage().startsWith("CONTEXT:"), e.getMessage());
    }

    @Test
    void aHostileUserNameIsRefusedNamingTheField() {
        for (String name : concat(hostile(), hostileLines())) {
            ValidationException user = assertThrows(ValidationException.class,
                    () -> inv.users().createUser(ADMIN, name, "users"), name);
            assertTrue(user.getMessage().startsWith("USER:"), user.getMessage());
        }
    }

    @Test
    void objectsWithHostileNamesDescriptionsAndContextApplyToAHostAndRunNothingOfThem() {
        List<String> names = hostile();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String text = hostileLines().get(i % hostileLines().size());
            int group = inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = " + q(name)
                    + "\nDESCRIPTION = " + q(text) + "\n"
                    + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = " + (1000 + i) + " ]\n", "sg"));
            inv.networks().create(ADMIN, TemplateParser.parse("NAME = " + q(name) + "\nDESCRIPTION = " + q(text)
                    + "\nVN_MAD = fw\nBRIDGE = vdbr" + i + "\nSECURITY_GROUPS = " + group + "\n"
                    + "AR = [ TYPE = IP4, IP = 10.0." + i + ".1, SIZE = 4 ]\n", "net"));
            int vm = inv.vms().create(ADMIN, TemplateParser.parse("NAME = " + q(name) + "\nDESCRIPTION = " + q(text)
                    + "\nNIC = [ NETWORK = " + q(name) + " ]\n", "vm"));
            inv.vms().deploy(ADMIN, ObjectRef.id(vm), ObjectRef.name("kvm0"));
            NicNetwork.Leased lease = inv.vms().show(ADMIN, ObjectRef.id(vm)).vm().nics().get(0).lease()
                    .orElseThrow();
            lab.vm(host, vm, 0, lease.addresses().mac(), List.of(lease.addresses().ip().orElseThrow() + "/24"));
        }
        HostEngine.HostApply first = engine.apply(ADMIN, List.of(ObjectRef.name("kvm0")), new Cancellation(),
                r -> { }).get(0);
        assertEquals(Result.APPLIED, first.outcome().result(), first.outcome().message());
        assertTrue(first.report().orElseThrow().changingCommands() > 0, "the hostile objects reached the plan");
        assertEquals(Result.NOTHING_TO_DO, engine.apply(ADMIN, List.of(ObjectRef.name("kvm0")), new Cancellation(),
                r -> { }).get(0).outcome().result(), "read back exactly as planned");
        for (int i = 0; i < names.size(); i++) {
            String port = Integer.toString(1000 + i);
            assertTrue(HostDumps.lines(host, "iptables-save -t filter").stream()
                    .anyMatch(l -> l.contains("--dports " + port + " -j RETURN")), "group " + i + "'s rule is loaded");
        }
        assertFalse(Files.exists(canary), "no hostile name ran on the host: " + canary);
    }

    static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
