package vnetdesk.corpus;

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

/**
 * Names that look like shell injection are legal network names: they never reach a
 * shell, so the CLI stores them verbatim and every output format quotes or escapes
 * them correctly (the counterpart of the refusals in {@link BadInputCorpusTest}).
 */
class InjectionLookingNameTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path data;

    @BeforeEach
    void createNetwork() throws Exception {
        data = dir.resolve("inventory");
        Path template = dir.resolve("base.tmpl");
        Files.writeString(template, """
                NAME = "base"
                VN_MAD = "bridge"
                AR = [ TYPE = "IP4", IP = "10.0.0.1", SIZE = "50" ]
                """);
        CliCall created = CliCall.on(data, "vnet", "create", template.toString());
        assertEquals("ID: 0\n", created.out(), created::toString);
    }

    @Test
    void aSemicolonNameIsStoredVerbatimAndListedAsAPlainJsonString() throws Exception {
        String name = "a;rm -rf /";
        CliCall renamed = CliCall.on(data, "vnet", "rename", "base", name);
        assertEquals(0, renamed.code(), renamed::toString);
        assertEquals("", renamed.out() + renamed.err());

        CliCall list = CliCall.on(data, "vnet", "list", "--json");
        assertEquals(0, list.code(), list::toString);
        assertTrue(list.out().contains("\"name\" : \"a;rm -rf /\","), list.out());
        assertEquals(name, onlyNetwork(list).get("name").asText());
        CliCall show = CliCall.on(data, "vnet", "show", name, "--json");
        assertEquals(0, show.code(), "the network is found by its new name: " + show);
    }

    @Test
    void quotesBackslashesAndCommandSubstitutionAreEscapedInJsonAndTemplatesAndNothingRuns() throws Exception {
        Path marker = dir.resolve("marker");
        String name = "q\"uote\\back $(touch " + marker + ") `touch " + marker + "` 'x'";
        CliCall renamed = CliCall.on(data, "vnet", "rename", "base", name);
        assertEquals(0, renamed.code(), renamed::toString);

        CliCall list = CliCall.on(data, "vnet", "list", "--json");
        assertTrue(list.out().contains("\"q\\\"uote\\\\back $(touch "), "JSON escapes \" and \\: " + list.out());
        assertEquals(name, onlyNetwork(list).get("name").asText());

        CliCall template = CliCall.on(data, "export", "--template", "0");
        assertEquals(0, template.code(), template::toString);
        assertTrue(template.out().contains("NAME = \"q\\\"uote\\\\back $(touch "), template.out());
        Path exported = dir.resolve("exported.tmpl");
        Files.writeString(exported, template.out());
        Path other = dir.resolve("other");
        CliCall imported = CliCall.on(other, "vnet", "create", exported.toString());
        assertEquals(0, imported.code(), imported::toString);
        assertEquals(name, onlyNetwork(CliCall.on(other, "vnet", "list", "--json")).get("name").asText(),
                "the template round-trips the name exactly");
        assertFalse(Files.exists(marker), "no shell ran the name");
    }

    private static JsonNode onlyNetwork(CliCall list) throws Exception {
        JsonNode rows = JSON.readTree(list.out());
        assertEquals(1, rows.size(), list::toString);
        return rows.get(0);
    }
}
