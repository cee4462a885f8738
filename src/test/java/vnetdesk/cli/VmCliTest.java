package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vm … through {@link Cli#run}: create, list, show, deploy and the state
 * changes, nic-attach, nic-detach, nic-preview, context and update, with
 * exact outputs, refusals (exit 1) and usage errors (exit 2).
 */
class VmCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Network 0, in cluster 0. */
    private static final String LAN = """
            NAME = lan
            VN_MAD = fw
            GATEWAY = 10.0.0.254
            AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]
            """;

    /** Network 1, in cluster 0. */
    private static final String DUAL = """
            NAME = dual
            VN_MAD = bridge
            AR = [ TYPE = IP4_6, IP = 10.1.0.1, SIZE = 10, GLOBAL_PREFIX = "2001:db8::" ]
            """;

    /** Two leased NICs (the second with its own group 100 and QoS) and one waiting for automatic selection. */
    private static final String WEB = """
            NAME = web
            GATEWAY_IFACE = 1
            NIC = [ NETWORK = lan, IP = 10.0.0.5 ]
            NIC = [ NETWORK = dual, SECURITY_GROUPS = 100, INBOUND_AVG_BW = 1000 ]
            NIC = [ NETWORK_MODE = auto, SCHED_REQUIREMENTS = "NAME = \\"l*\\"", SCHED_RANK = FREE_LEASES ]
            """;

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("inventory"));
        assertEquals("ID: 0\n", in(LAN, "vnet", "create", "-"));
        assertEquals("ID: 1\n", in(DUAL, "vnet", "create", "-"));
        assertEquals("ID: 100\n", in("NAME = web\n", "secgroup", "create", "-"));
        assertEquals("ID: 0\n", ok("host", "create", "kvm1"));
    }

    private String ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r.out();
    }

    /** Runs a command with {@code stdin} as its standard input; it must succeed. */
    private String in(String stdin, String... args) {
        CliRunner.Result r = cli.runWithInput(stdin, args);
        assertEquals(0, r.code(), r::toString);
        return r.out();
    }

    /** A refusal: exit 1, nothing on stdout, exactly {@code error: <message>} on stderr. */
    private void refused(String message, String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(1, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("error: " + message + "\n", r.err(), r::toString);
    }

    private void usage(String text, String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().contains(text), r::toString);
    }

    @Test
    void aVmTemplateCreatesAPendingVmThatListAndShowDescribe() {
        assertEquals("ID: 0\n", in(WEB, "vm", "create", "-"));
        assertEquals("""
                ID  USER      GROUP     NAME  STATE    HOST  NICS
                 0  oneadmin  oneadmin  web   PENDING  -     0:10.0.0.5 1:10.1.0.1 2:auto
                """, ok("vm", "list"));
        assertEquals("""
                VIRTUAL MACHINE INFORMATION
                ID                  : 0
                NAME                : web
                USER                : oneadmin
                GROUP               : oneadmin
                STATE               : PENDING
                HOST                : -
                LOCK                : None

                PERMISSIONS
                OWNER               : um-
                GROUP               : u--
                OTHER               : ---

                USER TEMPLATE
                GATEWAY_IFACE = "1"

                VM NICS
                ID  NETWORK  TAP      MAC                IP        IP6                   SECURITY_GROUPS  QOS                  MODEL
                 0  0:lan    one-0-0  02:00:0a:00:00:05  10.0.0.5  -                     0                -                    virtio
                 1  1:dual   one-0-1  02:00:0a:01:00:01  10.1.0.1  2001:db8::aff:fe01:1  0,100            INBOUND_AVG_BW=1000  virtio
                 2  auto     one-0-2  -                  -         -                     -                -                    virtio
                NIC 2: network chosen when the VM is deployed (SCHED_REQUIREMENTS: NAME = "l*", SCHED_RANK: FREE_LEASES)
                """, ok("vm", "show", "web"));
    }

    @Test
    void theJsonOfListAndShowHoldsEveryNic() throws Exception {
        in(WEB, "vm", "create", "-");
        ok("vm", "deploy", "0", "kvm1");
        JsonNode vm = JSON.readTree(ok("vm", "show", "web", "--json"));
        assertEquals(vm, JSON.readTree(ok("vm", "list", "--json")).get(0), "list and show agree");
        assertEquals("RUNNING", vm.get("state").asText());
        assertEquals("kvm1", vm.get("host").asText());
        assertEquals("1", vm.get("template").get("GATEWAY_IFACE").asText());
        JsonNode second = vm.get("nics").get(1);
        assertEquals("dual", second.get("network").asText());
        assertEquals("10.1.0.1", second.get("ip").asText());
        assertEquals("2001:db8::aff:fe01:1", second.get("ip6_global").asText());
        assertEquals("one-0-1", second.get("target").asText());
        assertEquals("[0,100]", second.get("security_groups").toString());
        assertEquals("{\"INBOUND_AVG_BW\":\"1000\"}", second.get("qos").toString());
        assertEquals("lan", vm.get("nics").get(2).get("network").asText(), "chosen when deployed");
        assertEquals("10.0.0.1", vm.get("nics").get(2).get("ip").asText());
    }

    @Test
    void deployPlacesTheVmAndTheStateChangesFollowOpenNebula() {
        in(WEB, "vm", "create", "-");
        refused("host \"kvm9\" does not exist", "vm", "deploy", "web", "kvm9");
        ok("vm", "deploy", "web", "kvm1");
        assertEquals("""
                ID  USER      GROUP     NAME  STATE    HOST    NICS
                 0  oneadmin  oneadmin  web   RUNNING  0:kvm1  0:10.0.0.5 1:10.1.0.1 2:10.0.0.1
                """, ok("vm", "list"));
        refused("VM 0:web is RUNNING; only a VM that is not on a host (PENDING, HOLD, STOPPED, UNDEPLOYED) can be"
                + " deployed", "vm", "deploy", "web", "kvm1");
        ok("vm", "poweroff", "web");
        refused("VM 0:web is POWEROFF; suspend does not apply to a POWEROFF VM", "vm", "suspend", "web");
        ok("vm", "resume", "web");
        ok("vm", "suspend", "web");
        ok("vm", "resume", "web");
        ok("vm", "stop", "web");
        assertTrue(ok("vm", "list").contains(" web   STOPPED  -     0:10.0.0.5 "));
        ok("vm", "resume", "web");
        ok("vm", "hold", "web");
        refused("VM 0:web is HOLD; hold does not apply to a HOLD VM", "vm", "hold", "web");
        ok("vm", "release", "web");
        ok("vm", "deploy", "web", "0");
        ok("vm", "undeploy", "web");
        assertTrue(ok("vm", "list").contains(" web   UNDEPLOYED  -     0:10.0.0.5 1:10.1.0.1 2:10.0.0.1"),
                "an undeployed VM keeps its leases");
        refused("VM \"nosuch\" does not exist", "vm", "poweroff", "nosuch");
        usage("Missing required parameter: 'VM'", "vm", "poweroff");
    }

    @Test
    void aNicOnANetworkOutsideTheHostsClusterRefusesTheDeploy() {
        ok("cluster", "create", "edge");
        ok("host", "create", "kvm-edge", "--cluster", "edge");
        in("NAME = db\nNIC = [ NETWORK = lan ]\n", "vm", "create", "-");
        refused("NIC 0: network 0:lan is not in cluster 100:edge of host 1:kvm-edge (the network is in cluster 0);"
                + " add it to the cluster or choose another network", "vm", "deploy", "db", "kvm-edge");
        assertTrue(ok("vm", "list").contains(" db    PENDING  -  "), "nothing changed");
    }

    @Test
    void nicAttachPrintsTheNicItsAddressAndNetwork() {
        in("NAME = web\n", "vm", "create", "-");
        assertEquals("NIC 0: 10.0.0.7 on network 0:lan\n", ok("vm", "nic-attach", "web", "--network", "lan",
                "--ip", "10.0.0.7"));
        assertEquals("NIC 1: 10.1.0.3 on network 1:dual\n", ok("vm", "nic-attach", "web", "--network", "dual",
                "--ar", "0", "--ip", "10.1.0.3", "--sg", "100", "--qos", "inbound_avg_bw=1000,OUTBOUND_AVG_BW=500",
                "--model", "e1000"));
        assertEquals("NIC 2: 10.1.0.9 on network 1:dual\n",
                ok("vm", "nic-attach", "web", "--network", "1", "--mac", "02:00:0a:01:00:09"));
        assertEquals("NIC 3: network chosen when the VM is deployed\n", ok("vm", "nic-attach", "web", "--auto",
                "--requirements", "VN_MAD = \"fw\""));
        ok("vm", "deploy", "web", "kvm1");
        assertEquals("NIC 4: 10.1.0.1 on network 1:dual\n", ok("vm", "nic-attach", "web", "--auto",
                "--requirements", "NAME = \"d*\"", "--rank", "FREE_LEASES"));

        String nics = ok("vm", "show", "web");
        nics = nics.substring(nics.indexOf("VM NICS\n"));
        assertEquals("""
                VM NICS
                ID  NETWORK  TAP      MAC                IP        IP6                   SECURITY_GROUPS  QOS                                      MODEL
                 0  0:lan    one-0-0  02:00:0a:00:00:07  10.0.0.7  -                     0                -                                        virtio
                 1  1:dual   one-0-1  02:00:0a:01:00:03  10.1.0.3  2001:db8::aff:fe01:3  0,100            INBOUND_AVG_BW=1000,OUTBOUND_AVG_BW=500  e1000
                 2  1:dual   one-0-2  02:00:0a:01:00:09  10.1.0.9  2001:db8::aff:fe01:9  0                -                                        virtio
                 3  0:lan    one-0-3  02:00:0a:00:00:01  10.0.0.1  -                     0                -                                        virtio
                 4  1:dual   one-0-4  02:00:0a:01:00:01  10.1.0.1  2001:db8::aff:fe01:1  0                -                                        virtio
                """, nics);

        ok("vm", "nic-detach", "web", "1");
        ok("vm", "nic-detach", "web", "3");
        assertTrue(ok("vm", "list").endsWith(" 0:10.0.0.7 2:10.1.0.9 4:10.1.0.1\n"));
        assertEquals("10.1.0.3: free (network 1:dual, AR 0)\n", ok("whois", "10.1.0.3"), "the lease was released");
    }

    @Test
    void nicAttachRefusalsAndUsageErrors() {
        in(WEB, "vm", "create", "-");
        refused("NIC SCHED_REQUIREMENTS: expected a value after '=', found end of input at 9",
                "vm", "nic-attach", "web", "--auto", "--requirements", "VN_MAD = ");
        refused("ADDRESS: 10.0.0.5 is already used by VM 0:web NIC 0 in network 0:lan",
                "vm", "nic-attach", "web", "--network", "lan", "--ip", "10.0.0.5");
        refused("NIC AR_ID: invalid value \"x\": expected an integer between 0 and 2147483647",
                "vm", "nic-attach", "web", "--network", "lan", "--ar", "x");
        refused("SECURITY_GROUPS: invalid value \"999\": security group 999 does not exist",
                "vm", "nic-attach", "web", "--network", "lan", "--sg", "999");
        refused("INBOUND_AVG_BW: invalid value \"fast\": expected an integer between 1 and 10000000000",
                "vm", "nic-attach", "web", "--network", "lan", "--qos", "INBOUND_AVG_BW=fast");
        refused("--qos: invalid value \"INBOUND=1\": expected NAME=VALUE pairs separated by commas, each NAME once,"
                + " one of INBOUND_AVG_BW, INBOUND_PEAK_BW, INBOUND_PEAK_KB, OUTBOUND_AVG_BW, OUTBOUND_PEAK_BW,"
                + " OUTBOUND_PEAK_KB", "vm", "nic-attach", "web", "--network", "lan", "--qos", "INBOUND=1");
        refused("network \"wan\" does not exist", "vm", "nic-attach", "web", "--network", "wan");
        refused("VM \"nosuch\" does not exist", "vm", "nic-attach", "nosuch", "--network", "lan");
        refused("NIC: VM 0:web has no NIC 9 (it has 0, 1, 2)", "vm", "nic-detach", "web", "9");
        refused("NIC: invalid value \"x\": expected an integer between 0 and 2147483647",
                "vm", "nic-detach", "web", "x");

        usage("are mutually exclusive", "vm", "nic-attach", "web", "--network", "lan", "--auto");
        usage("Missing required argument(s): --auto", "vm", "nic-attach", "web", "--requirements", "NAME = lan");
        usage("--ip, --ip6 and --mac cannot be used together",
                "vm", "nic-attach", "web", "--network", "lan", "--ip", "10.0.0.8", "--mac", "02:00:0a:00:00:08");
        usage("Missing required argument", "vm", "nic-attach", "web");
        assertTrue(ok("vm", "list").endsWith(" 0:10.0.0.5 1:10.1.0.1 2:auto\n"), "nothing was attached");
    }

    @Test
    void nicPreviewShowsTheChoiceAndEveryRejectedNetwork() throws Exception {
        in("NAME = web\n", "vm", "create", "-");
        assertEquals("""
                network 1:dual chosen: the only one of 2 candidates that qualifies
                rejected: network 0:lan: requirements false: NAME = "d*" is false (NAME is "lan")
                """, ok("vm", "nic-preview", "web", "--host", "kvm1", "--requirements", "NAME = \"d*\""));
        assertEquals("network 0:lan chosen: no rank given, the lowest id of 2 qualifying\n",
                ok("vm", "nic-preview", "web", "--host", "kvm1"));
        JsonNode json = JSON.readTree(ok("vm", "nic-preview", "web", "--host", "kvm1", "--rank", "ID", "--json"));
        assertEquals(1, json.get("network_id").asInt());
        assertEquals("1:dual", json.get("network").asText());
        assertTrue(json.get("reason").asText().startsWith("network 1:dual chosen: rank 1 (ID), the highest of 2"),
                json::toString);

        CliRunner.Result none = cli.run("vm", "nic-preview", "web", "--host", "kvm1", "--requirements",
                "VN_MAD = \"vxlan\"");
        assertEquals(1, none.code(), none::toString);
        assertEquals("""
                rejected: network 0:lan: requirements false: VN_MAD = "vxlan" is false (VN_MAD is "fw")
                rejected: network 1:dual: requirements false: VN_MAD = "vxlan" is false (VN_MAD is "bridge")
                """, none.out());
        assertEquals("error: no network qualifies: 2 networks rejected\n", none.err());

        refused("SCHED_REQUIREMENTS: expected '=', '!=', '>' or '<' after NAME, found end of input at 6",
                "vm", "nic-preview", "web", "--host", "kvm1", "--requirements", "(NAME");
        refused("VM 0:web is not on a host; name the host to choose for", "vm", "nic-preview", "web");
        ok("vm", "deploy", "web", "kvm1");
        assertTrue(ok("vm", "nic-preview", "web").startsWith("network 0:lan chosen: "), "the VM's own host");
    }

    @Test
    void contextPrintsAContextShThatShReadsBackExactly() throws Exception {
        String motd = "it's \"quoted\" and costs $5 `date` \\n";
        assertEquals("ID: 2\n", in("NAME = guests\nVN_MAD = bridge\nDNS = 10.2.0.53\nMOTD = \""
                + motd.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\nMY-NOTE = skipped\n"
                + "AR = [ TYPE = IP4, IP = 10.2.0.1, SIZE = 4 ]\n", "vnet", "create", "-"));
        in("NAME = web\nNIC = [ NETWORK = guests ]\nNIC = [ NETWORK = lan, IP = 10.0.0.9 ]\n", "vm", "create", "-");

        CliRunner.Result r = cli.run("vm", "context", "web");
        assertEquals(0, r.code(), r::toString);
        assertEquals("ETH0_MAC=\"02:00:0a:02:00:01\"\n"
                + "ETH0_IP=\"10.2.0.1\"\n"
                + "ETH0_DNS=\"10.2.0.53\"\n"
                + "ETH0_MOTD=\"it's \\\"quoted\\\" and costs \\$5 \\`date\\` \\\\n\"\n"
                + "ETH1_MAC=\"02:00:0a:00:00:09\"\n"
                + "ETH1_IP=\"10.0.0.9\"\n"
                + "ETH1_GATEWAY=\"10.0.0.254\"\n"
                + "GATEWAY_IFACE=\"ETH1\"\n", r.out());
        assertEquals("warning: attribute MY-NOTE of network 2:guests is not passed to NIC 0: a shell variable name"
                + " cannot contain '-'\n", r.err(), "warnings go to stderr, the script stays clean");

        Path script = dir.resolve("context.sh");
        Files.writeString(script, r.out());
        Process sh = new ProcessBuilder("/bin/sh", "-c", ". \"$1\"; printf '%s' \"$ETH0_MOTD\"", "sh",
                script.toString()).redirectErrorStream(true).start();
        assertTrue(sh.waitFor(30, TimeUnit.SECONDS), "sh finished");
        assertEquals(motd, new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(0, sh.exitValue());
    }

    @Test
    void updateReplacesOrMergesTheUserTemplate() throws Exception {
        in(WEB, "vm", "create", "-");
        Path file = dir.resolve("update.tpl");
        Files.writeString(file, "DESCRIPTION = \"front end\"\n");
        ok("vm", "update", "web", file.toString(), "--append");
        assertTrue(ok("vm", "show", "web").contains("USER TEMPLATE\nGATEWAY_IFACE = \"1\"\n"
                + "DESCRIPTION = \"front end\"\n\n"));
        ok("vm", "update", "web", file.toString());
        assertTrue(ok("vm", "show", "web").contains("USER TEMPLATE\nDESCRIPTION = \"front end\"\n\n"));
        CliRunner.Result nic = cli.runWithInput("NIC = [ NETWORK = lan ]\n", "vm", "update", "web", "-");
        assertEquals("error: NIC: NICs are changed with nic-attach and nic-detach, not update\n", nic.err(),
                nic::toString);
        CliRunner.Result name = cli.runWithInput("NAME = other\n", "vm", "update", "web", "-");
        assertEquals("error: NAME: a VM is renamed with rename, not update\n", name.err(), name::toString);
    }

    @Test
    void badTemplatesAndUnknownVmsAreRefused() {
        CliRunner.Result disk = cli.runWithInput("NAME = x\nDISK = [ IMAGE = centos ]\n", "vm", "create", "-");
        assertEquals("error: DISK: vnetdesk keeps the networking of a VM only; remove the DISK vector (NIC is the"
                + " one vector it reads)\n", disk.err(), disk::toString);
        CliRunner.Result model = cli.runWithInput("NAME = x\nNIC = [ NETWORK = lan, MODEL = \"bad model\" ]\n",
                "vm", "create", "-");
        assertEquals(1, model.code());
        assertTrue(model.err().startsWith("error: NIC 0 MODEL: invalid value \"bad model\""), model::toString);
        CliRunner.Result syntax = cli.runWithInput("NAME = x\nNIC = [ NETWORK = lan\n", "vm", "create", "-");
        assertEquals(1, syntax.code());
        assertTrue(syntax.err().startsWith("error: <stdin>: line 2, column 7: missing ']'"), syntax::toString);
        assertEquals("ID  USER  GROUP  NAME  STATE  HOST  NICS\n", ok("vm", "list"), "no VM was created");
        refused("VM \"nosuch\" does not exist", "vm", "show", "nosuch");
        refused("VM \"nosuch\" does not exist", "vm", "context", "nosuch");
        refused("VM \"nosuch\" does not exist", "vm", "delete", "nosuch");
        refused("VM: required attribute is missing", "vm", "show", " ");
    }

    @Test
    void cloneRenameChownChmodAndLockWorkOnVmsWhoseNamesMayRepeat() {
        in("NAME = web\nNIC = [ NETWORK = lan ]\n", "vm", "create", "-");
        assertEquals("ID: 1\n", ok("vm", "clone", "web", "web"));
        refused("VM: the name \"web\" is used by several VMs (0:web, 1:web); use the id", "vm", "show", "web");
        ok("vm", "rename", "1", "db");
        ok("user", "create", "bob");
        ok("vm", "chown", "db", "bob", "users");
        ok("vm", "chmod", "web", "604");
        assertEquals("""
                ID  USER      GROUP     NAME  STATE    HOST  NICS
                 0  oneadmin  oneadmin  web   PENDING  -     0:10.0.0.1
                 1  bob       users     db    PENDING  -     0:10.0.0.2
                """, ok("vm", "list"));
        refused("user bob may not attach a NIC to virtual machine 0:web: it needs MANAGE rights on it",
                "--user", "bob", "vm", "nic-attach", "web", "--network", "lan");
        ok("vm", "lock", "db");
        CliRunner.Result locked = cli.run("--user", "bob", "vm", "poweroff", "db");
        assertEquals(1, locked.code(), locked::toString);
        assertTrue(locked.err().contains("is locked"), locked::toString);
    }

    @Test
    void deleteReleasesTheLeases() {
        in(WEB, "vm", "create", "-");
        ok("vm", "delete", "web");
        assertEquals("10.0.0.5: free (network 0:lan, AR 0)\n", ok("whois", "10.0.0.5"));
        assertEquals("ID  USER  GROUP  NAME  STATE  HOST  NICS\n", ok("vm", "list"));
    }

    @Test
    void aVmExportedAsXmlIsImportedBackWithItsIdNicIndexesAndLeases() {
        in(WEB, "vm", "create", "-");
        String xml = ok("vm", "show", "web", "--xml");
        assertTrue(xml.startsWith("<VM>"), xml);
        assertTrue(xml.contains("<TARGET><![CDATA[one-0-1]]></TARGET>") || xml.contains("<TARGET>one-0-1</TARGET>"),
                xml);
        assertTrue(ok("vm", "list", "--xml").startsWith("<VM_POOL>"));
        ok("vm", "delete", "web");
        CliRunner.Result imported = cli.runWithInput(xml, "vm", "import", "-");
        assertEquals(0, imported.code(), imported::toString);
        assertEquals("ID: 0\n", imported.out());
        assertEquals(xml, ok("vm", "show", "0", "--xml"), "export, import, export gives the same document");
        CliRunner.Result both = cli.run("vm", "show", "web", "--xml", "--json");
        assertEquals(2, both.code(), both::toString);
        assertTrue(both.err().contains("--json and --xml cannot be used together"), both.err());
    }
}
