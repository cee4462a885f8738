package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.host.desired.RestoreInput;
import vnetdesk.host.state.HostState;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.host.DesiredReport.NeededDevice;
import vnetdesk.service.host.DesiredReport.NetworkNeeds;
import vnetdesk.service.host.DesiredReport.NicChains;
import vnetdesk.service.host.DesiredReport.Presence;
import vnetdesk.template.TemplateParser;

/**
 * A host's desired state as the console's Networks and Firewall tabs show
 * it, without a connection: a fw network on a host bridge with PHYDEV and a
 * VXLAN network, VMs with security groups on both, the devices each network
 * needs (with whether the host had them at its last read), and each NIC's
 * chains in words and as the exact text the engine would load.
 */
class DesiredReportTest {

    private static final Actor ADMIN = Actor.ONEADMIN;
    private static final ObjectRef KVM1 = ObjectRef.name("kvm1");

    @TempDir
    Path dir;
    private Inventory inv;
    private int web;
    private int db;

    @BeforeEach
    void open() {
        inv = Inventory.openDirectory(dir.resolve("inventory"));
        inv.hosts().create(ADMIN, "kvm1", Optional.empty(), Optional.of("10.0.0.5"));
        inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = web\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 8080, IP = 10.0.0.1, SIZE = 1 ]\n"
                + "RULE = [ PROTOCOL = ALL, RULE_TYPE = outbound ]\n", "sg"));
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = lan\nVN_MAD = fw\nBRIDGE = br-lan\nPHYDEV = eth1\n"
                + "SECURITY_GROUPS = 100\nFILTER_MAC_SPOOFING = YES\nFILTER_IP_SPOOFING = YES\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n", "net"));
        inv.networks().create(ADMIN, TemplateParser.parse("NAME = overlay\nVN_MAD = vxlan\nPHYDEV = eth0\n"
                + "VLAN_ID = 300\nBRIDGE = vxbr300\nSECURITY_GROUPS = 100\n"
                + "AR = [ TYPE = IP4, IP = 10.3.0.1, SIZE = 10 ]\n", "net"));
        web = vm("web", "NETWORK = lan");
        db = vm("db", "NETWORK = overlay");
    }

    @AfterEach
    void close() {
        inv.close();
    }

    private int vm(String name, String nic) {
        int id = inv.vms().create(ADMIN, TemplateParser.parse("NAME = " + name + "\nNIC = [ " + nic + " ]\n", "vm"));
        inv.vms().deploy(ADMIN, ObjectRef.id(id), KVM1);
        return id;
    }

    private static NeededDevice device(NetworkNeeds n, String name) {
        return n.devices().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not among " + n.devices()));
    }

    @Test
    void eachNetworkListsItsBridgeUplinkAndTapsNotCheckedBeforeAnyRead() {
        DesiredReport r = inv.hostPlans().desiredReport(ADMIN, KVM1);
        assertEquals(List.of("lan", "overlay"), r.networks().stream().map(n -> n.network().split(":")[1]).toList());
        NetworkNeeds lan = r.networks().get(0);
        assertEquals("fw", lan.driver());
        assertEquals(List.of("br-lan", "eth1", "one-" + web + "-0"), lan.devices().stream().map(NeededDevice::name)
                .toList(), "the bridge first, then its PHYDEV, then the VM's tap");
        assertEquals(new NeededDevice("eth1", "PHYDEV", "port of br-lan", Presence.NOT_CHECKED), device(lan, "eth1"));
        NetworkNeeds overlay = r.networks().get(1);
        assertEquals(new NeededDevice("eth0.300", "VXLAN",
                "VNI 300, group 239.0.1.44, port 4789, ttl 16 on eth0, MTU 1450, port of vxbr300", Presence.NOT_CHECKED),
                device(overlay, "eth0.300"));
        assertEquals("bridge", device(overlay, "vxbr300").kind());
        assertEquals(Optional.empty(), r.devicesRead());
    }

    @Test
    void devicesAreComparedWithThoseTheHostHadAtItsLastRead() {
        Instant read = Instant.parse("2026-12-03T07:00:00Z");
        inv.hostStatuses().record(ADMIN, KVM1, new HostStatus(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new HostStatus.KnownDevices(read, List.of("br-lan", "eth0", "eth1", "lo")))));
        DesiredReport r = inv.hostPlans().desiredReport(ADMIN, KVM1);
        assertEquals(Optional.of(read), r.devicesRead());
        assertEquals(Presence.PRESENT, device(r.networks().get(0), "br-lan").presence());
        assertEquals(Presence.MISSING, device(r.networks().get(0), "one-" + web + "-0").presence());
        assertEquals(Presence.MISSING, device(r.networks().get(1), "eth0.300").presence());
    }

    @Test
    void eachNicHasItsChainsInWordsAndTheExactTextTheEngineLoads() {
        DesiredReport r = inv.hostPlans().desiredReport(ADMIN, KVM1);
        assertEquals(2, r.nics().size());
        NicChains nic = r.nics().get(0);
        String tap = "one-" + web + "-0";
        assertEquals(tap, nic.tap());
        assertEquals(web + ":web", nic.vm());
        assertTrue(nic.network().endsWith(":lan"), nic.network());
        assertEquals("10.0.0.1", nic.addresses().get(0));
        List<String> words = nic.readable();
        assertTrue(words.get(1).startsWith("MAC anti-spoofing: frames from the VM must come from "), words.toString());
        assertTrue(words.get(2).startsWith("IP anti-spoofing: the VM may send only from 10.0.0.1"), words.toString());
        assertTrue(words.contains("security group 100: allow inbound TCP port 22 from any address"), words.toString());
        assertTrue(words.contains("security group 100: allow inbound TCP port 8080 from 10.0.0.1"), words.toString());
        assertEquals("everything else dropped, to and from the VM", words.get(words.size() - 1));

        HostState all = inv.hostPlans().desiredState(ADMIN, KVM1);
        String in = tap + "-i";
        String out = tap + "-o";
        for (String rule : all.iptables().chains().get(in).rules()) {
            assertTrue(nic.iptables().contains("-A " + in + " " + rule + "\n"), rule + " missing from\n"
                    + nic.iptables());
        }
        assertTrue(nic.iptables().startsWith("*filter\n:" + in + " - [0:0]\n:" + out + " - [0:0]\n"),
                nic.iptables());
        assertTrue(nic.iptables().contains("-A opennebula -m physdev --physdev-out " + tap
                + " --physdev-is-bridged -j " + in + "\n"), nic.iptables());
        assertTrue(nic.iptables().contains("-A INPUT -m physdev --physdev-in " + tap + " -j " + out + "\n"));
        assertTrue(nic.ip6tables().contains("-A " + in + " -p ipv6-icmp -m icmp6 --icmpv6-type 134 -j RETURN"));
        assertEquals("", nic.ebtables(), "fw has no ebtables rules");
        assertEquals(RestoreInput.ipsets(all.ipsets().values().stream().filter(s -> s.name().startsWith(tap + "-"))
                .toList()), nic.ipsets());
        assertTrue(nic.ipsets().contains("create " + tap + "-ip-spoofing hash:ip family inet\nadd " + tap
                + "-ip-spoofing 10.0.0.1\n"), nic.ipsets());
        assertTrue(nic.exactText().contains("# ipset restore\ncreate"), nic.exactText());

        NicChains other = r.nics().get(1);
        assertEquals("one-" + db + "-0", other.tap());
        assertTrue(!other.iptables().contains(tap + " "), "only its own NIC's rules:\n" + other.iptables());
        assertTrue(other.readable().contains("security group 100: allow outbound all protocols to any address"),
                other.readable().toString());
    }
}
