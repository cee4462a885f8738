package vnetdesk.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vnetdesk.model.Mac;

/**
 * The lab itself: SSH (OpenSSH's client and MINA's) really lands inside each
 * host's namespace, VMs on a host bridge and across a VXLAN underlay
 * exchange real packets, spoofing helpers really change what a VM sends,
 * and nothing of a lab survives its close or a crashed run.
 */
class LabTest {

    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Lab lab;

    @BeforeAll
    static void startLab() {
        lab = Lab.start(2);
    }

    @AfterAll
    static void closeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void opensshClientRunsCommandsInsideEachHostsNamespaceAndSeesItsHostKey(@TempDir Path tmp) throws IOException {
        LabPrerequisites.assumeTool(LabPrerequisites.SSH, "openssh-client");
        LabHost withVm = lab.host(0);
        lab.vm(withVm, 41, 0, Mac.parse("mac", "02:00:0a:29:00:01"), List.of("10.41.0.1/24"));
        Set<String> rootLinks = linkNames(Exec.run("ip", "-j", "link").orThrow().out());
        for (LabHost host : lab.hosts()) {
            Path knownHosts = tmp.resolve("known_hosts_" + host.name());
            Exec.Result identify = openssh(host, knownHosts, "ip netns identify");
            assertEquals(host.namespace(), identify.out().strip(), identify.toString());

            Set<String> hostLinks = linkNames(openssh(host, knownHosts, "ip -j link").out());
            assertEquals(linkNames(host.run("ip", "-j", "link").orThrow().out()), hostLinks);
            assertNotEquals(rootLinks, hostLinks);
            assertEquals(host == withVm, hostLinks.contains("one-41-0"), hostLinks.toString());

            // accept-new stored the key the lab says the host has
            assertEquals(List.of(host.knownHostsLine()), Files.readAllLines(knownHosts));
            assertTrue(host.hostKeyFingerprint().startsWith("SHA256:"), host.hostKeyFingerprint());
        }
        assertNotEquals(lab.host(0).hostKeyFingerprint(), lab.host(1).hostKeyFingerprint());
    }

