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

/** vnet create / list / show / update / rename / lock / delete through {@link Cli#run}. */
class VnetCliTest {

    static final String BRIDGED_IPV4 = """
            NAME = "private"
            VN_MAD = "fw"
            AR = [ TYPE = "IP4", IP = "10.0.0.1", SIZE = "100" ]
            DNS = "8.8.8.8"
            GATEWAY = "10.0.0.254"
            """;

    static final String VLAN_DUAL_STACK = """
            name = vlan50
            vn_mad = 802.1Q
            phydev = eth0
            vlan_id = 50
            ar = [ type = ip4_6, ip = 192.168.50.10, size = 20, global_prefix = 2001:db8:50:: ]
            ar = [ type = ether, size = 10 ]
            """;

    static final String STATIC_IPV6 = """
            NAME = "v6lab"
            VN_MAD = "bridge"
            DESCRIPTION = "the \\"lab\\" network"
            AR = [ TYPE = "IP6_STATIC", IP6 = "2001:db8::10", PREFIX_LENGTH = "64", SIZE = "5" ]
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("inventory"));
    }

    private int create(String template) throws Exception {
        Path f = dir.resolve("net" + System.nanoTime() + ".tpl");
        Files.writeString(f, template);
        CliRunner.Result r = cli.run("vnet", "create", f.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().matches("ID: \\d+\\n"), r::toString);
        assertEquals("", r.err());
        return Integer.parseInt(r.out().trim().substring(4));
    }

    @Test
    void aNetworkOverlappingAnotherOnItsBridgeIsMadeWithAWarningAndShowShowsItOnBoth() throws Exception {
        int a = create("NAME = a\nVN_MAD = bridge\nBRIDGE = br0\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 50 ]\n");
        Path f = dir.resolve("b.tpl");
        Files.writeString(f, "NAME = b\nVN_MAD = bridge\nBRIDGE = br0\nAR = [ TYPE = IP4, IP = 10.0.0.50, SIZE = 5 ]\n");
        CliRunner.Result r = cli.run("vnet", "create", f.toString());
        assertEquals(0, r.code(), r::toString);
        int b = Integer.parseInt(r.out().trim().substring(4));
        assertEquals("warning: network " + b + " shares bridge br0 with network " + a + ":a, and both may lease"
                + " 10.0.0.50: one address could be given twice on that segment\n", r.err());
        CliRunner.Result show = cli.run("vnet", "show", "a");
        assertTrue(show.out().contains("WARNINGS\nthis network shares bridge br0 with network " + b + ":b, and both"
                + " may lease 10.0.0.50:"), show::toString);
    }

    @Test
    void createsTheThreeTemplateKindsAndListsThem() throws Exception {
        int bridged = create(BRIDGED_IPV4);
        create(VLAN_DUAL_STACK);
        create(STATIC_IPV6);

        CliRunner.Result list = cli.run("vnet", "list");
        assertEquals(0, list.code(), list::toString);
        String[] lines = list.out().split("\n");
        assertEquals(4, lines.length, list::toString);
        assertTrue(lines[0].matches("\\s*ID\\s+USER\\s+GROUP\\s+NAME\\s+DRIVER\\s+BRIDGE\\s+VLAN\\s+CLUSTERS\\s+LEASES"),
                lines[0]);
        assertTrue(lines[1].matches("\\s*" + bridged + "\\s+oneadmin\\s+oneadmin\\s+private\\s+fw\\s+onebr" + bridged
                + "\\s+-\\s+0\\s+0/100"), lines[1]);
        assertTrue(lines[2].matches(".*\\svlan50\\s+802\\.1Q\\s+onebr\\.50\\s+50\\s+0\\s+0/30"), lines[2]);
        assertTrue(lines[3].matches(".*\\sv6lab\\s+bridge\\s+onebr\\d+\\s+-\\s+0\\s+0/5"), lines[3]);
        int nameColumn = lines[0].indexOf("NAME");
        assertEquals(nameColumn, lines[1].indexOf("private"), "columns are aligned");
        assertEquals(nameColumn, lines[2].indexOf("vlan50"), "columns are aligned");
    }

    @Test
    void showListsInformationTemplateRangesAndLeases() throws Exception {
        int id = create(BRIDGED_IPV4);
        CliRunner.Result show = cli.run("vnet", "show", "private");
        assertEquals(0, show.code(), show::toString);
        String out = show.out();
        for (String section : new String[]{"VIRTUAL NETWORK INFORMATION", "PERMISSIONS", "VIRTUAL NETWORK TEMPLATE",
                "ADDRESS RANGE POOL", "LEASES"}) {
            assertTrue(out.contains(section + "\n"), () -> section + " missing:\n" + out);
        }
        assertTrue(out.matches("(?s).*\\nID\\s+: " + id + "\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nBRIDGE\\s+: onebr" + id + "\\n.*"), out);
        assertTrue(out.contains("DNS = \"8.8.8.8\"\n"), out);
        assertTrue(out.contains("GATEWAY = \"10.0.0.254\"\n"), out);
        assertTrue(out.matches("(?s).*\\nIP\\s+10\\.0\\.0\\.1\\s+10\\.0\\.0\\.100\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nOWNER\\s+: um-\\n.*"), out);
    }

    @Test
    void showOfDualStackAndStaticIpv6() throws Exception {
        create(VLAN_DUAL_STACK);
        create(STATIC_IPV6);
        CliRunner.Result vlan = cli.run("vnet", "show", "vlan50");
        assertEquals(0, vlan.code(), vlan::toString);
        assertTrue(vlan.out().matches("(?s).*\\nBRIDGE\\s+: onebr\\.50\\n.*"), vlan.out());
        assertTrue(vlan.out().matches("(?s).*\\nVLAN ID\\s+: 50\\n.*"), vlan.out());
        assertTrue(vlan.out().matches("(?s).*\\nPHYSICAL DEVICE\\s+: eth0\\n.*"), vlan.out());
        assertTrue(vlan.out().matches("(?s).*\\nIP\\s+192\\.168\\.50\\.10\\s+192\\.168\\.50\\.29\\n.*"), vlan.out());
        assertTrue(vlan.out().matches("(?s).*\\nIP6_GLOBAL\\s+2001:db8:50::c0ff:fea8:320a\\s+2001:db8:50::c0ff:fea8:321d\\n.*"), vlan.out());
        assertTrue(vlan.out().contains("AR 1\n"), vlan.out());

        CliRunner.Result v6 = cli.run("vnet", "show", "v6lab");
        assertEquals(0, v6.code(), v6::toString);
        assertTrue(v6.out().contains("DESCRIPTION = \"the \\\"lab\\\" network\"\n"), v6.out());
        assertTrue(v6.out().matches("(?s).*\\nIP6\\s+2001:db8::10\\s+2001:db8::14\\n.*"), v6.out());
    }

    @Test
    void jsonOutputOfListShowAndFreeParses() throws Exception {
        int id = create(BRIDGED_IPV4);
        create(VLAN_DUAL_STACK);
        assertEquals(0, cli.run("vnet", "hold", "private", "10.0.0.7").code());

        JsonNode list = JSON.readTree(cli.run("vnet", "list", "--json").out());
        assertEquals(2, list.size());
        assertEquals("private", list.get(0).get("name").asText());
        assertEquals("100", list.get(0).get("size").asText());
        assertEquals(1, list.get(0).get("used_leases").asLong());
        assertEquals(50, list.get(1).get("vlan_id").asInt());

        JsonNode show = JSON.readTree(cli.run("vnet", "show", Integer.toString(id), "--json").out());
        assertEquals("onebr" + id, show.get("bridge").asText());
        assertEquals("8.8.8.8", show.get("template").get("DNS").asText());
        assertEquals("10.0.0.100", show.get("ars").get(0).get("ip_end").asText());
        assertEquals("10.0.0.7", show.get("leases").get(0).get("ip").asText());
        assertEquals("HOLD", show.get("leases").get(0).get("owner").asText());

        JsonNode free = JSON.readTree(cli.run("vnet", "free", "private", "--json").out());
        assertEquals(2, free.size());
        assertEquals("10.0.0.6", free.get(0).get("last").asText());
        assertEquals("93", free.get(1).get("count").asText());
    }

    @Test
    void updateRenameLockAndDelete() throws Exception {
        create(BRIDGED_IPV4);
        CliRunner.Result update = cli.runWithInput("DNS = \"1.1.1.1\"\n", "vnet", "update", "private", "-", "--append");
        assertEquals(0, update.code(), update::toString);
        assertTrue(cli.run("vnet", "show", "private").out().contains("DNS = \"1.1.1.1\"\n"));

        assertEquals(0, cli.run("vnet", "rename", "private", "office").code());
        assertEquals(0, cli.run("vnet", "lock", "office").code());
        CliRunner.Result locked = cli.run("vnet", "hold", "office", "10.0.0.2");
        assertEquals(1, locked.code(), locked::toString);
        assertTrue(locked.err().startsWith("error: network ") && locked.err().contains("is locked (USE)"),
                locked::toString);
        assertEquals(0, cli.run("vnet", "unlock", "office").code());
        assertEquals(0, cli.run("vnet", "lock", "office", "--level", "manage").code());
        assertEquals(0, cli.run("vnet", "hold", "office", "10.0.0.2").code(), "a MANAGE lock allows use");
        assertEquals(0, cli.run("vnet", "unlock", "office").code());

        CliRunner.Result inUse = cli.run("vnet", "delete", "office");
        assertEquals(1, inUse.code());
        assertTrue(inUse.err().contains("has leases in use (1)"), inUse::toString);
        assertEquals(0, cli.run("vnet", "release", "office", "10.0.0.2").code());
        assertEquals(0, cli.run("vnet", "delete", "office").code());
        assertEquals("", cli.run("vnet", "list").out().lines().skip(1).reduce("", String::concat));
    }
}
