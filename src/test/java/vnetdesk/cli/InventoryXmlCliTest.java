package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.template.OpenNebulaSchemas;

/**
 * {@code host}, {@code cluster}, {@code user}, {@code group} {@code show|list --xml} and
 * {@code acl list --xml}: the document on standard output, exit 0, valid against OpenNebula's
 * schemas; unknown names refused as the plain show commands refuse them; {@code --json} with
 * {@code --xml} a usage error. Also the plain and JSON forms of the new {@code user show} and
 * {@code group show}.
 */
class InventoryXmlCliTest {

    @TempDir
    static Path dir;

    static CliRunner cli;

    /** One inventory for the class: every test only reads it. */
    @BeforeAll
    static void setUp() {
        cli = new CliRunner(dir.resolve("inventory"));
        ok("cluster", "create", "edge");
        ok("host", "create", "kvm1");
        ok("host", "create", "kvm2", "--cluster", "edge");
        cli.runWithInput("NAME = lan\nVN_MAD = bridge\n", "vnet", "create", "-");
        ok("cluster", "addvnet", "edge", "lan");
        cli.runWithInput("NAME = web\n", "vm", "create", "-");
        ok("vm", "deploy", "web", "kvm2");
        ok("group", "create", "dev");
        ok("user", "create", "alice");
        ok("user", "create", "bob", "--group", "dev");
        ok("acl", "create", "@100 NET+SECGROUP/@100 USE");
        ok("acl", "create", "#1 VNTEMPLATE/* CREATE");
    }

