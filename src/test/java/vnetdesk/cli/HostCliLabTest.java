package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.lab.Lab;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabPrerequisites;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.service.Inventory;

/**
 * The host commands end to end against a lab host over real OpenSSH: an
 * unknown key refused naming {@code host trust}, trust, probe, plan (text,
 * dry run, JSON), apply, drift in sync, a chain flushed by hand found as
 * drift and repaired by sync, and forget-key making the next plan refuse.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostCliLabTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    Lab lab;
    LabHost host;
    Path knownHosts;

    @BeforeAll
    void start() {
        LabPrerequisites.assumeLab();
        lab = Lab.start(1);
        host = lab.host(0);
        knownHosts = dir.resolve("inventory").resolve("known_hosts");
        ok(run("NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n"
                + "RULE = [ PROTOCOL = ALL, RULE_TYPE = outbound ]\n", "secgroup", "create", "-"));
        ok(run("NAME = lan\nVN_MAD = fw\nBRIDGE = vdbr0\nSECURITY_GROUPS = 100\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "vnet", "create", "-"));
        ok(run("", "host", "create", "kvm0", "--address", host.address(), "--port", String.valueOf(host.port()),
                "--user", host.user(), "--identity", host.privateKey().toString()));
        ok(run("NAME = web\nNIC = [ NETWORK = lan ]\n", "vm", "create", "-"));
        ok(run("", "vm", "deploy", "web", "kvm0"));
        // the VM's tap on the host, so the plan also enslaves it and has no "tap not on the host yet" note
        try (Inventory inv = Inventory.openDirectory(dir.resolve("inventory"))) {
            NicNetwork.Leased lease = inv.vms().show(Actor.ONEADMIN, ObjectRef.name("web")).vm().nics().get(0)
                    .lease().orElseThrow();
            lab.vm(host, 0, 0, lease.addresses().mac(), List.of(lease.addresses().ip().orElseThrow() + "/24"));
        }
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    /** One run with no terminal, HOME in the temp dir (so no ~/.ssh/known_hosts of this machine counts). */
    CliRunner.Result run(String stdin, String... args) {
        return run(Terminal.NONE, stdin, args);
    }

    CliRunner.Result run(Terminal terminal, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--data", dir.resolve("inventory").toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(all.toArray(String[]::new), o, e, Map.of("HOME", dir.toString()),
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal);
        }
        return new CliRunner.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String ok(CliRunner.Result r) {
        assertEquals(0, r.code(), r::toString);
        return r.out();
    }

    static String failed(CliRunner.Result r) {
        assertEquals(1, r.code(), r::toString);
        return r.out();
    }

    String offers() {
        return "host kvm0 (" + host.address() + ":" + host.port() + ") offers ssh-ed25519 key "
                + host.hostKeyFingerprint() + "\n";
    }

    String trustHint() {
        return "unknown host key ssh-ed25519 " + host.hostKeyFingerprint() + " was not trusted; connection refused;"
                + " to check the key and trust it, run: vnetdesk host trust kvm0";
    }

    @Test
    @Order(1)
    void anUnknownKeyIsRefusedNamingHostTrustAndWithoutATerminalTrustRefusesToo() {
        assertEquals("kvm0: unreachable: " + host.user() + "@" + host.address() + ":" + host.port() + ": "
                + trustHint() + "\n", failed(run("", "host", "plan", "kvm0")));

        CliRunner.Result noTerminal = run("", "host", "trust", "kvm0");
        assertEquals(offers(), failed(noTerminal));
        assertTrue(noTerminal.err().startsWith("error: host kvm0: key not trusted: there is no terminal"),
                noTerminal::toString);
        assertTrue(noTerminal.err().contains("--yes"), noTerminal::toString);
        assertFalse(Files.exists(knownHosts), "nothing stored");
    }

    @Test
    @Order(2)
    void trustStoresTheKeyOnceAndThenKnowsIt() throws Exception {
        assertEquals(offers() + "trusted: the key is stored in " + knownHosts + "; logged in\n",
                ok(run("", "host", "trust", "kvm0", "--yes")));
        assertEquals(List.of(host.knownHostsLine()), Files.readAllLines(knownHosts));
        assertEquals("host kvm0: its key is already trusted; logged in\n", ok(run("", "host", "trust", "kvm0")));
    }

    @Test
    @Order(3)
    void probeShowsPrivilegeToolsAndDrivers() {
        String out = ok(run("", "host", "probe", "kvm0"));
        assertTrue(out.startsWith("HOST kvm0 (" + host.user() + "@" + host.address() + ":" + host.port() + ")\n"), out);
        assertTrue(out.contains("PRIVILEGE           : root\n"), out);
        assertTrue(out.contains("  fw                  : can run\n"), out);
        assertTrue(out.contains("  802.1Q              : " + (LabPrerequisites.supports8021q() ? "can run"
                : "cannot run: 802.1Q needs the kernel feature 8021q")), out);
        JsonNode json = parse(ok(run("", "host", "probe", "kvm0", "--json")));
        assertEquals("root", json.get("privilege").asText());
        assertTrue(json.get("drivers").get("fw").get("can_run").asBoolean());
    }

    @Test
    @Order(4)
    void planShowsTheStepsTheDryRunAndJsonWithoutChangingTheHost() {
        String before = host.sh("iptables-save -t filter | grep -c '^:one-' || true").out();
        String out = ok(run("", "host", "plan", "kvm0"));
        assertTrue(out.matches("(?s)kvm0: \\d+ steps\n  host kvm0 — host-wide \\(steps? [0-9, ]+\\)\n.*"
                + "  NIC one-0-0 — VM [^\n]* \\(steps? [0-9, ]+\\)\n.*    create iptables chain one-0-0-i\n.*"), out);
        assertFalse(out.contains("iptables-restore"), "no commands without --commands");
        String dry = ok(run("", "host", "plan", "kvm0", "--commands"));
        assertTrue(dry.contains("  commands (dry run):\n"), dry);
        assertTrue(dry.contains("iptables-restore"), dry);
        assertTrue(dry.contains(":one-0-0-i"), "the NIC's chain is in the restore input: " + dry);

        JsonNode json = parse(ok(run("", "host", "plan", "kvm0", "--json")));
        assertEquals("kvm0", json.get(0).get("name").asText());
        assertEquals("changes", json.get(0).get("status").asText());
        assertTrue(json.get(0).get("steps").size() > 0);
        assertEquals(1, json.get(0).get("steps").get(0).get("number").asInt());
        assertTrue(json.get(0).get("steps").get(0).get("commands").size() > 0);
        assertEquals(before, host.sh("iptables-save -t filter | grep -c '^:one-' || true").out(),
                "planning changed nothing");
    }

    @Test
    @Order(5)
    void applyAsksAndANoOrNoTerminalAppliesNothing() {
        CliRunner.Result noTerminal = run("", "host", "apply", "kvm0");
        failed(noTerminal);
        assertTrue(noTerminal.err().startsWith("error: nothing applied: \"Apply to 1 host? [y/N]\" needs an answer"
                + " and there is no terminal; give --yes"), noTerminal::toString);
        List<String> asked = new ArrayList<>();
        String out = failed(run(scripted(asked, "n"), "", "host", "apply", "kvm0"));
        assertEquals(List.of("Apply to 1 host? [y/N] "), asked);
        assertTrue(out.endsWith("\nnothing applied\n"), out);
        assertTrue(ok(run("", "host", "list")).contains("  yes      -\n"), "still pending, no outcome");
    }

    @Test
    @Order(6)
    void applyWithYesAppliesAndTheHostIsThenInSync() {
        String out = ok(run("", "host", "apply", "kvm0", "--yes"));
        assertTrue(out.lines().reduce((a, b) -> b).orElseThrow().matches("kvm0: APPLIED \\(\\d+ commands\\)"), out);
        assertTrue(host.sh("iptables-save -t filter").out().contains(":one-0-0-i"), "the chain is on the host");

        assertEquals("kvm0: in sync\n", ok(run("", "host", "drift", "kvm0")));
        assertEquals("kvm0: in sync, nothing to do\n", ok(run("", "host", "plan", "--all")));
        String list = ok(run("", "host", "list", "--drift"));
        assertTrue(list.contains("  no     no       APPLIED "), list);
        String again = ok(run("", "host", "apply", "kvm0"));
        assertTrue(again.matches("kvm0: in sync, nothing to do\nkvm0: NOTHING_TO_DO \\(\\d+ commands?\\)\n"),
                "nothing to change: no question asked: " + again);
    }

    @Test
    @Order(7)
    void aChainFlushedByHandIsDriftAndSyncRepairsIt() {
        assertEquals(0, host.sh("iptables -F one-0-0-i").exit());
        CliRunner.Result drift = run("", "host", "drift", "kvm0");
        String out = failed(drift);
        assertTrue(out.startsWith("kvm0: out of sync\n  "), out);
        assertTrue(out.contains("one-0-0-i"), "the difference names the chain: " + out);
        String list = ok(run("", "host", "list", "--drift"));
        assertTrue(list.contains("  yes    no       NOTHING_TO_DO "),
                "drifted, yet nothing pending in the inventory: " + list);

        String sync = ok(run("", "host", "sync", "kvm0", "--yes"));
        assertTrue(sync.startsWith("kvm0: out of sync\n"), sync);
        assertTrue(sync.lines().reduce((a, b) -> b).orElseThrow().matches("kvm0: APPLIED \\(\\d+ commands\\)"), sync);
        assertEquals("kvm0: in sync\n", ok(run("", "host", "drift", "kvm0")));
        assertEquals("kvm0: in sync\n", ok(run("", "host", "sync", "kvm0")), "nothing to sync: no question");
    }

    @Test
    @Order(8)
    void nicChangesAndACommitOnARunningVmReachItsHostAtOnce() {
        String attach = ok(run("", "vm", "nic-attach", "web", "--network", "lan"));
        assertTrue(attach.startsWith("NIC 1: 10.0.0.2 on network 0:lan\n"), attach);
        assertTrue(attach.contains("NIC 1 attached and applied to host 0:kvm0"), attach);
        assertTrue(host.sh("iptables-save -t filter").orThrow().out().contains("-A one-0-1-i "), "on the host at once");
        ok(run("NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 443 ]\n", "secgroup", "update", "web", "-"));
        String commit = ok(run("", "secgroup", "commit", "web"));
        assertTrue(commit.contains("host 0:kvm0: APPLIED"), commit);
        assertTrue(commit.contains("1 VM up to date, 0 in error"), commit);
        assertTrue(host.sh("iptables-save -t filter").orThrow().out().contains("--dports 443"), "the new rule is loaded");
        assertTrue(ok(run("", "vm", "nic-detach", "web", "1")).contains("removed from host 0:kvm0"));
        assertFalse(host.sh("iptables-save -t filter").orThrow().out().contains("one-0-1"), "gone from the host");
        assertEquals("kvm0: in sync\n", ok(run("", "host", "drift", "kvm0")));
    }

    @Test
    @Order(9)
    void forgetKeyRemovesTheEntryAndTheNextPlanRefusesNamingHostTrust() throws Exception {
        assertEquals("forgot 1 key of host kvm0 ([" + host.address() + "]:" + host.port() + ") in " + knownHosts
                + "\n", ok(run("", "host", "forget-key", "kvm0")));
        assertEquals(List.of(), Files.readAllLines(knownHosts));
        String out = failed(run("", "host", "plan", "kvm0"));
        assertTrue(out.endsWith(trustHint() + "\n"), out);
        CliRunner.Result apply = run("", "host", "apply", "kvm0", "--yes");
        assertTrue(failed(apply).endsWith("kvm0: UNREACHABLE: " + host.user() + "@" + host.address() + ":"
                + host.port() + ": " + trustHint() + "\n"), apply::toString);
    }

    /** A terminal that answers {@code answer} to every question and records the questions. */
    static Terminal scripted(List<String> asked, String answer) {
        return new Terminal() {
            @Override
            public Optional<String> readLine(String prompt) {
                asked.add(prompt);
                return Optional.of(answer);
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                asked.add(prompt);
                return Optional.empty();
            }

            @Override
            public boolean present() {
                return true;
            }
        };
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
