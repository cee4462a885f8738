package vnetdesk.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of everything a lab makes, and the removal of what a crashed earlier
 * run left behind. Every namespace is {@code vd<pid>_<lab>…} and every temp
 * directory {@code vdlab-<pid>-<lab>-…}, so leftovers are told apart by a
 * process id that no longer runs a JVM — other engineers' live labs and
 * their hand-made {@code vd-…} namespaces on the same machine are left alone.
 */
final class LabNames {

    private static final System.Logger LOG = System.getLogger(LabNames.class.getName());
    private static final Pattern NAMESPACE = Pattern.compile("vd(\\d+)_\\w+");
    private static final Pattern TEMP_DIR = Pattern.compile("vdlab-(\\d+)-.*");
    private static final AtomicInteger LABS = new AtomicInteger();
    private static final long PID = ProcessHandle.current().pid();

    private final String prefix;

    private LabNames(String prefix) {
        this.prefix = prefix;
    }

    /** Names for a new lab of this JVM. */
    static LabNames next() {
        return new LabNames("vd" + PID + "_" + LABS.incrementAndGet());
    }

    static String probeNamespace() {
        return "vd" + PID + "_probe";
    }

    String tempDirPrefix() {
        return "vdlab-" + PID + "-" + prefix.substring(prefix.indexOf('_') + 1) + "-";
    }

    String prefix() {
        return prefix;
    }

    String host(int index) {
        return prefix + "h" + index;
    }

    String vm(int hostIndex, int vmId, int nicIndex) {
        return prefix + "h" + hostIndex + "v" + vmId + "n" + nicIndex;
    }

    /** Namespaces, sshd processes and temp directories of labs whose JVM is gone. */
    static void removeStale() {
        for (String namespace : namespaces()) {
            Matcher name = NAMESPACE.matcher(namespace);
            if (name.matches() && !liveJvm(Long.parseLong(name.group(1)))) {
                LOG.log(System.Logger.Level.WARNING, "lab: removing namespace " + namespace + " of a dead run");
                Exec.run("ip", "netns", "del", namespace);
            }
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(tmp)) {
            dirs.filter(dir -> {
                Matcher name = TEMP_DIR.matcher(dir.getFileName().toString());
                return name.matches() && !liveJvm(Long.parseLong(name.group(1)));
            }).forEach(LabNames::removeStaleDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tmp + " for stale lab directories", e);
        }
    }

    /** The names of all network namespaces, first word of each {@code ip netns list} line. */
    static List<String> namespaces() {
        return Exec.run("ip", "netns", "list").orThrow().out().lines()
                .map(line -> line.split(" ", 2)[0]).filter(name -> !name.isBlank()).toList();
    }

    private static boolean liveJvm(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().command())
                .map(command -> command.endsWith("java")).orElse(false);
    }

    private static void removeStaleDir(Path dir) {
        LOG.log(System.Logger.Level.WARNING, "lab: removing " + dir + " of a dead run and its sshd processes");
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            all.stream().filter(file -> file.getFileName().toString().equals("sshd.pid"))
                    .forEach(pidFile -> Sshd.killIfOurs(pidFile, pidFile.getParent()));
            for (Path file : all) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove stale lab directory " + dir, e);
        }
    }
}
