package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vnet show} and {@code vnet list} say which networks vnetdesk does not manage on hosts, and their BRIDGE_TYPE. */
class VnetDriversCliTest {

    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(dir.resolve("inventory"));
        create("NAME = lan\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 4 ]\n");
        create("NAME = ovs-lan\nVN_MAD = ovswitch\nBRIDGE = br-ovs\nBRIDGE_TYPE = openvswitch_dpdk\n"
                + "AR = [ TYPE = IP4, IP = 10.7.0.1, SIZE = 4 ]\n");
    }

    private void create(String template) throws Exception {
        Path f = dir.resolve("net" + System.nanoTime() + ".tpl");
        Files.writeString(f, template);
        CliRunner.Result r = cli.run("vnet", "create", f.toString());
        assertEquals(0, r.code(), r::toString);
    }

    @Test
    void showSaysWhetherTheNetworkIsManagedOnHostsAndItsBridgeType() {
        CliRunner.Result ovs = cli.run("vnet", "show", "ovs-lan");
        assertEquals(0, ovs.code(), ovs::toString);
        assertTrue(ovs.out().matches("(?s).*\\nMANAGED ON HOSTS\\s+: no \\(driver ovswitch is not configured by"
                + " vnetdesk\\)\\n.*"), ovs.out());
        assertTrue(ovs.out().matches("(?s).*\\nBRIDGE TYPE\\s+: openvswitch_dpdk\\n.*"), ovs.out());
        assertTrue(ovs.out().contains("BRIDGE_TYPE = \"openvswitch_dpdk\""), ovs.out());
        CliRunner.Result lan = cli.run("vnet", "show", "lan");
        assertTrue(lan.out().matches("(?s).*\\nMANAGED ON HOSTS\\s+: yes\\n.*"), lan.out());
        assertTrue(lan.out().matches("(?s).*\\nBRIDGE TYPE\\s+: linux\\n.*"), lan.out());
    }

    @Test
    void listMarksTheUnmanagedDriverAndExplainsTheMark() throws Exception {
        CliRunner.Result r = cli.run("vnet", "list");
        assertEquals(0, r.code(), r::toString);
        String ovsRow = r.out().lines().filter(l -> l.contains("ovs-lan")).findFirst().orElseThrow();
        String lanRow = r.out().lines().filter(l -> l.contains(" lan ")).findFirst().orElseThrow();
        assertTrue(ovsRow.contains(" ovswitch* "), ovsRow);
        assertTrue(lanRow.contains(" fw ") && !lanRow.contains("*"), lanRow);
        assertTrue(r.out().endsWith("* not managed on hosts: vnetdesk does not configure this driver on hosts\n"),
                r.out());

        JsonNode json = new ObjectMapper().readTree(cli.run("vnet", "list", "--json").out());
        assertFalse(json.get(1).get("managed_on_hosts").asBoolean());
        assertTrue(json.get(0).get("managed_on_hosts").asBoolean());
    }

    @Test
    void aListOfManagedNetworksOnlyHasNoMarkNote() throws Exception {
        cli.run("vnet", "delete", "ovs-lan");
        assertFalse(cli.run("vnet", "list").out().contains("not managed"));
    }
}