    @Test
    void minaClientExecAndShellChannelsRunInsideTheHostNamespace() throws Exception {
        LabHost host = lab.host(1);
        AtomicReference<PublicKey> offered = new AtomicReference<>();
        try (SshClient client = SshClient.setUpDefaultClient()) {
            // test only: record the offered key and accept it, then compare with the lab's host key below
            client.setServerKeyVerifier((session, address, key) -> {
                offered.set(key);
                return true;
            });
            client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            client.setKeyIdentityProvider(new FileKeyPairProvider(host.privateKey()));
            client.start();
            try (ClientSession session = client.connect(host.user(), host.address(), host.port())
                    .verify(SSH_TIMEOUT).getSession()) {
                session.auth().verify(SSH_TIMEOUT);

                assertEquals(host.namespace(), session.executeRemoteCommand("ip netns identify").strip());
                assertEquals(host.hostKeyFingerprint(), KeyUtils.getFingerPrint(offered.get()));

                try (ChannelShell shell = session.createShellChannel()) {
                    // without a terminal the shell neither echoes the input nor prints prompts
                    shell.setUsePty(false);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    shell.setIn(new ByteArrayInputStream(
                            "ip netns identify\necho shell-done\nexit\n".getBytes(StandardCharsets.UTF_8)));
                    shell.setOut(out);
                    shell.setErr(new ByteArrayOutputStream());
                    shell.open().verify(SSH_TIMEOUT);
                    shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), SSH_TIMEOUT);
                    assertEquals(host.namespace() + "\nshell-done\n", out.toString(StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void twoVmsOnOneHostBridgeExchangeIcmpTcpAndUdpButAnUnbridgedVmIsUnreachable() {
        LabHost host = lab.host(0);
        LabVm a = lab.vm(host, 1, 0, Mac.parse("mac", "02:00:0a:4d:00:01"), List.of("10.77.0.1/24", "fd77::1/64"));
        LabVm b = lab.vm(host, 2, 0, Mac.parse("mac", "02:00:0a:4d:00:02"), List.of("10.77.0.2/24", "fd77::2/64"));
        LabVm loose = lab.vm(host, 3, 0, Mac.parse("mac", "02:00:0a:4d:00:03"), List.of("10.77.0.3/24"));
        lab.enslave(host, a.tap(), "labbr0");
        lab.enslave(host, b.tap(), "labbr0");

        assertEquals(3, a.ping(b.ip(false), 3, 5));
        assertTrue(a.ping(b.ip(true), 3, 5) > 0, "IPv6 echo over the bridge");
        assertEquals(0, a.ping(loose.ip(false), 2, 2), "a VM whose tap is in no bridge");

        try (LabProcess server = b.tcpServe(22)) {
            assertTrue(a.tcpConnect(b.ip(false), 22, 5));
            assertTrue(a.tcpConnect(b.ip(true), 22, 5));
            assertTrue(server.awaitLine(line -> line.equals("connection ::ffff:10.77.0.1"), SSH_TIMEOUT).isPresent());
            assertFalse(a.tcpConnect(b.ip(false), 23, 5), "nothing listens on port 23");
        }
        try (LabProcess listener = b.udpListen(5353)) {
            a.udpSend(b.ip(false), 5353, "hello-udp");
            assertTrue(listener.awaitLine(LabVm.udpFrom(a.ip(false), "hello-udp")::equals, SSH_TIMEOUT).isPresent());
        }
    }

    @Test
    void spoofingHelpersChangeTheSourceMacAndAddressAVmSendsWith() {
        LabHost host = lab.host(1);
        LabVm a = lab.vm(host, 21, 0, Mac.parse("mac", "02:00:0a:4e:00:01"), List.of("10.78.0.1/24"));
        LabVm b = lab.vm(host, 22, 0, Mac.parse("mac", "02:00:0a:4e:00:02"), List.of("10.78.0.2/24"));
        lab.enslave(host, a.tap(), "labbr1");
        lab.enslave(host, b.tap(), "labbr1");
        Mac spoofedMac = Mac.parse("mac", "02:00:0a:4e:00:99");

        try (LabProcess listener = b.udpListen(4000)) {
            a.spoofMac(spoofedMac);
            a.spoofAddress("10.78.0.99/24");
            a.neighbour(b.ip(false), b.mac());
            a.udpSend(b.ip(false), 4000, "spoofed");
            assertTrue(listener.awaitLine(LabVm.udpFrom("10.78.0.99", "spoofed")::equals, SSH_TIMEOUT).isPresent());
            String fdb = host.run("bridge", "fdb", "show", "br", "labbr1").orThrow().out();
            assertTrue(fdb.contains(spoofedMac + " dev " + a.tap()), fdb);

            a.unspoof();
            a.udpSend(b.ip(false), 4000, "honest");
            assertTrue(listener.awaitLine(LabVm.udpFrom(a.ip(false), "honest")::equals, SSH_TIMEOUT).isPresent());
        }
        assertEquals(a.mac().toString(), a.run("cat", "/sys/class/net/eth0/address").orThrow().out().strip());
    }

    @Test
    void vxlanWithGroupTtlAndDstportOverTheUnderlayCarriesTrafficBetweenHosts() throws IOException {
        LabHost hostA = lab.host(0);
        LabHost hostB = lab.host(1);
        Underlay underlay = lab.underlay(hostA, hostB, "192.168.250.0/24");
        assertEquals("192.168.250.1/24", underlay.addressA());
        LabVm a = lab.vm(hostA, 11, 0, Mac.parse("mac", "02:00:0a:4f:00:01"), List.of("10.79.0.1/24"));
        LabVm b = lab.vm(hostB, 12, 0, Mac.parse("mac", "02:00:0a:4f:00:02"), List.of("10.79.0.2/24"));
        for (LabHost host : List.of(hostA, hostB)) {
            String device = host == hostA ? underlay.deviceA() : underlay.deviceB();
            host.sh("ip link add " + device + ".300 mtu 1450 type vxlan id 300 group 239.0.1.44 dev " + device
                    + " dstport 4789 ttl 16 && ip link add vxbr300 type bridge && ip link set " + device
                    + ".300 master vxbr300 && ip link set " + device + ".300 up && ip link set vxbr300 up")
                    .orThrow();
        }
        lab.enslave(hostA, a.tap(), "vxbr300");
        lab.enslave(hostB, b.tap(), "vxbr300");
        assertTrue(a.ping(b.ip(false), 3, 5) > 0);
        try (LabProcess server = b.tcpServe(8080)) {
            assertTrue(a.tcpConnect(b.ip(false), 8080, 5));
        }
        JsonNode vxlan = JSON.readTree(hostA.run("ip", "-j", "-d", "-s", "link", "show", "dev",
                underlay.deviceA() + ".300").orThrow().out()).get(0);
        JsonNode info = vxlan.path("linkinfo").path("info_data");
        assertEquals(300, info.path("id").asInt());
        assertEquals("239.0.1.44", info.path("group").asText());
        assertEquals(4789, info.path("port").asInt());
        assertEquals(16, info.path("ttl").asInt());
        assertTrue(vxlan.path("stats64").path("tx").path("packets").asLong() > 0, vxlan.toString());
    }

    @Test
    void supports8021qTellsWhetherTheKernelHasVlanDevices() {
        boolean vlanProcInFreshNamespace = lab.host(0).run("test", "-d", "/proc/net/vlan").ok();
        assertEquals(vlanProcInFreshNamespace, Lab.supports8021q());
    }

    @Test
    void closingALabRemovesItsNamespacesSshdProcessesHelpersAndFiles() {
        Lab other = Lab.start(1);
        LabHost host = other.host(0);
        LabVm vm = other.vm(host, 5, 1, Mac.parse("mac", "02:00:0a:50:00:05"), List.of("10.80.0.5/24"));
        LabProcess listener = vm.udpListen(6000);
        List<String> namespaces = other.namespaces();
        assertEquals(List.of(host.namespace(), vm.namespace()), namespaces);
        assertTrue(ProcessHandle.of(host.sshdPid()).isPresent());

        other.close();

        assertTrue(LabNames.namespaces().stream().noneMatch(namespaces::contains), LabNames.namespaces().toString());
        assertFalse(ProcessHandle.of(host.sshdPid()).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(listener.alive());
        assertFalse(Files.exists(other.dir()));
    }

    @Test
    void aStartRemovesNamespacesOfADeadRunButNotOtherVdNamespaces() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String stale = "vd" + gone.pid() + "_1h0";
        String foreign = "vd-labtest" + ProcessHandle.current().pid();
        Exec.run("ip", "netns", "add", stale).orThrow();
        Exec.run("ip", "netns", "add", foreign).orThrow();
        try (Lab fresh = Lab.start(0)) {
            List<String> after = LabNames.namespaces();
            assertFalse(after.contains(stale), after.toString());
            assertTrue(after.contains(foreign), after.toString());
            assertTrue(after.contains(lab.host(0).namespace()), "this JVM's live lab stays");
        } finally {
            Exec.run("ip", "netns", "del", stale);
            Exec.run("ip", "netns", "del", foreign);
        }
    }

    private static Exec.Result openssh(LabHost host, Path knownHosts, String command) {
        List<String> ssh = new ArrayList<>(List.of(LabPrerequisites.SSH.toString(), "-F", "/dev/null",
                "-i", host.privateKey().toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=accept-new",
                "-p", Integer.toString(host.port()), host.user() + "@" + host.address(), command));
        return Exec.run(SSH_TIMEOUT, ssh).orThrow();
    }

    private static Set<String> linkNames(String ipJsonLink) throws IOException {
        Set<String> names = new TreeSet<>();
        JSON.readTree(ipJsonLink).forEach(link -> names.add(link.path("ifname").asText()));
        return names;
    }
}
