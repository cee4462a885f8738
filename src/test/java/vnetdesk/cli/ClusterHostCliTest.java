package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cluster … and host … through {@link Cli#run}: outputs, refusals (exit 1) and usage errors (exit 2). */
class ClusterHostCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void clustersAndHostsAreCreatedListedAndShown() {
        assertEquals("ID: 100\n", ok("cluster", "create", "edge"));
        assertEquals("ID: 0\n", ok("host", "create", "kvm1", "--address", "10.9.0.1"));
        assertEquals("ID: 1\n", ok("host", "create", "kvm2", "--cluster", "edge"));
        assertEquals("ID: 0\n", cli.runWithInput("NAME = lan\nVN_MAD = bridge\n", "vnet", "create", "-").out());
        ok("cluster", "addvnet", "edge", "lan");

        assertEquals("""
                 ID  NAME     HOSTS  NETWORKS
                  0  default      1         1
                100  edge         1         1
                """, ok("cluster", "list"));
        assertEquals("""
                ID  NAME  CLUSTER    ADDRESS   VMS  PENDING  LAST APPLY
                 0  kvm1  0:default  10.9.0.1    0  yes      -
                 1  kvm2  100:edge   -           0  yes      -
                """, ok("host", "list"));
        assertEquals("""
                CLUSTER INFORMATION
                ID                  : 100
                NAME                : edge
                HOSTS               : 1:kvm2
                NETWORKS            : 0:lan
                """, ok("cluster", "show", "edge"));
        assertEquals("""
                HOST INFORMATION
                ID                  : 1
                NAME                : kvm2
                CLUSTER             : 100:edge
                ADDRESS             : -
                PORT                : 22
                USER                : root
                IDENTITY            : agent
                VMS                 : -
                LAST APPLY          : -
                PENDING             : yes
                """, ok("host", "show", "kvm2"));
    }

    @Test
    void theJsonFormsNameHostsNetworksAndVms() throws Exception {
        ok("cluster", "create", "edge");
        ok("host", "create", "kvm1", "--cluster", "100", "--address", "kvm1.example.org");
        assertEquals("ID: 0\n", cli.runWithInput("NAME = web\n", "vm", "create", "-").out());
        ok("vm", "deploy", "web", "kvm1");

        JsonNode clusters = JSON.readTree(ok("cluster", "list", "--json"));
        assertEquals(2, clusters.size());
        assertEquals("edge", clusters.get(1).get("name").asText());
        assertEquals("kvm1", clusters.get(1).get("hosts").get(0).get("name").asText());
        assertEquals(0, clusters.get(1).get("networks").size());
        JsonNode host = JSON.readTree(ok("host", "show", "0", "--json"));
        assertEquals(100, host.get("cluster_id").asInt());
        assertEquals("kvm1.example.org", host.get("address").asText());
        assertEquals("web", host.get("vms").get(0).get("name").asText());
        assertEquals(0, host.get("vms").get(0).get("id").asInt());
        assertEquals(host, JSON.readTree(ok("host", "list", "--json")).get(0), "list and show agree");
        assertEquals(JSON.readTree(ok("cluster", "show", "default", "--json")), clusters.get(0));
    }

    @Test
    void renameAddressAndMembershipChangesShowInTheLists() {
        ok("cluster", "create", "edge");
        ok("host", "create", "kvm1");
        cli.runWithInput("NAME = lan\nVN_MAD = bridge\n", "vnet", "create", "-");
        ok("cluster", "rename", "edge", "far");
        ok("host", "rename", "kvm1", "kvm-a");
        ok("host", "address", "kvm-a", "192.0.2.7");
        ok("cluster", "addhost", "far", "kvm-a");
        ok("cluster", "addvnet", "far", "lan");
        assertEquals("""
                ID  NAME   CLUSTER  ADDRESS    VMS  PENDING  LAST APPLY
                 0  kvm-a  100:far  192.0.2.7    0  yes      -
                """, ok("host", "list"));
        assertTrue(ok("vnet", "list").lines().skip(1).findFirst().orElseThrow().matches(".*\\s0,100\\s+0/0"));

        ok("cluster", "delhost", "far", "kvm-a");
        ok("cluster", "delvnet", "far", "0");
        ok("host", "address", "kvm-a", "");
        assertEquals("""
                 ID  NAME     HOSTS  NETWORKS
                  0  default      1         1
                100  far          0         0
                """, ok("cluster", "list"));
        assertTrue(ok("host", "list").contains(" 0:default  -  "));
        ok("cluster", "delete", "far");
        ok("host", "delete", "kvm-a");
        assertEquals("ID  NAME  CLUSTER  ADDRESS  VMS  PENDING  LAST APPLY\n", ok("host", "list"));
    }

    @Test
    void refusalsAreOneErrorLine() {
        ok("cluster", "create", "edge");
        ok("host", "create", "kvm1", "--cluster", "edge");
        cli.runWithInput("NAME = lan\nVN_MAD = bridge\n", "vnet", "create", "-");
        refused("cluster 0:default is the default cluster and cannot be deleted", "cluster", "delete", "default");
        refused("cluster 100:edge still holds 1 host and 0 networks; move them to another cluster first",
                "cluster", "delete", "edge");
        refused("NAME: a cluster named \"edge\" already exists", "cluster", "create", "edge");
        refused("NAME: a host named \"kvm1\" already exists", "host", "create", "kvm1");
        refused("cluster \"nosuch\" does not exist", "host", "create", "kvm2", "--cluster", "nosuch");
        refused("--cluster: required attribute is missing", "host", "create", "kvm2", "--cluster", " ");
        refused("host \"nosuch\" does not exist", "host", "show", "nosuch");
        refused("HOST: required attribute is missing", "host", "show", "");
        refused("host 0:kvm1 is not in cluster 0:default", "cluster", "delhost", "default", "kvm1");
        refused("network 0:lan is already in cluster 0:default", "cluster", "addvnet", "0", "lan");
        refused("network \"wan\" does not exist", "cluster", "addvnet", "edge", "wan");
        CliRunner.Result bad = cli.run("host", "address", "kvm1", "kvm1; rm -rf /");
        assertEquals(1, bad.code(), bad::toString);
        assertTrue(bad.err().startsWith("error: ADDRESS: invalid value \"kvm1; rm -rf /\": expected a host name"),
                bad::toString);

        cli.runWithInput("NAME = web\n", "vm", "create", "-");
        ok("vm", "deploy", "web", "kvm1");
        refused("host 0:kvm1 has 1 VM on it (0:web); move or delete them first", "host", "delete", "kvm1");
    }

    @Test
    void missingArgumentsAreUsageErrors() {
        usage("Missing required parameter: 'NAME'", "cluster", "create");
        usage("Missing required parameter: 'HOST'", "cluster", "addhost", "default");
        usage("Missing required parameter: 'ADDR'", "host", "address", "kvm1");
        usage("Unknown option: '--json'", "cluster", "rename", "default", "x", "--json");
    }
}
