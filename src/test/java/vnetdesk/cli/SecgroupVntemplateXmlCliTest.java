package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.template.OpenNebulaSchemas;
import vnetdesk.template.SecurityGroupSchemas;

/**
 * {@code secgroup show|list --xml} and {@code vntemplate show|list --xml}: the document on
 * standard output, exit 0, valid against OpenNebula's schemas; unknown names refused as the
 * other show commands refuse them.
 */
class SecgroupVntemplateXmlCliTest {

    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("inventory"));
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r;
    }

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** A group "web" on network "lan", which VM "app" has a NIC on: the VM is outdated (never applied). */
    private void webGroupWithAVm() throws Exception {
        ok("secgroup", "create", file("web.sg", """
                NAME = web
                DESCRIPTION = "HTTP and SSH"
                RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = "22,80:90" ]
                RULE = [ PROTOCOL = ICMP, RULE_TYPE = inbound, ICMP_TYPE = 8, IP = 10.9.0.0, SIZE = 256 ]
                """).toString());
        ok("vnet", "create", file("lan.tpl", "NAME = lan\nVN_MAD = fw\nSECURITY_GROUPS = \"0,100\"\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n").toString());
        ok("vm", "create", file("app.vm", "NAME = app\nNIC = [ NETWORK = lan ]\n").toString());
    }

    @Test
    void secgroupShowXmlPrintsASecurityGroupWithItsOutdatedVm() throws Exception {
        webGroupWithAVm();
        String xml = ok("secgroup", "show", "web", "--xml").out();
        assertTrue(xml.startsWith("<SECURITY_GROUP>\n"), xml);
        assertTrue(xml.contains("<OUTDATED_VMS>\n    <ID>0</ID>\n  </OUTDATED_VMS>"), xml);
        assertTrue(xml.contains("<RANGE>22,80:90</RANGE>"), xml);
        SecurityGroupSchemas.validate("security_group.xsd", xml);
    }

    @Test
    void secgroupListXmlPrintsTheGroupPool() throws Exception {
        webGroupWithAVm();
        String xml = ok("secgroup", "list", "--xml").out();
        assertTrue(xml.startsWith("<SECURITY_GROUP_POOL>\n"), xml);
        assertTrue(xml.contains("<NAME>default</NAME>") && xml.contains("<NAME>web</NAME>"), xml);
        SecurityGroupSchemas.validate("security_group_pool.xsd", xml);
    }

    @Test
    void vntemplateShowAndListXmlPrintTemplatesWithTheirLock() throws Exception {
        ok("vntemplate", "create", file("t.tpl", "NAME = office\nVN_MAD = bridge\nSECURITY_GROUPS = 0\n"
                + "AR = [ TYPE = IP4, IP = 192.168.7.10, SIZE = 20 ]\n").toString());
        ok("vntemplate", "lock", "office", "--level", "manage");
        String show = ok("vntemplate", "show", "office", "--xml").out();
        assertTrue(show.startsWith("<VNTEMPLATE>\n"), show);
        assertTrue(show.contains("<LOCK>\n    <LOCKED>2</LOCKED>\n  </LOCK>"), show);
        assertTrue(show.contains("<IP>192.168.7.10</IP>"), show);
        OpenNebulaSchemas.validate("vntemplate.xsd", show);
        String list = ok("vntemplate", "list", "--xml").out();
        assertTrue(list.startsWith("<VNTEMPLATE_POOL>\n"), list);
        assertTrue(list.contains("<NAME>Private IPv4</NAME>") && list.contains("<NAME>office</NAME>"), list);
        OpenNebulaSchemas.validate("vntemplate_pool.xsd", list);
    }

    @Test
    void unknownNamesAreRefusedAsByTheOtherShowCommands() {
        CliRunner.Result sg = cli.run("secgroup", "show", "nosuch", "--xml");
        assertEquals(1, sg.code(), sg::toString);
        assertEquals("", sg.out(), sg::toString);
        assertTrue(sg.err().startsWith("error: ") && sg.err().contains("\"nosuch\" does not exist"), sg::toString);
        CliRunner.Result tpl = cli.run("vntemplate", "show", "nosuch", "--xml");
        assertEquals(1, tpl.code(), tpl::toString);
        assertEquals("", tpl.out(), tpl::toString);
        assertTrue(tpl.err().startsWith("error: ") && tpl.err().contains("\"nosuch\" does not exist"), tpl::toString);
    }

    @Test
    void jsonAndXmlTogetherAreAUsageError() {
        assertEquals(Cli.USAGE, cli.run("secgroup", "list", "--json", "--xml").code());
        assertEquals(Cli.USAGE, cli.run("vntemplate", "show", "0", "--json", "--xml").code());
    }

    @Test
    void helpDocumentsTheXmlOption() {
        for (String[] cmd : new String[][] {{"secgroup", "show"}, {"secgroup", "list"}, {"vntemplate", "show"},
                {"vntemplate", "list"}}) {
            CliRunner.Result r = cli.run(cmd[0], cmd[1], "--help");
            assertTrue(r.out().contains("--xml") && r.out().contains("OpenNebula XML"), r::toString);
        }
    }
}
