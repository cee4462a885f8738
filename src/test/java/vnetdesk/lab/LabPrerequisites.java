package vnetdesk.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether this machine can run the lab, once per JVM: root, the
 * tools, and the kernel features tried for real in a throw-away namespace.
 * A missing prerequisite skips a lab test with one line saying why — or
 * fails it when {@code -Dvnetdesk.lab.required=true} (CI), so a green CI
 * means the lab really ran.
 */
public final class LabPrerequisites {

    public static final String REQUIRED_PROPERTY = "vnetdesk.lab.required";

    /** Where iproute2's {@code ip} is: {@code /usr/sbin} on merged-/usr systems, {@code /sbin} or {@code /bin} elsewhere. */
    static final Path IP = Stream.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip").map(Path::of)
            .filter(Files::isExecutable).findFirst().orElse(Path.of("/usr/sbin/ip"));
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    static final Path SSH = Path.of("/usr/bin/ssh");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final System.Logger LOG = System.getLogger(LabPrerequisites.class.getName());

    /** What the probe found; {@code missing} empty means the lab can start. */
    record Probe(Optional<String> missing, boolean vlan) {
    }

    private static Probe probe;

    private LabPrerequisites() {
    }

    /** Skips (or, when required, fails) the calling test unless the lab can run here. */
    public static void assumeLab() {
        probe().missing().ifPresent(reason -> unavailable(reason, required()));
    }

    /**
     * Skips (or, when required, fails) the calling test unless {@code present}:
     * the one rule every test needing root, tools or kernel features follows.
     */
    public static void require(boolean present, String reason) {
        if (!present) {
            unavailable(reason, required());
        }
    }

    /** Skips (or, when required, fails) the calling test unless it runs as root. */
    public static void requireRoot() {
        require(isRoot(), "not running as root on Linux");
    }

    /** Skips (or, when required, fails) the calling test unless {@code tool} is installed. */
    public static void assumeTool(Path tool, String debianPackage) {
        if (!Files.isExecutable(tool)) {
            unavailable(tool + " is missing (Debian package " + debianPackage + ")", required());
        }
    }

    /** Whether the kernel can make 802.1Q devices (module 8021q), tried in a throw-away namespace. */
    public static boolean supports8021q() {
        return probe().missing().isEmpty() && probe().vlan();
    }

    /**
     * Skips the calling test when the kernel has no 802.1Q support — always a
     * skip, never a failure: a kernel without the module is a legitimate host,
     * only the tests of that driver cannot run on it.
     */
    public static void assume8021q() {
        assumeLab();
        if (!probe().vlan()) {
            String reason = "lab: kernel has no 802.1Q support (module 8021q absent), skipping a VLAN test";
            LOG.log(System.Logger.Level.WARNING, reason);
            Assumptions.abort(reason);
        }
    }

    static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    /** Aborts the test (a skip) with one line naming {@code reason}, or fails it when the lab is required. */
    static void unavailable(String reason, boolean required) {
        String line = "lab unavailable: " + reason;
        if (required) {
            Assertions.fail(line + " (and -D" + REQUIRED_PROPERTY + "=true makes that a failure)");
        }
        LOG.log(System.Logger.Level.WARNING, line + ", skipping");
        Assumptions.abort(line);
    }

    static synchronized Probe probe() {
        if (probe == null) {
            probe = runProbe();
        }
        return probe;
    }

    private static Probe runProbe() {
        if (!isRoot()) {
            return new Probe(Optional.of("not running as root on Linux"), false);
        }
        for (Path tool : List.of(IP, SSHD, SSH_KEYGEN, PYTHON)) {
            if (!Files.isExecutable(tool)) {
                return new Probe(Optional.of(tool + " is missing"), false);
            }
        }
        String namespace = LabNames.probeNamespace();
        Exec.Result created = Exec.run("ip", "netns", "add", namespace);
        if (!created.ok()) {
            return new Probe(Optional.of("cannot create a network namespace: " + created.err().strip()), false);
        }
        try {
            List<String> problems = new ArrayList<>();
            feature(namespace, problems, "veth", "ip link add p0 type veth peer name p1");
            feature(namespace, problems, "bridge", "ip link add b0 type bridge");
            feature(namespace, problems, "vxlan", "ip link add x0 type vxlan id 7 group 239.0.0.7 dev p0 dstport 4789");
            feature(namespace, problems, "br_netfilter", "test -e /proc/sys/net/bridge/bridge-nf-call-iptables");
            boolean vlan = Exec.run(Exec.DEFAULT_TIMEOUT, Exec.inNamespace(namespace,
                    List.of("ip", "link", "add", "link", "p0", "name", "p0.5", "type", "vlan", "id", "5"))).ok();
            return new Probe(problems.isEmpty() ? Optional.empty()
                    : Optional.of("kernel lacks " + String.join(", ", problems)), vlan);
        } finally {
            Exec.run("ip", "netns", "del", namespace);
        }
    }

    private static void feature(String namespace, List<String> problems, String name, String command) {
        if (!Exec.run(Exec.DEFAULT_TIMEOUT, Exec.inNamespace(namespace, List.of("/bin/sh", "-c", command))).ok()) {
            problems.add(name);
        }
    }

    static boolean isRoot() {
        if (!Files.exists(Path.of("/proc/self/status"))) {
            return false;
        }
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status to tell whether we are root", e);
        }
    }
}
