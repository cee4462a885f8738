package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.service.Inventory;
import vnetdesk.service.host.HostEngine;
import vnetdesk.ssh.HostKeyPrompt;
import vnetdesk.ssh.SshTransport;

/**
 * The host engine's commands where no SSH server is needed: how hosts are
 * chosen, usage errors, forgetting keys, the PENDING column, and hosts that
 * cannot be reached (a closed port on loopback, no address) each reported.
 */
class HostEngineCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPvIP4IVpW2pJGZ2cUMoXt22wKRFJEmu4VgOjgAL7fjO";

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("inventory"));
    }

    private String ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r.out();
    }

    @Test
    void anUnknownHostIsRefusedBeforeAnyHostIsContacted() {
        ok("host", "create", "kvm1", "--address", "127.0.0.1", "--port", String.valueOf(closedPort()));
        CliRunner.Result r = cli.run("host", "plan", "kvm1", "nosuch");
        assertEquals(1, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().contains("nosuch"), r::toString);
    }

    @Test
    void hostsAreNamedOrAllButNotBothAndNotNeither() {
        ok("host", "create", "kvm1");
        for (String command : List.of("plan", "apply", "drift", "sync")) {
            CliRunner.Result neither = cli.run("host", command);
            assertEquals(2, neither.code(), neither::toString);
            assertTrue(neither.err().startsWith("error: give HOST… or --all\n"), neither::toString);
            CliRunner.Result both = cli.run("host", command, "kvm1", "--all");
            assertEquals(2, both.code(), both::toString);
            assertTrue(both.err().startsWith("error: give HOST… or --all, not both\n"), both::toString);
        }
        CliRunner.Result bad = cli.run("host", "plan", "--all", "--colour");
        assertEquals(2, bad.code(), bad::toString);
    }

    @Test
    void allWithNoHostsSaysSoAndSucceeds() {
        for (String command : List.of("plan", "apply", "drift", "sync")) {
            assertEquals("no hosts in the inventory\n", ok("host", command, "--all"), command);
        }
    }

    @Test
    void forgetKeySaysWhenThereIsNoEntryAndRemovesOnlyTheHostsOwn() throws IOException {
        ok("host", "create", "kvm1", "--address", "127.0.0.1", "--port", "2222");
        Path knownHosts = dir.resolve("inventory").resolve("known_hosts");
        assertEquals("no key stored of host kvm1 ([127.0.0.1]:2222) in " + knownHosts + "; nothing to forget\n",
                ok("host", "forget-key", "kvm1"));

        Files.writeString(knownHosts, "[127.0.0.1]:2222 " + KEY + "\n[127.0.0.1]:2223 " + KEY + "\n");
        assertEquals("forgot 1 key of host kvm1 ([127.0.0.1]:2222) in " + knownHosts + "\n",
                ok("host", "forget-key", "0"));
        assertEquals(List.of("[127.0.0.1]:2223 " + KEY), Files.readAllLines(knownHosts), "another port is kept");
    }

    @Test
    void forgetKeyOfAHostWithoutAddressIsRefused() {
        ok("host", "create", "kvm1");
        CliRunner.Result r = cli.run("host", "forget-key", "kvm1");
        assertEquals(1, r.code(), r::toString);
        assertEquals("error: host 0:kvm1 has no address, so no key is stored for it\n", r.err());
    }

    @Test
    void thePendingColumnTurnsYesWhenAVmIsPlacedOnAnAppliedHost() throws Exception {
        ok("host", "create", "kvm1", "--address", "192.0.2.1");
        assertEquals("""
                ID  NAME  CLUSTER    ADDRESS    VMS  PENDING  LAST APPLY
                 0  kvm1  0:default  192.0.2.1    0  yes      -
                """, ok("host", "list"), "never applied: pending");
        markApplied("kvm1");
        assertTrue(ok("host", "list").contains("0  no       APPLIED "), "applied as the inventory is");
        assertTrue(ok("host", "show", "kvm1").contains("PENDING             : no\n"));

        cli.runWithInput("NAME = lan\nVN_MAD = fw\nBRIDGE = vdbr0\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 4 ]\n",
                "vnet", "create", "-");
        cli.runWithInput("NAME = web\nNIC = [ NETWORK = lan ]\n", "vm", "create", "-");
        ok("vm", "deploy", "web", "kvm1");
        assertTrue(ok("host", "list").contains("1  yes      APPLIED "), "a NIC to set up: pending");
        JsonNode listed = JSON.readTree(ok("host", "list", "--json")).get(0);
        assertTrue(listed.get("pending").asBoolean());
        assertEquals(listed, JSON.readTree(ok("host", "show", "kvm1", "--json")), "list and show agree");
        assertFalse(listed.has("drift"), "drift only with --drift");
    }

    @Test
    void everyHostIsReportedWhenNoneCanBeReached() throws Exception {
        int port = closedPort();
        ok("host", "create", "kvm1", "--address", "127.0.0.1", "--port", String.valueOf(port), "--identity",
                "password");
        ok("host", "create", "kvm2");

        CliRunner.Result plan = cli.run("host", "plan", "--all");
        assertEquals(1, plan.code(), plan::toString);
        assertEquals("kvm1: unreachable: root@127.0.0.1:" + port + ": cannot connect: Connection refused\n"
                + "kvm2: unreachable: host 1:kvm2 has no address: set one (Edit… in the console, or: host set kvm2 --address ADDRESS)\n",
                plan.out());

        CliRunner.Result drift = cli.run("host", "drift", "kvm2", "kvm1", "kvm2");
        assertEquals(1, drift.code(), drift::toString);
        assertEquals(List.of("kvm2: unreachable", "kvm1: unreachable"),
                drift.out().lines().map(l -> l.substring(0, l.indexOf(':', 6))).toList(), "each host once, in order");

        CliRunner.Result apply = cli.run("host", "apply", "--all");
        assertEquals(1, apply.code(), apply::toString);
        assertTrue(apply.out().contains("kvm1: UNREACHABLE: root@127.0.0.1:" + port + ": cannot connect: "
                + "Connection refused\n"), apply::toString);
        assertTrue(apply.out().contains("kvm2: UNREACHABLE: host 1:kvm2 has no address"), apply::toString);
        assertTrue(ok("host", "list").contains("UNREACHABLE "), "the outcome is recorded");

        JsonNode json = JSON.readTree(cli.run("host", "plan", "kvm1", "--json").out());
        assertEquals("unreachable", json.get(0).get("status").asText());
        assertEquals(0, json.get(0).get("steps").size());
    }

    @Test
    void listWithDriftShowsUnreachableHostsAndStillSucceeds() {
        ok("host", "create", "kvm1", "--address", "127.0.0.1", "--port", String.valueOf(closedPort()));
        assertEquals("""
                ID  NAME  CLUSTER    ADDRESS    VMS  DRIFT        PENDING  LAST APPLY
                 0  kvm1  0:default  127.0.0.1    0  unreachable  yes      -
                """, ok("host", "list", "--drift"));
    }

    /** Records an apply of the host's current desired state, as the engine does after a success. */
    private void markApplied(String host) {
        Path knownHosts = dir.resolve("known_hosts");
        try (Inventory inv = Inventory.openDirectory(dir.resolve("inventory"));
             SshTransport transport = new SshTransport(new SshTransport.Settings(knownHosts, Optional.empty(),
                     Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30)), HostKeyPrompt.REFUSE)) {
            HostEngine engine = inv.hostEngine(transport, (t, w) -> Optional.empty(), HostEngine.Settings.defaults());
            Instant now = Instant.now();
            inv.hosts().markApplied(Actor.ONEADMIN, ObjectRef.name(host),
                    HostEngine.digest(engine.desiredState(Actor.ONEADMIN, ObjectRef.name(host))),
                    new HostApplyOutcome(now, now, HostApplyOutcome.Result.APPLIED, Optional.empty(), "0 steps", 9));
        }
    }

    /** A loopback port nothing listens on (taken and released). */
    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
