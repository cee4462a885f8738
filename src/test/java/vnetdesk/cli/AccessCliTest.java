package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * secgroup, vntemplate, user, group, acl, chmod/chown and lock through
 * {@link Cli#run}: the round trips an administrator scripts.
 */
class AccessCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("inventory"));
    }

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    private CliRunner.Result refused(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().startsWith("error: "), r::toString);
        return r;
    }

    private static int id(CliRunner.Result r) {
        assertTrue(r.out().matches("ID: \\d+\\n"), r::toString);
        return Integer.parseInt(r.out().trim().substring(4));
    }

    @Test
    void secgroupCreateFromAFileShowsRulesAndEffectiveRules() throws Exception {
        Path sg = file("web.sg", """
                NAME = web
                DESCRIPTION = "HTTP and SSH"
                RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = "22,80:90" ]
                RULE = [ PROTOCOL = ICMP, RULE_TYPE = inbound, ICMP_TYPE = 8 ]
                """);
        int web = id(ok("secgroup", "create", sg.toString()));
        String show = ok("secgroup", "show", "web").out();
        assertTrue(show.contains("inbound TCP ports 22, 80-90 from any address"), show);
        assertTrue(show.contains("inbound ICMP echo-request (8) from any address"), show);

        Path net = file("lan.tpl", "NAME = lan\nVN_MAD = fw\nSECURITY_GROUPS = \"0," + web + "\"\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        ok("vnet", "create", net.toString());
        String effective = ok("secgroup", "effective", "lan").out();
        assertTrue(effective.contains("WARNING: the default group allows all traffic"), effective);
        JsonNode json = JSON.readTree(ok("secgroup", "effective", "lan", "--json").out());
        assertEquals(4, json.get("rules").size(), json.toString());

        Path bad = file("bad.sg", "NAME = bad\nRULE = [ PROTOCOL = UDP, RULE_TYPE = outbound, RANGE = \"1:65536\" ]\n");
        CliRunner.Result r = refused("secgroup", "create", bad.toString());
        assertTrue(r.err().contains("RULE 1: RANGE: invalid value \"1:65536\""), r::toString);
        assertEquals(3, ok("secgroup", "list").out().split("\n").length, "header, default, web");

        CliRunner.Result commit = cli.run("secgroup", "commit", "web");
        assertEquals(0, commit.code(), "no VM: nothing to apply");
        assertTrue(commit.out().contains("has no VM to update"), commit::toString);
    }

    @Test
    void vntemplateCreateInstantiateWithAnArFileAndShowTheNetwork() throws Exception {
        Path tpl = file("t.tpl", "NAME = office\nVN_MAD = bridge\nDNS = 10.0.0.53\nCLUSTER_IDS = \"0\"\n");
        int t = id(ok("vntemplate", "create", tpl.toString()));
        String show = ok("vntemplate", "show", Integer.toString(t)).out();
        assertTrue(show.contains("NAME = \"office\"") || show.contains("NAME=\"office\""), show);
        Path ar = file("ar.tpl", "AR = [ TYPE = IP4, IP = 192.168.7.10, SIZE = 20 ]\n");
        int net = id(ok("vntemplate", "instantiate", "office", "--name", "office-lan", ar.toString()));
        JsonNode n = JSON.readTree(ok("vnet", "show", Integer.toString(net), "--json").out());
        assertEquals("office-lan", n.get("name").asText());
        assertTrue(n.toString().contains("192.168.7.10"), n.toString());
        assertTrue(n.toString().contains("10.0.0.53"), n.toString());

        CliRunner.Result bare = cli.run("vntemplate", "instantiate", "Private IPv4", "--name", "empty");
        assertEquals(0, bare.code(), bare::toString);
        assertTrue(bare.err().contains("has no address range"), bare::toString);
    }

    @Test
    void lockThenUpdateIsRefusedUnlockThenUpdateIsAllowed() throws Exception {
        Path tpl = file("t.tpl", "NAME = office\nVN_MAD = bridge\n");
        ok("vntemplate", "create", tpl.toString());
        Path change = file("c.tpl", "DESCRIPTION = \"changed\"\n");
        ok("vntemplate", "lock", "office");
        CliRunner.Result r = refused("vntemplate", "update", "office", change.toString(), "--append");
        assertTrue(r.err().contains("is locked"), r::toString);
        ok("vntemplate", "unlock", "office");
        ok("vntemplate", "update", "office", change.toString(), "--append");
        assertTrue(ok("vntemplate", "show", "office").out().contains("changed"));

        Path net = file("n.tpl", "NAME = lan\nVN_MAD = fw\n");
        ok("vnet", "create", net.toString());
        ok("vnet", "lock", "lan");
        refused("vnet", "update", "lan", change.toString(), "--append");
        ok("vnet", "unlock", "lan");
        ok("vnet", "update", "lan", change.toString(), "--append");
    }

    @Test
    void usersAclsChmodAndChownDecideWhatANormalUserMayDo() throws Exception {
        int bob = id(ok("user", "create", "bob"));
        assertTrue(ok("user", "list").out().contains("bob"));
        Path sg = file("s.sg", "NAME = mine\n");
        CliRunner.Result r = refused("--user", "bob", "secgroup", "create", sg.toString());
        assertTrue(r.err().contains("needs the CREATE right on SECGROUP"), r::toString);
        int acl = id(ok("acl", "create", "@1", "SECGROUP/*", "CREATE"));
        assertTrue(ok("acl", "list").out().contains("@1 SECGROUP/* CREATE"));
        id(ok("--user", "bob", "secgroup", "create", sg.toString()));
        ok("acl", "delete", Integer.toString(acl));
        refused("--user", "bob", "secgroup", "create", file("t.sg", "NAME = other\n").toString());

        Path net = file("n.tpl", "NAME = lan\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        ok("vnet", "create", net.toString());
        r = refused("--user", "bob", "vnet", "hold", "lan", "10.0.0.2");
        assertTrue(r.err().contains("needs USE rights"), r::toString);
        ok("vnet", "chmod", "lan", "644");
        ok("--user", "bob", "vnet", "hold", "lan", "10.0.0.2");
        refused("vnet", "chmod", "lan", "648");
        refused("--user", "bob", "vnet", "rename", "lan", "mine");
        ok("vnet", "chown", "lan", "bob", "users");
        ok("--user", "bob", "vnet", "rename", "lan", "mine");
        JsonNode n = JSON.readTree(ok("vnet", "list", "--json").out());
        assertEquals("bob", n.get(0).get("user").asText());
        assertEquals("users", n.get(0).get("group").asText());
        assertTrue(bob > 0);
        r = refused("vnet", "chown", "mine", "nobody");
        assertTrue(r.err().contains("USER: user \"nobody\" does not exist"), r::toString);
        r = refused("--user", "bob", "user", "create", "eve");
        assertTrue(r.err().contains("needs oneadmin rights"), r::toString);
    }

    @Test
    void groupsAndUsersAreCreatedMovedAndDeleted() throws Exception {
        int lab = id(ok("group", "create", "lab"));
        assertEquals(100, lab);
        ok("user", "create", "carol", "--group", "lab");
        JsonNode groups = JSON.readTree(ok("group", "list", "--json").out());
        assertEquals("carol", groups.get(2).get("members").get(0).asText(), groups.toString());
        CliRunner.Result r = refused("group", "delete", "lab");
        assertTrue(r.err().contains("still has members"), r::toString);
        ok("user", "chgrp", "carol", "users");
        ok("group", "delete", "lab");
        Path net = file("n.tpl", "NAME = mine\nVN_MAD = fw\n");
        ok("vnet", "create", net.toString());
        ok("vnet", "chown", "mine", "carol");
        r = refused("user", "delete", "carol");
        assertTrue(r.err().contains("still owns 1 network"), r::toString);
        ok("vnet", "delete", "mine");
        ok("user", "delete", "carol");
        r = refused("user", "create", "42");
        assertTrue(r.err().contains("USER: invalid value \"42\""), r::toString);
        assertEquals(2, ok("user", "list").out().split("\n").length, "header and oneadmin");
    }
}
