package vnetdesk.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import vnetdesk.model.Mac;

/**
 * The test lab: hosts that are network namespaces reached by real OpenSSH
 * sshd processes on 127.0.0.1, VMs that are namespaces joined to a host by a
 * veth named like a tap, and veth underlays between hosts. Everything it
 * made is removed on {@link #close}, on JVM exit, and — if a run crashed —
 * by the next lab's start. The root namespace's network configuration is
 * never changed: every link is created directly inside a lab namespace.
 */
public final class Lab implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Lab.class.getName());

    private final LabNames names;
    private final Path dir;
    private final Path privateKey;
    private final Path helper;
    private final List<LabHost> hosts = new ArrayList<>();
    private final List<Sshd> sshds = new ArrayList<>();
    private final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final List<LabProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final Map<LabHost, Integer> underlays = new ConcurrentHashMap<>();
    private final Thread shutdownHook;
    private boolean closed;

    private Lab(LabNames names, Path dir) throws IOException {
        this.names = names;
        this.dir = dir;
        this.privateKey = dir.resolve("id_ed25519");
        this.helper = dir.resolve("labnet.py");
        this.shutdownHook = new Thread(this::close, "lab-cleanup-" + names.prefix());
    }

    /**
     * Starts {@code hostCount} hosts. Skips the calling test (or fails it,
     * with {@code -Dvnetdesk.lab.required=true}) when the machine cannot run
     * the lab.
     */
    public static Lab start(int hostCount) {
        LabPrerequisites.assumeLab();
        LabNames.removeStale();
        LabNames names = LabNames.next();
        Lab lab;
        try {
            lab = new Lab(names, Files.createTempDirectory(names.tempDirPrefix(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lab's temp directory", e);
        }
        Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
        try {
            lab.prepare();
            for (int i = 0; i < hostCount; i++) {
                lab.addHost(i);
            }
            return lab;
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e instanceof IOException io ? new UncheckedIOException("lab start failed", io)
                    : (RuntimeException) e;
        }
    }

    /** Whether this kernel can make 802.1Q devices; tests of that driver skip without it. */
    public static boolean supports8021q() {
        return LabPrerequisites.supports8021q();
    }

    public List<LabHost> hosts() {
        return List.copyOf(hosts);
    }

    public LabHost host(int index) {
        return hosts.get(index);
    }

    /** The client's private key (ed25519, no passphrase), authorized on every host as root. */
    public Path privateKey() {
        return privateKey;
    }

    /** The lab's own temp directory (keys, sshd configs and logs). */
    public Path dir() {
        return dir;
    }

    /** The namespaces this lab made (hosts and VMs) and has not yet removed. */
    public List<String> namespaces() {
        synchronized (namespaces) {
            return List.copyOf(namespaces);
        }
    }

    /**
     * A VM NIC on {@code host}: namespace with {@code eth0} (MAC, addresses —
     * IPv6 ones without duplicate address detection — up), host end
     * {@code one-<vm>-<nic>} up and not enslaved: attaching it to a bridge is
     * the engine's job, or {@link #enslave}'s in tests that come before it.
     */
    public LabVm vm(LabHost host, int vmId, int nicIndex, Mac mac, List<String> addresses) {
        String namespace = names.vm(host.index(), vmId, nicIndex);
        String tap = "one-" + vmId + "-" + nicIndex;
        addNamespace(namespace);
        Exec.run("ip", "link", "add", tap, "netns", host.namespace(), "type", "veth", "peer", "name", "eth0",
                "netns", namespace).orThrow();
        LabVm vm = new LabVm(host, vmId, nicIndex, namespace, mac, addresses, helper.toString(), this::startProcess);
        vm.run("ip", "link", "set", "dev", "eth0", "address", mac.toString()).orThrow();
        addresses.forEach(vm::addAddress);
        vm.run("ip", "link", "set", "dev", "eth0", "up").orThrow();
        host.run("ip", "link", "set", "dev", tap, "up").orThrow();
        return vm;
    }

    /** Puts {@code tap} into {@code bridge} on {@code host}, creating the bridge (up) if it is missing. */
    public void enslave(LabHost host, String tap, String bridge) {
        if (!host.run("ip", "link", "show", "dev", bridge).ok()) {
            host.run("ip", "link", "add", bridge, "type", "bridge").orThrow();
            host.run("ip", "link", "set", "dev", bridge, "up").orThrow();
        }
        host.run("ip", "link", "set", "dev", tap, "master", bridge).orThrow();
    }

    /**
     * Sets the shell text every later SSH session of {@code host} sources
     * inside the host's namespace before the client's command — empty by
     * default. Fault tests use it on one host only: a {@code PATH} prefix
     * with a slow or refusing tool, or a {@code mount --bind} that hides one
     * (each session runs in its own private mount namespace, so the bind
     * never reaches the root namespace or another host).
     */
    public void prelude(LabHost host, String script) {
        try {
            Files.writeString(sshds.get(host.index()).prelude(), script + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the prelude of " + host.name(), e);
        }
    }

    /**
     * Starts {@code host}'s sshd again on the same port with the same host
     * key, killing it (and its sessions) first if it still runs; returns the
     * host with the new sshd's pid.
     */
    public synchronized LabHost restartSshd(LabHost host) {
        try {
            Sshd sshd = sshds.get(host.index()).restart();
            sshds.set(host.index(), sshd);
            LabHost restarted = new LabHost(host.index(), host.name(), host.namespace(), host.address(), host.port(),
                    host.user(), host.privateKey(), host.hostPublicKey(), host.hostKeyFingerprint(), sshd.pid());
            hosts.set(host.index(), restarted);
            return restarted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart the sshd of " + host.name(), e);
        }
    }

    /**
     * Gives {@code host} a new host key (its sshd restarted on the same port);
     * returns the host with the new key's public line and fingerprint.
     */
    public synchronized LabHost rekey(LabHost host) {
        try {
            Sshd sshd = sshds.get(host.index()).rekey(host.namespace());
            sshds.set(host.index(), sshd);
            LabHost rekeyed = new LabHost(host.index(), host.name(), host.namespace(), host.address(), host.port(),
                    host.user(), host.privateKey(), sshd.hostPublicKey(), sshd.hostKeyFingerprint(), sshd.pid());
            hosts.set(host.index(), rekeyed);
            return rekeyed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + host.name() + " a new host key", e);
        }
    }

    /**
     * Joins two hosts by a veth pair {@code ul<n>} (n counts the host's
     * underlays, so the first is {@code ul0}), addressed {@code .1} and
     * {@code .2} of the IPv4 {@code subnet} (e.g. {@code 192.168.250.0/24}), up.
     */
    public Underlay underlay(LabHost a, LabHost b, String subnet) {
        String deviceA = "ul" + (underlays.merge(a, 1, Integer::sum) - 1);
        String deviceB = "ul" + (underlays.merge(b, 1, Integer::sum) - 1);
        int slash = subnet.indexOf('/');
        String network = subnet.substring(0, slash);
        String base = network.substring(0, network.lastIndexOf('.') + 1);
        String prefix = subnet.substring(slash);
        Underlay underlay = new Underlay(a, deviceA, base + "1" + prefix, b, deviceB, base + "2" + prefix);
        Exec.run("ip", "link", "add", deviceA, "netns", a.namespace(), "type", "veth", "peer", "name", deviceB,
                "netns", b.namespace()).orThrow();
        a.run("ip", "addr", "add", underlay.addressA(), "dev", deviceA).orThrow();
        b.run("ip", "addr", "add", underlay.addressB(), "dev", deviceB).orThrow();
        a.run("ip", "link", "set", "dev", deviceA, "up").orThrow();
        b.run("ip", "link", "set", "dev", deviceB, "up").orThrow();
        return underlay;
    }

    /**
     * Removes everything this lab made: helper processes, sshd processes and
     * their sessions, namespaces (VMs first), the temp directory. Safe to
     * call twice, and called by the shutdown hook if a test run ends without it.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (processes) {
            processes.forEach(LabProcess::close);
        }
        sshds.forEach(Sshd::close);
        List<String> toRemove = namespaces();
        for (int i = toRemove.size() - 1; i >= 0; i--) {
            Exec.Result removed = Exec.run("ip", "netns", "del", toRemove.get(i));
            if (removed.ok()) {
                namespaces.remove(toRemove.get(i));
            } else {
                LOG.log(System.Logger.Level.WARNING, "lab: could not remove namespace " + toRemove.get(i) + ": "
                        + removed.err().strip());
            }
        }
        deleteDir();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            LOG.log(System.Logger.Level.DEBUG, "lab: closed by the shutdown hook");
        }
    }

    private void prepare() throws IOException {
        Exec.run(LabPrerequisites.SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "vnetdesk-lab",
                "-f", privateKey.toString()).orThrow();
        Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        try (InputStream script = Lab.class.getResourceAsStream("labnet.py")) {
            if (script == null) {
                throw new IllegalStateException("test resource vnetdesk/lab/labnet.py is missing");
            }
            Files.copy(script, helper);
        }
    }

    private void addHost(int index) throws IOException {
        String namespace = names.host(index);
        addNamespace(namespace);
        Path hostDir = Files.createDirectory(dir.resolve("h" + index));
        Sshd sshd = Sshd.start(hostDir, namespace, dir.resolve("authorized_keys"));
        sshds.add(sshd);
        hosts.add(new LabHost(index, "host" + index, namespace, "127.0.0.1", sshd.port(), "root", privateKey,
                sshd.hostPublicKey(), sshd.hostKeyFingerprint(), sshd.pid()));
    }

    private void addNamespace(String namespace) {
        Exec.run("ip", "netns", "add", namespace).orThrow();
        namespaces.add(namespace);
        Exec.run(Exec.DEFAULT_TIMEOUT, Exec.inNamespace(namespace, List.of("ip", "link", "set", "dev", "lo", "up")))
                .orThrow();
    }

    private LabProcess startProcess(List<String> command) {
        LabProcess process = LabProcess.start(command);
        processes.add(process);
        return process;
    }

    private void deleteDir() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "lab: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
