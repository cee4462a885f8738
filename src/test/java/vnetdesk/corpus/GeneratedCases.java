package vnetdesk.corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The part of the corpus written by the test instead of committed: binary bytes,
 * other encodings and inputs of several megabytes. Each generator is seeded, so
 * every run feeds the same bytes, and runs only when its case does (the large
 * inputs are not all held in memory at once).
 */
final class GeneratedCases {

    private static final int MIB = 1024 * 1024;

    private GeneratedCases() {
    }

    static List<CorpusCase> cases() {
        List<CorpusCase> c = new ArrayList<>();
        // ---- templates (vnet create FILE)
        c.add(template("nul-byte-in-name.tmpl", "line 1, column 10: control character U+0000 is not allowed",
                () -> utf8("NAME = \"a\0b\"\nVN_MAD = \"bridge\"\n")));
        c.add(template("terminal-escape-in-name.tmpl", "line 1, column 9: control character U+001B is not allowed",
                () -> utf8("NAME = \"\u001b[31mred\"\nVN_MAD = \"bridge\"\n")));
        c.add(template("random-binary.tmpl", "not UTF-8 text", () -> randomBytes(4096, 1)));
        c.add(template("utf16le-with-bom.tmpl", "not UTF-8 text",
                () -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        "NAME = \"u16\"\nVN_MAD = \"bridge\"\n".getBytes(StandardCharsets.UTF_16LE))));
        c.add(template("latin1-name.tmpl", "not UTF-8 text",
                () -> "NAME = \"caf\u00e9\"\nVN_MAD = \"bridge\"\n".getBytes(StandardCharsets.ISO_8859_1)));
        c.add(template("single-line-5mb.tmpl", "(" + 5 * MIB + " chars)\": at most 128 characters",
                () -> utf8("NAME = \"" + "x".repeat(5 * MIB) + "\"")));
        c.add(template("brackets-nested-10000.tmpl", "line 1, column 7: expected an attribute name or ']' in vector AR",
                () -> utf8("AR = " + "[".repeat(10_000))));
        c.add(template("larger-than-16mib.tmpl", "larger than 16 MiB",
                () -> utf8("# padding\n".repeat(17 * MIB / 10))));
        c.add(new CorpusCase("template/binary-on-stdin", "template", 1, "cannot read <stdin>: not UTF-8 text",
                (work, data) -> new CorpusCase.Invocation(CliCall.withData(data, "vnet", "create", "-"),
                        randomBytes(2048, 2), Optional.empty())));

        // ---- XML (import FILE)
        c.add(imported("xml", "control-chars-in-text.xml", "line 1, column 24: not well-formed XML",
                () -> utf8("<VNET><ID>7</ID><NAME>a\u0001\u0002b</NAME><VN_MAD>bridge</VN_MAD></VNET>\n")));
        c.add(imported("xml", "elements-nested-10000.xml", "elements nested more than",
                () -> utf8("<VNET><TEMPLATE>" + "<A>".repeat(10_000))));
        c.add(imported("xml", "utf16-declared.xml", "not UTF-8 text",
                () -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><VNET><ID>7</ID></VNET>"
                                .getBytes(StandardCharsets.UTF_16BE))));
        c.add(imported("xml", "random-binary-after-angle.xml", "not UTF-8 text",
                () -> concat(utf8("<"), randomBytes(4096, 3))));
        c.add(imported("xml", "name-5mb.xml", "(" + 5 * MIB + " chars)\": at most 128 characters",
                () -> utf8("<VNET><ID>7</ID><NAME>" + "n".repeat(5 * MIB)
                        + "</NAME><VN_MAD>bridge</VN_MAD></VNET>\n")));

        // ---- JSON backups (import FILE)
        c.add(imported("json", "binary-garbage-bytes.json", "not UTF-8 text",
                () -> concat(utf8("{"), randomBytes(4096, 4))));
        c.add(imported("json", "binary-garbage-text.json", "line 1, column 3: malformed JSON",
                () -> utf8("{" + controlText())));
        c.add(imported("json", "arrays-nested-10000.json", "networks[0]: expected an object",
                () -> utf8("{\"format\": \"vnetdesk-inventory\", \"version\": 1, \"networks\": "
                        + "[".repeat(10_000))));
        c.add(imported("json", "string-20mb.json", "exceeds the maximum allowed",
                () -> utf8(backup("x".repeat(20 * MIB)))));
        c.add(imported("json", "name-15mb.json", "(" + 15 * MIB + " chars)\": at most 128 characters",
                () -> utf8(backup("n".repeat(15 * MIB)))));
        c.add(new CorpusCase("json/truncated-on-stdin", "json", 1, "<stdin>: line 1",
                (work, data) -> new CorpusCase.Invocation(CliCall.withData(data, "import", "-"),
                        utf8("{\"format\": \"vnetdesk-inventory\", \"version\": 1, \"netw"),
                        Optional.empty())));
        return c;
    }

    /** A one-network backup in the format {@code export} writes, with the given NAME. */
    static String backup(String name) {
        return """
                {"format": "vnetdesk-inventory", "version": 1, "networks": [ {
                  "id": 5, "uid": 0, "gid": 0, "permissions": "640", "lock": null, "nextArId": 1,
                  "bridgeGenerated": false, "pickedVlanId": null, "parentNetworkId": null,
                  "attributes": {"NAME": "%s", "CLUSTER_IDS": "0", "VN_MAD": "bridge", "BRIDGE": "br5"},
                  "addressRanges": [ {"arId": 0, "roundRobinCursor": null, "leases": [],
                    "attributes": {"TYPE": "IP4", "IP": "10.5.0.1", "MAC": "02:00:0a:05:00:01", "SIZE": "20"} } ]
                } ] }
                """.formatted(name);
    }

    private static CorpusCase template(String file, String message, Supplier<byte[]> content) {
        return fileCase("template", file, message, content, "vnet", "create");
    }

    private static CorpusCase imported(String family, String file, String message, Supplier<byte[]> content) {
        return fileCase(family, file, message, content, "import");
    }

    private static CorpusCase fileCase(String family, String file, String message, Supplier<byte[]> content,
                                       String... command) {
        return new CorpusCase(family + "/" + file + " (generated)", family, 1, message, (work, data) -> {
            Path p = work.resolve(file);
            Files.write(p, content.get());
            List<String> args = new ArrayList<>(List.of(command));
            args.add(p.toString());
            return CorpusCase.Invocation.of(CliCall.withData(data, args.toArray(String[]::new)));
        });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Valid UTF-8 that is not JSON: ASCII control characters, NULs included. */
    private static String controlText() {
        Random r = new Random(5);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4096; i++) {
            b.append((char) r.nextInt(0x20));
        }
        return b.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
