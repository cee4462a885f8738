package vnetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetdesk.template.OpenNebulaSchemas;
import vnetdesk.template.VnetXmlConformanceTest;

/** export, import and show --xml through {@link Cli#run}, round-tripping into a second inventory. */
class InterchangeCliTest {

    @TempDir
    Path dir;

    CliRunner source;
    CliRunner target;

    @BeforeEach
    void createNetworks() {
        source = new CliRunner(dir.resolve("source"));
        target = new CliRunner(dir.resolve("target"));
        assertEquals(0, source.runWithInput(VnetCliTest.BRIDGED_IPV4, "vnet", "create", "-").code());
        assertEquals(0, source.runWithInput(VnetCliTest.VLAN_DUAL_STACK, "vnet", "create", "-").code());
        assertEquals(0, source.run("vnet", "hold", "private", "10.0.0.5").code());
    }

    @Test
    void jsonBackupRestoresNetworksAndLeases() throws Exception {
        CliRunner.Result export = source.run("export", "--json");
        assertEquals(0, export.code(), export::toString);
        new ObjectMapper().readTree(export.out());

        CliRunner.Result imported = target.runWithInput(export.out(), "import", "-");
        assertEquals("ID: 0\nID: 1\n", imported.out(), imported::toString);
        assertEquals("10.0.0.5: held (HOLD) in network 0:private, AR 0\n", target.run("whois", "10.0.0.5").out());
    }

    @Test
    void xmlIsTheDefaultExportAndImportsElsewhere() {
        CliRunner.Result all = source.run("export");
        assertEquals(0, all.code(), all::toString);
        assertTrue(all.out().startsWith("<VNET_POOL>\n  <VNET>\n"), all.out());
        assertTrue(all.out().contains("<NAME>private</NAME>") && all.out().contains("<NAME>vlan50</NAME>"), all.out());
        assertEquals(source.run("vnet", "show", "private", "--xml").out(), source.run("export", "private").out(),
                "one named network is one <VNET>, as onevnet show -x");

        CliRunner.Result imported = target.runWithInput(all.out(), "import", "-");
        assertEquals("ID: 0\nID: 1\n", imported.out(), imported::toString);
        assertEquals("10.0.0.5: held (HOLD) in network 0:private, AR 0\n", target.run("whois", "10.0.0.5").out());
        assertTrue(source.run("export", "--help").out().contains("OpenNebula XML (the default)"));
    }

    @Test
    void importKeepsTheFilesIdsAndAsNewCopies() {
        String xml = source.run("export", "vlan50").out();
        CliRunner.Result kept = target.runWithInput(xml, "import", "-");
        assertEquals("ID: 1\n", kept.out(), kept::toString);
        CliRunner.Result again = target.runWithInput(xml.replace("vlan50", "vlan50-copy"), "import", "-");
        assertEquals(1, again.code(), again::toString);
        assertTrue(again.err().contains("ID 1 is already network 1:vlan50") && again.err().contains("--as-new"),
                again::toString);
        CliRunner.Result copy = target.runWithInput(xml.replace("vlan50", "vlan50-copy"), "import", "--as-new", "-");
        assertEquals("ID: 2\n", copy.out(), copy::toString);
        assertEquals(0, target.run("vnet", "show", "vlan50-copy").code());
        CliRunner.Result json = target.runWithInput(source.run("export", "--json").out(), "import", "--as-new", "-");
        assertTrue(json.code() != 0 && json.err().contains("--as-new"), json::toString);
    }

    @Test
    void listXmlIsTheVnetPoolOfOnevnetListWithoutLeases() throws Exception {
        CliRunner.Result list = source.run("vnet", "list", "--xml");
        assertEquals(0, list.code(), list::toString);
        assertTrue(list.out().startsWith("<VNET_POOL>\n  <VNET>\n"), list.out());
        assertTrue(list.out().contains("<NAME>vlan50</NAME>") && !list.out().contains("<LEASES>"), list.out());
        OpenNebulaSchemas.validate("vnet_pool.xsd", VnetXmlConformanceTest.tolerated(list.out(), true));
        CliRunner.Result both = source.run("vnet", "list", "--xml", "--json");
        assertEquals(2, both.code(), both::toString);
        assertTrue(both.err().contains("--json and --xml cannot be used together"), both::toString);
    }

    @Test
    void templatesRecreateTheNetworks() throws Exception {
        CliRunner.Result one = source.run("export", "--template", "vlan50");
        assertEquals(0, one.code(), one::toString);
        assertTrue(one.out().contains("NAME = \"vlan50\"\n"), one.out());
        assertTrue(one.out().contains("AR = ["), one.out());
        Path file = dir.resolve("vlan50.tpl");
        Files.writeString(file, one.out());
        CliRunner.Result imported = target.run("import", file.toString());
        assertEquals("ID: 0\n", imported.out(), imported::toString);
        assertTrue(target.run("vnet", "list").out().matches("(?s).*vlan50\\s+802\\.1Q\\s+onebr\\.50\\s+50\\s.*"));

        String all = source.run("export", "--template").out();
        assertTrue(all.contains("NAME = \"private\"\n") && all.contains("NAME = \"vlan50\"\n"), all);
        CliRunner.Result missing = source.run("export", "--template", "private", "nosuch");
        assertEquals(1, missing.code());
        assertEquals("", missing.out(), "nothing is printed when one network is unknown");
    }

    @Test
    void xmlFromShowImportsElsewhere() {
        CliRunner.Result xml = source.run("vnet", "show", "private", "--xml");
        assertEquals(0, xml.code(), xml::toString);
        assertTrue(xml.out().contains("<VNET>") && xml.out().contains("<NAME>private</NAME>"), xml.out());
        CliRunner.Result imported = target.runWithInput(xml.out(), "import", "-");
        assertEquals(0, imported.code(), imported::toString);
        assertTrue(target.run("vnet", "show", "private").out().contains("DNS = \"8.8.8.8\"\n"));

        // a vector the inventory does not model is kept, and vnet show prints it in the template
        String withVector = xml.out().replace("<NAME>private</NAME>", "<NAME>kept</NAME>")
                .replaceFirst("<ID>\\d+</ID>", "<ID>40</ID>")
                .replace("</TEMPLATE>", "<PROVIDER><ZONE>eu-1</ZONE><TIER>gold</TIER></PROVIDER></TEMPLATE>");
        assertEquals(0, target.runWithInput(withVector, "import", "-").code());
        String shown = target.run("vnet", "show", "kept").out();
        assertTrue(shown.matches("(?s).*VIRTUAL NETWORK TEMPLATE\n.*PROVIDER\\s*=\\s*\\[.*ZONE\\s*=\\s*\"eu-1\",.*"
                + "TIER\\s*=\\s*\"gold\".*\\].*ADDRESS RANGE POOL.*"), shown);

        CliRunner.Result bad = target.runWithInput("<VNET><NAME>x", "import", "-");
        assertEquals(1, bad.code(), bad::toString);
        assertTrue(bad.err().startsWith("error: <stdin>"), bad::toString);
    }
}
