package vnetdesk.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lab whose JVM ends without closing it leaves nothing behind: on SIGTERM
 * its shutdown hook removes everything; after SIGKILL the next lab's start
 * removes the namespaces, sshd processes and files of the dead run. The labs
 * run in child JVMs ({@link LabMain}) so they can really be killed.
 */
class LabCrashTest {

    @BeforeEach
    void labAvailable() {
        LabPrerequisites.assumeLab();
    }

    @Test
    void aLabEndedBySigtermIsRemovedByItsShutdownHook() throws Exception {
        Process child = startedLabMain();
        assertTrue(leftovers(child.pid()).size() >= 4, "namespace, sshd, temp dir: " + leftovers(child.pid()));

        child.destroy();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));

        assertEquals(List.of(), leftovers(child.pid()));
    }

    @Test
    void aLabKilledBySigkillIsRemovedByTheNextStart() throws Exception {
        Process child = startedLabMain();
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(leftovers(child.pid()).size() >= 4, "SIGKILL leaves the lab: " + leftovers(child.pid()));

        Lab.start(0).close();

        assertEquals(List.of(), leftovers(child.pid()));
    }

    /** A child JVM running a lab of one host with two VMs, once it is ready. */
    private static Process startedLabMain() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LabMain.class.getName(), "1", "--vms").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.add(line);
            if (line.startsWith("Press Enter")) {
                return child;
            }
        }
        throw new IllegalStateException("the lab in a child JVM did not start: " + seen);
    }

    /** Namespaces, temp directories and processes (sshd) named after the lab of JVM {@code pid}. */
    private static List<String> leftovers(long pid) throws IOException {
        List<String> found = new ArrayList<>();
        LabNames.namespaces().stream().filter(name -> name.startsWith("vd" + pid + "_")).forEach(found::add);
        String dirPrefix = "vdlab-" + pid + "-";
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            tmp.filter(dir -> dir.getFileName().toString().startsWith(dirPrefix)).map(Path::toString)
                    .forEach(found::add);
        }
        ProcessHandle.allProcesses().filter(process -> commandLine(process.pid()).contains(dirPrefix))
                .map(process -> "process " + process.pid()).forEach(found::add);
        return found;
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
        } catch (IOException goneMeanwhile) {
            return "";
        }
    }
}
