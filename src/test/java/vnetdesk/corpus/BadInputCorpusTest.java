package vnetdesk.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * The bad-input corpus (spec 50-quality, "Bad input"): every malformed template,
 * XML file, JSON backup and command line is run through {@link vnetdesk.cli.Cli#run}
 * on a fresh copy of a baseline inventory, and must give one clean {@code error: }
 * line naming the field, value or position, exit 1 (2 for usage errors), print
 * nothing on stdout, finish, and leave the inventory exactly as it was.
 */
class BadInputCorpusTest {

    /**
     * Cases that currently break a rule, with what is wrong. Each stays in the corpus: its
     * parameterized run passes only while it still fails (so a fix is noticed), and
     * {@link #noCaseIsAKnownBug} fails with this list until it is empty.
     */
    static final Map<String, String> KNOWN_BUGS = new TreeMap<>();

    /** A hang guard only: a correct refusal takes well under a second. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    /** A clean error is one readable line; a value echoed in full (megabytes) is not. */
    private static final int MAX_ERROR_LINE = 1_000;

    /** Signs of a stack trace or of implementation details reaching the user. */
    private static final List<String> FORBIDDEN = List.of("Exception", "at vnetdesk.", "at java.", "\tat ",
            "Caused by", "internal error", "com.fasterxml", "JsonReadFeature", "Feature '", "org.h2", "javax.xml",
            "picocli.", "SQL");

    private static final Map<String, Integer> MINIMUM_PER_FAMILY = Map.of("template", 20, "xml", 10, "json", 10,
            "cli", 10);

    /** What each case did, for the summary printed at the end (the figures in docs/reliability.md). */
    private static final List<String> SUMMARY = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, Long> SLOWEST = new ConcurrentHashMap<>();

    @TempDir
    static Path shared;

    static Path baseline;
    static String baselineList;
    static String baselineExport;
    static String baselineBackup;
    /** {@code vm list --json}, {@code host list --json}, {@code cluster list --json} by group: the backup has none. */
    static final Map<String, String> BASELINE_LISTINGS = new LinkedHashMap<>();
    static SortedSet<String> baselineFiles;

    @TempDir
    Path caseDir;

    /** The error line of this case's run, for the summary. */
    private String errorLine = "";

    @BeforeAll
    static void createBaseline() throws IOException {
        baseline = shared.resolve("baseline");
        Path template = shared.resolve("base.tmpl");
        Files.writeString(template, """
                NAME = "base"
                VN_MAD = "bridge"
                AR = [ TYPE = "IP4", IP = "10.0.0.1", SIZE = "50" ]
                """);
        succeed(CliCall.on(baseline, "vnet", "create", template.toString()));
        succeed(CliCall.on(baseline, "vnet", "hold", "base", "10.0.0.5"));
        succeed(CliCall.on(baseline, "cluster", "create", "edge"));
        succeed(CliCall.on(baseline, "host", "create", "kvm1"));
        succeed(CliCall.on(baseline, "host", "create", "kvm-edge", "--cluster", "edge"));
        Path web = shared.resolve("web.tmpl");
        Files.writeString(web, "NAME = web\nNIC = [ NETWORK = base, IP = 10.0.0.30 ]\n");
        succeed(CliCall.on(baseline, "vm", "create", web.toString()));
        succeed(CliCall.on(baseline, "vm", "deploy", "web", "kvm1"));
        Path idle = shared.resolve("idle.tmpl");
        Files.writeString(idle, "NAME = idle\nNIC = [ NETWORK = base, IP = 10.0.0.31 ]\n");
        succeed(CliCall.on(baseline, "vm", "create", idle.toString()));
        baselineList = succeed(CliCall.on(baseline, "vnet", "list", "--json")).out();
        baselineExport = succeed(CliCall.on(baseline, "export")).out();
        baselineBackup = succeed(CliCall.on(baseline, "export", "--json")).out();
        for (String group : List.of("vm", "host", "cluster")) {
            BASELINE_LISTINGS.put(group, succeed(CliCall.on(baseline, group, "list", "--json")).out());
        }
        baselineFiles = fileNames(baseline);
        assertEquals(1, new ObjectMapper().readTree(baselineList).size(), baselineList);
        assertEquals(2, new ObjectMapper().readTree(BASELINE_LISTINGS.get("vm")).size(), BASELINE_LISTINGS::toString);
    }

    @AfterAll
    static void printSummary() {
        Map<String, Long> perFamily = new TreeMap<>(SUMMARY.stream().collect(Collectors.groupingBy(
                line -> line.substring(0, line.indexOf('/')), Collectors.counting())));
        System.out.println("bad-input corpus: " + SUMMARY.size() + " cases " + perFamily + ", "
                + SUMMARY.stream().filter(l -> l.contains(" CLEAN ")).count() + " clean, "
                + SUMMARY.stream().filter(l -> l.contains(" KNOWN-BUG ")).count() + " known bugs, "
                + SUMMARY.stream().filter(l -> l.contains(" FAILED ")).count() + " failed; slowest "
                + SLOWEST.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() + " "
                + e.getValue() + " ms").orElse("-"));
        SUMMARY.stream().filter(l -> !l.contains(" CLEAN ")).forEach(l -> System.out.println("  " + l));
    }

    static Stream<CorpusCase> cases() {
        return Stream.of(FileCases.cases(), GeneratedCases.cases(), CliArgumentCases.cases()).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithOneCleanErrorLineAndNoChange(CorpusCase c) throws IOException {
        List<String> problems = problems(c);
        String verdict = problems.isEmpty() ? " CLEAN " : KNOWN_BUGS.containsKey(c.name()) ? " KNOWN-BUG " : " FAILED ";
        SUMMARY.add(c.name() + verdict + problems.stream().findFirst().map(p -> p + " | " + errorLine).orElse(""));
        if (KNOWN_BUGS.containsKey(c.name())) {
            assertFalse(problems.isEmpty(), c.name() + " passes now: remove it from KNOWN_BUGS");
            return;
        }
        assertTrue(problems.isEmpty(), () -> c.name() + ":\n  " + String.join("\n  ", problems));
    }

    @Test
    void noCaseIsAKnownBug() {
        assertTrue(KNOWN_BUGS.isEmpty(), () -> KNOWN_BUGS.size() + " corpus case(s) in KNOWN_BUGS still fail:\n"
                + KNOWN_BUGS.entrySet().stream().map(e -> "- " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n")));
    }

    @Test
    void everyCorpusFileHasAnExpectedMessageAndEveryMessageAFile() {
        SortedSet<String> files = FileCases.files();
        SortedSet<String> listed = new TreeSet<>(FileCases.expectations().keySet());
        SortedSet<String> unlisted = new TreeSet<>(files);
        unlisted.removeAll(listed);
        SortedSet<String> missing = new TreeSet<>(listed);
        missing.removeAll(files);
        assertTrue(unlisted.isEmpty(), () -> "corpus files without a row in " + FileCases.MANIFEST + ": " + unlisted);
        assertTrue(missing.isEmpty(), () -> FileCases.MANIFEST + " rows without a file: " + missing);
    }

    @Test
    void everyFamilyHasItsMinimumNumberOfCasesAndNamesAreUnique() {
        List<CorpusCase> all = cases().toList();
        Map<String, Long> perFamily = all.stream().collect(Collectors.groupingBy(CorpusCase::family,
                TreeMap::new, Collectors.counting()));
        MINIMUM_PER_FAMILY.forEach((family, min) -> assertTrue(perFamily.getOrDefault(family, 0L) >= min,
                () -> family + ": " + perFamily.get(family) + " cases, at least " + min + " wanted"));
        assertTrue(all.size() >= 60, () -> all.size() + " cases");
        assertEquals(all.size(), all.stream().map(CorpusCase::name).distinct().count(), "case names are unique");
        assertTrue(all.stream().map(CorpusCase::name).collect(Collectors.toSet()).containsAll(KNOWN_BUGS.keySet()),
                () -> "KNOWN_BUGS names a case that does not exist: " + KNOWN_BUGS.keySet());
    }

    /** Runs one case on a copy of the baseline; every broken rule is one entry. */
    private List<String> problems(CorpusCase c) throws IOException {
        Path work = Files.createDirectories(caseDir.resolve("work"));
        Path data = caseDir.resolve("data");
        copyFolder(baseline, data);
        CorpusCase.Invocation invocation = c.setup().prepare(work, data);
        CliCall r;
        long start = System.nanoTime();
        try {
            r = assertTimeoutPreemptively(HANG_GUARD, () -> CliCall.run(invocation.args(), invocation.stdin()));
            SLOWEST.put(c.name(), (System.nanoTime() - start) / 1_000_000);
            errorLine = r.err().lines().findFirst().orElse("");
        } catch (AssertionFailedError timeout) {
            return List.of("did not finish within " + HANG_GUARD.toSeconds() + " s: " + timeout.getMessage());
        } catch (Throwable escaped) {
            return List.of("Cli.run let " + escaped + " escape");
        }
        List<String> problems = new ArrayList<>(outputProblems(c, r));
        problems.addAll(inventoryProblems(data));
        if (invocation.check().isPresent()) {
            invocation.check().get().changed().ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            problems.add("(the run: " + r.toString().replace("\n", "\n   ") + ")");
        }
        return problems;
    }

    private static List<String> outputProblems(CorpusCase c, CliCall r) {
        List<String> p = new ArrayList<>();
        if (r.code() != c.expectedExit()) {
            p.add("exit " + r.code() + ", expected " + c.expectedExit());
        }
        if (!r.out().isEmpty()) {
            p.add("stdout is not empty");
        }
        String first = r.err().lines().findFirst().orElse("");
        if (!first.startsWith("error: ")) {
            p.add("stderr does not start with \"error: \"");
        }
        if (c.expectedExit() == 1 && !(r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1)) {
            p.add("stderr is not exactly one line");
        }
        if (!first.contains(c.expectedMessage())) {
            p.add("the error line does not contain: " + c.expectedMessage());
        }
        if (first.length() > MAX_ERROR_LINE) {
            p.add("the error line is " + first.length() + " characters long (at most " + MAX_ERROR_LINE + ")");
        }
        if (r.err().chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n')) {
            p.add("stderr holds raw control characters (terminal escapes can reach the user's terminal)");
        }
        FORBIDDEN.stream().filter(r.err()::contains).forEach(f -> p.add("stderr contains \"" + f + "\""));
        return p;
    }

    /** The inventory lists and exports exactly as the baseline does, VMs, hosts and clusters too; no new file. */
    private static List<String> inventoryProblems(Path data) throws IOException {
        List<String> p = new ArrayList<>();
        SortedSet<String> files = fileNames(data);
        if (!files.equals(baselineFiles)) {
            p.add("inventory folder holds " + files + " instead of " + baselineFiles);
        }
        CliCall list = CliCall.on(data, "vnet", "list", "--json");
        if (list.code() != 0 || !list.out().equals(baselineList)) {
            p.add("vnet list --json differs from the baseline: " + list);
        }
        CliCall export = CliCall.on(data, "export");
        if (export.code() != 0 || !export.out().equals(baselineExport)) {
            p.add("export differs from the baseline (networks, ARs or leases changed): " + export);
        }
        CliCall backup = CliCall.on(data, "export", "--json");
        if (backup.code() != 0 || !backup.out().equals(baselineBackup)) {
            p.add("export --json differs from the baseline (users, groups, ACL rules, security groups or"
                    + " templates changed): " + backup);
        }
        BASELINE_LISTINGS.forEach((group, listing) -> {
            CliCall now = CliCall.on(data, group, "list", "--json");
            if (now.code() != 0 || !now.out().equals(listing)) {
                p.add(group + " list --json differs from the baseline: " + now);
            }
        });
        return p;
    }

    private static CliCall succeed(CliCall r) {
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    private static SortedSet<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

}
