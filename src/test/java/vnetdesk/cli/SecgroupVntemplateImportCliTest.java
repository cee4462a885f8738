package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import FILE} of security-group and network-template documents: {@code secgroup list --xml}
 * and {@code vntemplate list --xml} imported into a fresh inventory print the same document again,
 * the built-in objects are reported as already present, the ids made are printed per kind, and a
 * taken id is an error that writes nothing.
 */
class SecgroupVntemplateImportCliTest {

    @TempDir
    Path dir;

    private static CliRunner.Result ok(CliRunner cli, String... args) {
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

    /** Groups of oneadmin and of bob (other permissions), templates with ARs, a lock and another owner. */
    private CliRunner source() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("source"));
        ok(cli, "user", "create", "bob");
        ok(cli, "acl", "create", "@1", "SECGROUP+VNTEMPLATE/*", "CREATE");
        ok(cli, "secgroup", "create", file("web.sg", """
                NAME = web
                DESCRIPTION = "HTTP and SSH"
                RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = "22,80:90" ]
                RULE = [ PROTOCOL = ICMP, RULE_TYPE = inbound, ICMP_TYPE = 8, IP = 10.9.0.0, SIZE = 256 ]
                RULE = [ PROTOCOL = ICMPV6, RULE_TYPE = outbound, ICMPV6_TYPE = 128 ]
                RULE = [ PROTOCOL = UDP, RULE_TYPE = outbound, RANGE = 53, NETWORK_ID = 0 ]
                """).toString());
        ok(cli, "--user", "bob", "secgroup", "create", file("db.sg",
                "NAME = db\nRULE = [ PROTOCOL = UDP, RULE_TYPE = outbound, RANGE = 53 ]\n").toString());
        ok(cli, "secgroup", "chmod", "db", "664");
        ok(cli, "vntemplate", "create", file("office.tpl", """
                NAME = office
                VN_MAD = bridge
                SECURITY_GROUPS = "0,100"
                DNS = 10.0.0.53
                AR = [ TYPE = IP4, IP = 192.168.7.10, SIZE = 20 ]
                AR = [ TYPE = ETHER, SIZE = 4 ]
                """).toString());
        ok(cli, "vntemplate", "lock", "office", "--level", "manage");
        ok(cli, "--user", "bob", "vntemplate", "create", file("lab.tpl",
                "NAME = lab\nVN_MAD = vxlan\nPHYDEV = eth1\nVLAN_ID = 77\nDESCRIPTION = \"bob's lab\"\n").toString());
        return cli;
    }

    @Test
    void secgroupListXmlImportsIntoAFreshInventoryAsTheSameDocument() throws Exception {
        String xml = ok(source(), "secgroup", "list", "--xml").out();
        CliRunner target = new CliRunner(dir.resolve("target"));
        CliRunner.Result imported = target.runWithInput(xml, "import", "-");
        assertEquals(0, imported.code(), imported::toString);
        assertEquals("SECGROUP ID: 100\nSECGROUP ID: 101\nsecurity group 0:default already present, unchanged\n",
                imported.out());
        assertEquals(xml, ok(target, "secgroup", "list", "--xml").out());
        // bob was made with the file's id and name, and owns his group
        assertTrue(ok(target, "secgroup", "show", "db").out().contains("bob"));
    }

    @Test
    void vntemplateListXmlImportsIntoAFreshInventoryAsTheSameDocument() throws Exception {
        String xml = ok(source(), "vntemplate", "list", "--xml").out();
        CliRunner target = new CliRunner(dir.resolve("target"));
        CliRunner.Result imported = target.runWithInput(xml, "import", "-");
        assertEquals(0, imported.code(), imported::toString);
        assertEquals("VNTEMPLATE ID: 100\nVNTEMPLATE ID: 101\n"
                + "network template 0:Private IPv4 already present, unchanged\n", imported.out());
        assertEquals(xml, ok(target, "vntemplate", "list", "--xml").out());
    }

    @Test
    void aTakenIdIsAnErrorThatWritesNothingAndAsNewCopies() throws Exception {
        CliRunner source = source();
        String xml = ok(source, "secgroup", "list", "--xml").out();
        CliRunner target = new CliRunner(dir.resolve("target"));
        ok(target, "secgroup", "create", file("mine.sg", "NAME = mine\n").toString());
        String before = ok(target, "secgroup", "list", "--xml").out();
        CliRunner.Result taken = target.runWithInput(xml, "import", "-");
        assertEquals(1, taken.code(), taken::toString);
        assertTrue(taken.err().contains("<stdin>: security group 100:web: ID 100 is already security group"
                + " 100:mine in this inventory (import --as-new gives the file's security groups new ids)"),
                taken::toString);
        assertEquals(before, ok(target, "secgroup", "list", "--xml").out(), "nothing written");
        CliRunner.Result copies = target.runWithInput(xml, "import", "--as-new", "-");
        assertEquals(0, copies.code(), copies::toString);
        assertEquals("SECGROUP ID: 101\nSECGROUP ID: 102\nsecurity group 0:default already present, unchanged\n",
                copies.out());
    }

    @Test
    void networkImportOutputIsUnchanged() throws Exception {
        CliRunner source = new CliRunner(dir.resolve("source"));
        ok(source, "vnet", "create", file("lan.tpl", "NAME = lan\nVN_MAD = bridge\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 4 ]\n").toString());
        String xml = ok(source, "export").out();
        CliRunner target = new CliRunner(dir.resolve("target"));
        CliRunner.Result imported = target.runWithInput(xml, "import", "-");
        assertEquals("ID: 0\n", imported.out(), imported::toString);
    }

    @Test
    void anotherRootNamesEveryDocumentImportReads() {
        CliRunner.Result r = new CliRunner(dir.resolve("target")).runWithInput("<HOST_POOL/>", "import", "-");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("the root element is <HOST_POOL>; expected <VNET> or <VNET_POOL> as printed by"
                + " onevnet show -x (import also reads <SECURITY_GROUP>, <VNTEMPLATE> and their pools)"), r::toString);
    }
}
