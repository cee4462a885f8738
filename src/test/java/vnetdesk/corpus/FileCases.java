package vnetdesk.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The committed part of the corpus: the files under {@code src/test/resources/corpus/}
 * and their expected messages in {@code corpus/expected-errors.tsv}. Templates run as
 * {@code vnet create FILE}, XML and JSON as {@code import FILE}.
 */
final class FileCases {

    static final String MANIFEST = "expected-errors.tsv";

    private FileCases() {
    }

    /** The corpus folder on the test class path. */
    static Path root() {
        URL url = FileCases.class.getResource("/corpus/" + MANIFEST);
        if (url == null) {
            throw new IllegalStateException("corpus/" + MANIFEST + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every corpus file, as {@code family/file}, sorted. */
    static SortedSet<String> files() {
        Path root = root();
        try (Stream<Path> walk = Files.walk(root)) {
            SortedSet<String> names = new TreeSet<>();
            walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals(MANIFEST)).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest: {@code family/file} → expected substring, in file order. */
    static Map<String, String> expectations() {
        Map<String, String> rows = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(root().resolve(MANIFEST), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0 || tab == line.length() - 1) {
                    throw new IllegalStateException(MANIFEST + " line " + (i + 1) + ": expected FILE<TAB>MESSAGE");
                }
                if (rows.put(line.substring(0, tab), line.substring(tab + 1)) != null) {
                    throw new IllegalStateException(MANIFEST + " line " + (i + 1) + ": "
                            + line.substring(0, tab) + " is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** One case per manifest row (files without a row are reported by the test, not dropped silently). */
    static List<CorpusCase> cases() {
        Path root = root();
        List<CorpusCase> cases = new ArrayList<>();
        expectations().forEach((name, message) -> {
            String family = name.substring(0, name.indexOf('/'));
            Path source = root.resolve(name);
            cases.add(new CorpusCase(name, family, 1, message, (work, data) -> {
                Path file = work.resolve(source.getFileName().toString());
                Files.copy(source, file);
                String[] command = family.equals("template")
                        ? new String[] {"vnet", "create", file.toString()}
                        : new String[] {"import", file.toString()};
                return CorpusCase.Invocation.of(CliCall.withData(data, command));
            }));
        });
        return cases;
    }
}
