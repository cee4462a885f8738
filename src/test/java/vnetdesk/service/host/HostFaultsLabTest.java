package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.lab.Exec;
import vnetdesk.lab.HostDumps;
import vnetdesk.lab.Lab;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostApplyOutcome.Result;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.service.Inventory;
import vnetdesk.ssh.Cancellation;
import vnetdesk.ssh.SshTransport;
import vnetdesk.template.TemplateParser;

/**
 * Faults in one multi-host apply through the engine, over real OpenSSH to
 * lab hosts: an unreachable port, a key the host refuses, a changed host
 * key, sshd killed in the middle of the firewall step, a command that hangs
 * past its timeout, {@code sudo -n} refused, a tool missing. Each host gets
 * its own recorded outcome and message, a healthy host in the same apply is
 * applied, hosts where nothing may change are byte for byte as before, and a
 * later apply brings every host to its desired state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostFaultsLabTest {

    static final Actor ADMIN = Actor.ONEADMIN;
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(6);
    static final List<String> ALL = List.of("good", "badkey", "nohost", "newkey", "killed", "slow", "nosudo",
            "noipset");

    @TempDir
    static Path dir;
    Lab lab;
    Inventory inv;
    SshTransport transport;
    HostEngine engine;
    /** Inventory host name → the lab host behind it (badkey logs in to good's sshd; nohost has none). */
    final Map<String, LabHost> labHosts = new LinkedHashMap<>();
    final List<String> prompted = Collections.synchronizedList(new ArrayList<>());
    Path stranger;
    String strangerPublic;

    @BeforeAll
    void start() throws IOException {
        LabPrerequisites.assumeLab();
        lab = Lab.start(6);
        List<String> withLab = List.of("good", "newkey", "killed", "slow", "nosudo", "noipset");
        for (int i = 0; i < withLab.size(); i++) {
            labHosts.put(withLab.get(i), lab.host(i));
        }
        labHosts.put("badkey", lab.host(0));
        stranger = dir.resolve("stranger");
        Exec.run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "stranger", "-f",
                stranger.toString()).orThrow();
        strangerPublic = Files.readString(dir.resolve("stranger.pub")).strip();

        inv = Inventory.openDirectory(dir.resolve("inventory"));
        int group = inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = web\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n"
                + "RULE = [ PROTOCOL = ALL, RULE_TYPE = outbound ]\n", "sg"));
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = fw\nBRIDGE = vdbr0\n"
                + "SECURITY_GROUPS = " + group + "\nFILTER_IP_SPOOFING = YES\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 50 ]\n", "net"));
        for (String name : ALL) {
            Optional<LabHost> h = Optional.ofNullable(labHosts.get(name));
            int port = h.map(LabHost::port).orElseGet(HostFaultsLabTest::closedPort);
            Path key = name.equals("badkey") ? stranger : lab.privateKey();
            inv.hosts().create(ADMIN, name, Optional.empty(), Optional.of("127.0.0.1"),
                    new HostConnection(port, "root", new HostConnection.Identity.KeyFile(key.toString())));
            if (h.isPresent() && !name.equals("badkey")) {
                vmOn(name, h.get());
            }
        }
        transport = new SshTransport(new SshTransport.Settings(dir.resolve("known_hosts"), Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(30)), key -> {
                    prompted.add(key.host() + ":" + key.port());
                    return true;
                });
        engine = inv.hostEngine(transport, (target, what) -> Optional.empty(),
                new HostEngine.Settings(8, COMMAND_TIMEOUT, Map.of(), Clock.systemUTC()));
    }

    /** A VM with one NIC on lan deployed to {@code host}, and its lab namespace with the lease's MAC and address. */
    void vmOn(String host, LabHost labHost) {
        int id = inv.vms().create(ADMIN, TemplateParser.parse("NAME = vm-" + host + "\nNIC = [ NETWORK = lan ]\n",
                "vm"));
        inv.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name(host));
        NicNetwork.Leased lease = inv.vms().show(ADMIN, ObjectRef.id(id)).vm().nics().get(0).lease().orElseThrow();
        lab.vm(labHost, id, 0, lease.addresses().mac(), List.of(lease.addresses().ip().orElseThrow() + "/24"));
        HostDumps.awaitUp(labHost, "one-" + id + "-0");
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

    /** A loopback port nobody listens on: the kernel's pick, closed again. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    /** An executable script in a directory of its own for one host's PATH prefix. */
    Path tool(String host, String name, String script) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin-" + host));
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    Map<String, HostEngine.HostApply> apply(List<String> names) {
        Map<String, HostEngine.HostApply> out = new LinkedHashMap<>();
        for (HostEngine.HostApply a : engine.apply(ADMIN, names.stream().map(ObjectRef::name).toList(),
                new Cancellation(), r -> { })) {
            out.put(a.host().name(), a);
        }
        assertEquals(names, List.copyOf(out.keySet()), "one outcome per host, in the order given");
        return out;
    }

    HostApplyOutcome recorded(String host) {
        return inv.hosts().lastOutcome(ADMIN, ObjectRef.name(host)).orElseThrow();
    }

    HostStatus status(String host) {
        return inv.hostStatuses().status(ADMIN, ObjectRef.name(host));
    }

    void assertOutcome(String host, Result result, List<String> inMessage) {
        HostApplyOutcome o = recorded(host);
        assertEquals(result, o.result(), host + ": " + o.message());
        for (String part : inMessage) {
            assertTrue(o.message().contains(part), host + ": the message names " + part + ": " + o.message());
        }
    }

    @Test
    @Order(1)
    void eachFaultIsRecordedForItsHostAloneAndNothingIsHalfAppliedWhereNothingMayChange() throws IOException {
        String listener = Long.toString(labHosts.get("killed").sshdPid());
        // sshd killed while the firewall loads: every process from this command up to the listening sshd
        Path killer = tool("killed", "iptables-restore", String.join("\n",
                "case \" $* \" in *\" --noflush \"*)",
                "  pids=''; p=$PPID; found=no",
                "  while [ \"$p\" -gt 1 ]; do",
                "    pids=\"$pids $p\"",
                "    if [ \"$p\" = " + listener + " ]; then found=yes; break; fi",
                "    p=$(sed 's/.*) //' /proc/$p/stat | cut -d' ' -f2)",
                "  done",
                "  [ $found = yes ] && kill -9 $pids",
                "  exit 1;;",
                "esac",
                "exec /usr/sbin/iptables-restore \"$@\""));
        lab.prelude(labHosts.get("killed"), "PATH='" + killer + "':$PATH; export PATH");
        // the firewall load hangs (and would load nothing); the rollback's restore is the real tool
        Path slow = tool("slow", "iptables-restore", "case \" $* \" in *\" --noflush \"*) sleep 60; exit 1;; esac\n"
                + "exec /usr/sbin/iptables-restore \"$@\"");
        lab.prelude(labHosts.get("slow"), "PATH='" + slow + "':$PATH; export PATH");
        // a login that is not root, and a sudo that wants a password
        tool("nosudo", "id", "[ \"$1\" = -u ] && { echo 1000; exit 0; }\nexec /usr/bin/id \"$@\"");
        Path nosudo = tool("nosudo", "sudo", "echo 'sudo: a password is required' >&2\nexit 1");
        lab.prelude(labHosts.get("nosudo"), "PATH='" + nosudo + "':$PATH; export PATH");
        lab.prelude(labHosts.get("noipset"), "mount --bind /dev/null \"$(command -v ipset)\"");
        LabHost newkey = labHosts.get("newkey");
        String[] other = strangerPublic.split(" ");
        Files.writeString(dir.resolve("known_hosts"),
                "[127.0.0.1]:" + newkey.port() + " " + other[0] + " " + other[1] + "\n");

        Map<String, String> before = new LinkedHashMap<>();
        for (String h : List.of("newkey", "slow", "nosudo", "noipset")) {
            before.put(h, HostDumps.all(labHosts.get(h)));
        }
        Map<String, HostEngine.HostApply> results = apply(ALL);

        assertOutcome("good", Result.APPLIED, List.of());
        assertTrue(HostDumps.lines(labHosts.get("good"), "iptables-save -t filter").stream()
                .anyMatch(l -> l.contains("--dports 22 -j RETURN")), "the healthy host got its firewall");
        assertOutcome("nohost", Result.UNREACHABLE, List.of("127.0.0.1", "Connection refused"));
        assertOutcome("badkey", Result.UNREACHABLE, List.of("authentication failed", stranger.toString()));
        assertOutcome("newkey", Result.UNREACHABLE, List.of(newkey.hostKeyFingerprint()));
        assertFalse(prompted.stream().anyMatch(t -> t.contains(":" + newkey.port())),
                "a changed key is refused, not offered for trust: " + prompted);
        HostApplyOutcome killed = recorded("killed");
        assertEquals(Result.FAILED_NOT_ROLLED_BACK, killed.result(), killed.message());
        assertTrue(killed.message().contains("iptables") && killed.message().contains("could not reach the host"),
                killed.message());
        assertOutcome("slow", Result.FAILED_ROLLED_BACK, List.of("timed out after 6 s", "iptables-restore",
                "rolled back"));
        assertOutcome("nosudo", Result.BLOCKED, List.of("sudo -n refused", "a password is required"));
        assertOutcome("noipset", Result.BLOCKED, List.of("ipset"));
        assertEquals(1, recorded("noipset").commandsRun(), "the probe alone ran");
        // what the console keeps about each host between connections
        HostStatus.Contact refused = status("nohost").contact().orElseThrow();
        assertFalse(refused.reachable());
        assertTrue(refused.message().orElseThrow().contains("Connection refused"), refused.toString());
        assertEquals(HostReports.PlanStatus.IN_SYNC, status("good").drift().orElseThrow().status());
        assertEquals(HostReports.PlanStatus.CHANGES, status("killed").drift().orElseThrow().status(),
                "a host left half-applied is out of sync");
        assertEquals(HostReports.PlanStatus.BLOCKED, status("noipset").drift().orElseThrow().status());
        assertTrue(status("slow").contact().orElseThrow().reachable());
        assertEquals(Optional.empty(), status("slow").drift(), "rolled back: the host is as before, nothing learnt");
        for (String h : before.keySet()) {
            assertEquals(before.get(h), HostDumps.all(labHosts.get(h)), h + " is byte for byte as before");
        }
        assertTrue(results.get("slow").report().orElseThrow().failedStep().isPresent());
    }

    @Test
    @Order(2)
    void aHostWhoseSshdIsGoneStaysUnreachableUntilItIsBackThenEveryHostReachesItsDesiredState() {
        assertOutcome("killed", Result.FAILED_NOT_ROLLED_BACK, List.of());
        apply(List.of("killed"));
        assertOutcome("killed", Result.UNREACHABLE, List.of("Connection refused"));

        labHosts.values().forEach(h -> lab.prelude(h, ""));
        labHosts.put("killed", lab.restartSshd(labHosts.get("killed")));
        transport.forget("127.0.0.1", labHosts.get("newkey").port());
        List<String> reachable = List.of("good", "newkey", "killed", "slow", "nosudo", "noipset");
        Map<String, HostEngine.HostApply> again = apply(reachable);
        for (String h : reachable) {
            assertTrue(again.get(h).outcome().result().success(), h + ": " + again.get(h).outcome().message());
            assertFalse(engine.pending(ADMIN, ObjectRef.name(h)), h + " has its desired state");
        }
        assertEquals(Result.APPLIED, again.get("killed").outcome().result(), "the half-applied host is completed");
        for (HostEngine.HostPlan p : engine.plan(ADMIN, reachable.stream().map(ObjectRef::name).toList(),
                new Cancellation())) {
            assertTrue(p.plan().orElseThrow().isEmpty(), p.host().name() + " reads back as desired");
        }
    }
}