    private static String ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r.out();
    }

    @Test
    void hostShowAndListXml() throws Exception {
        String show = ok("host", "show", "kvm2", "--xml");
        assertTrue(show.startsWith("<HOST>\n  <ID>1</ID>\n  <NAME>kvm2</NAME>\n"), show);
        assertTrue(show.contains("<CLUSTER_ID>100</CLUSTER_ID>\n  <CLUSTER>edge</CLUSTER>"), show);
        assertTrue(show.contains("<VMS>\n    <ID>0</ID>\n  </VMS>"), show);
        OpenNebulaSchemas.validate("host.xsd", show);
        String list = ok("host", "list", "--xml");
        assertTrue(list.startsWith("<HOST_POOL>\n  <HOST>\n    <ID>0</ID>\n"), list);
        assertTrue(list.contains("<NAME>kvm1</NAME>") && list.contains("<NAME>kvm2</NAME>"), list);
        OpenNebulaSchemas.validate("host_pool.xsd", list);
    }

    @Test
    void clusterShowAndListXml() throws Exception {
        String show = ok("cluster", "show", "edge", "--xml");
        assertTrue(show.contains("<HOSTS>\n    <ID>1</ID>\n  </HOSTS>"), show);
        assertTrue(show.contains("<VNETS>\n    <ID>0</ID>\n  </VNETS>"), show);
        OpenNebulaSchemas.validate("cluster.xsd", show);
        String list = ok("cluster", "list", "--xml");
        assertTrue(list.startsWith("<CLUSTER_POOL>\n") && list.contains("<NAME>default</NAME>"), list);
        OpenNebulaSchemas.validate("cluster_pool.xsd", list);
    }

    @Test
    void userShowAndListXml() throws Exception {
        String show = ok("user", "show", "bob", "--xml");
        assertTrue(show.contains("<GID>100</GID>") && show.contains("<GNAME>dev</GNAME>"), show);
        assertTrue(show.contains("<PASSWORD></PASSWORD>"), show);
        OpenNebulaSchemas.validate("user.xsd", show);
        OpenNebulaSchemas.validate("user.xsd", ok("user", "show", "0", "--xml"));
        String list = ok("user", "list", "--xml");
        assertTrue(list.startsWith("<USER_POOL>\n") && list.contains("<NAME>alice</NAME>"), list);
        OpenNebulaSchemas.validate("user_pool.xsd", list);
    }

    @Test
    void groupShowAndListXml() throws Exception {
        String show = ok("group", "show", "dev", "--xml");
        assertTrue(show.contains("<USERS>\n    <ID>2</ID>\n  </USERS>"), show);
        OpenNebulaSchemas.validate("group.xsd", show);
        String list = ok("group", "list", "--xml");
        assertTrue(list.startsWith("<GROUP_POOL>\n") && list.contains("<NAME>users</NAME>"), list);
        OpenNebulaSchemas.validate("group_pool.xsd", list);
    }

    @Test
    void aclListXml() throws Exception {
        String list = ok("acl", "list", "--xml");
        assertTrue(list.contains("<STRING>@100 NET+SECGROUP/@100 USE #0</STRING>"), list);
        assertTrue(list.contains("<USER>200000064</USER>\n    <RESOURCE>1004200000064</RESOURCE>\n"
                + "    <RIGHTS>1</RIGHTS>\n    <ZONE>100000000</ZONE>"), list);
        assertTrue(list.contains("<USER>100000001</USER>\n    <RESOURCE>40000400000000</RESOURCE>\n"
                + "    <RIGHTS>8</RIGHTS>"), list);
        OpenNebulaSchemas.validate("acl_pool.xsd", list);
    }

    @Test
    void userShowAndGroupShowInPlainTextAndJson() {
        assertEquals("""
                USER INFORMATION
                ID                  : 2
                NAME                : bob
                GROUP               : 100:dev
                """, ok("user", "show", "bob"));
        assertEquals("""
                GROUP INFORMATION
                ID                  : 1
                NAME                : users
                MEMBERS             : alice
                """, ok("group", "show", "1"));
        assertTrue(ok("user", "show", "alice", "--json").contains("\"group\" : \"users\""));
        assertTrue(ok("group", "show", "dev", "--json").contains("\"members\" : [ \"bob\" ]"));
    }

    @Test
    void unknownNamesAreRefusedAsByThePlainShowCommands() {
        for (String[] cmd : new String[][] {{"host", "show", "nosuch"}, {"cluster", "show", "nosuch"},
                {"user", "show", "nosuch"}, {"group", "show", "nosuch"}}) {
            CliRunner.Result plain = cli.run(cmd);
            CliRunner.Result xml = cli.run(cmd[0], cmd[1], cmd[2], "--xml");
            assertEquals(1, xml.code(), xml::toString);
            assertEquals("", xml.out(), xml::toString);
            assertTrue(xml.err().startsWith("error: ") && xml.err().contains("\"nosuch\""), xml::toString);
            assertEquals(plain.err(), xml.err());
        }
    }

    @Test
    void jsonAndXmlTogetherAreAUsageErrorAndSoIsDriftWithXml() {
        for (String[] cmd : new String[][] {{"host", "list"}, {"host", "show", "0"}, {"cluster", "list"},
                {"cluster", "show", "0"}, {"user", "list"}, {"user", "show", "0"}, {"group", "list"},
                {"group", "show", "0"}, {"acl", "list"}}) {
            String[] args = Stream.concat(Arrays.stream(cmd), Stream.of("--json", "--xml")).toArray(String[]::new);
            CliRunner.Result r = cli.run(args);
            assertEquals(Cli.USAGE, r.code(), r::toString);
            assertTrue(r.err().contains("--json and --xml cannot be used together"), r::toString);
        }
        CliRunner.Result drift = cli.run("host", "list", "--drift", "--xml");
        assertEquals(Cli.USAGE, drift.code(), drift::toString);
        assertEquals("", drift.out(), drift::toString);
    }

    @Test
    void helpDocumentsTheXmlOption() {
        for (String[] cmd : new String[][] {{"host", "show"}, {"host", "list"}, {"cluster", "show"},
                {"cluster", "list"}, {"user", "show"}, {"user", "list"}, {"group", "show"}, {"group", "list"},
                {"acl", "list"}}) {
            CliRunner.Result r = cli.run(cmd[0], cmd[1], "--help");
            assertTrue(r.out().contains("--xml") && r.out().contains("OpenNebula XML"), r::toString);
        }
    }
}
