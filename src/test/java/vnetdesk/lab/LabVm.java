package vnetdesk.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import vnetdesk.model.Mac;

/**
 * One NIC of a lab VM: a namespace whose {@code eth0} is the peer of the tap
 * {@code one-<vm>-<nic>} in its host's namespace, with the lease's MAC and
 * addresses. Sends and receives real packets (ICMP echo, TCP, UDP) through
 * the lab's Python helper, and can spoof its MAC or address to prove that
 * anti-spoofing rules drop what it then sends.
 */
public final class LabVm {

    private final LabHost host;
    private final int vmId;
    private final int nicIndex;
    private final String namespace;
    private final Mac mac;
    private final List<String> addresses;
    private final Function<List<String>, LabProcess> starter;
    private final String helper;

    LabVm(LabHost host, int vmId, int nicIndex, String namespace, Mac mac, List<String> addresses,
          String helper, Function<List<String>, LabProcess> starter) {
        this.host = host;
        this.vmId = vmId;
        this.nicIndex = nicIndex;
        this.namespace = namespace;
        this.mac = mac;
        this.addresses = List.copyOf(addresses);
        this.helper = helper;
        this.starter = starter;
    }

    public LabHost host() {
        return host;
    }

    public int vmId() {
        return vmId;
    }

    public int nicIndex() {
        return nicIndex;
    }

    public String namespace() {
        return namespace;
    }

    /** The host end's name, as OpenNebula names a VM's tap. */
    public String tap() {
        return "one-" + vmId + "-" + nicIndex;
    }

    public Mac mac() {
        return mac;
    }

    /** The addresses given at creation, each with its prefix ({@code 10.0.0.2/24}, {@code fd00::2/64}). */
    public List<String> addresses() {
        return addresses;
    }

    /** The first given address of that family without its prefix. */
    public String ip(boolean v6) {
        return addresses.stream().filter(a -> a.contains(":") == v6).findFirst()
                .map(a -> a.substring(0, a.indexOf('/')))
                .orElseThrow(() -> new IllegalStateException("lab VM " + namespace + " has no "
                        + (v6 ? "IPv6" : "IPv4") + " address"));
    }

    /** Runs a command inside the VM's namespace. */
    public Exec.Result run(String... command) {
        return Exec.run(Exec.DEFAULT_TIMEOUT, Exec.inNamespace(namespace, List.of(command)));
    }

    /** Sends {@code count} ICMP (or ICMPv6) echo requests; the number of distinct replies within the timeout. */
    public int ping(String ip, int count, int timeoutSeconds) {
        Exec.Result result = helper("ping", ip, Integer.toString(count), Integer.toString(timeoutSeconds));
        String out = result.out().strip();
        if (!out.startsWith("replies ")) {
            throw new IllegalStateException("lab ping from " + namespace + " to " + ip + " failed: " + result);
        }
        return Integer.parseInt(out.substring("replies ".length()));
    }

    /** A TCP echo server on {@code port} (IPv4 and IPv6), listening when this returns. */
    public LabProcess tcpServe(int port) {
        return starter.apply(helperCommand("tcp-serve", Integer.toString(port)));
    }

    /** Whether a TCP connection to {@code ip:port} is made and echoes a line within the timeout. */
    public boolean tcpConnect(String ip, int port, int timeoutSeconds) {
        return helper("tcp-connect", ip, Integer.toString(port), Integer.toString(timeoutSeconds)).ok();
    }

    /**
     * A UDP listener on {@code port}; each datagram becomes an output line
     * {@code from <source-ip> <payload>} (see {@link #udpFrom}).
     */
    public LabProcess udpListen(int port) {
        return starter.apply(helperCommand("udp-listen", Integer.toString(port)));
    }

    /** The line a {@link #udpListen} listener prints for a datagram from {@code sourceIp}. */
    public static String udpFrom(String sourceIp, String payload) {
        return "from " + sourceIp + " " + payload;
    }

    /** Sends one UDP datagram (no reply expected). */
    public void udpSend(String ip, int port, String payload) {
        helper("udp-send", ip, Integer.toString(port), payload).orThrow();
    }

    /**
     * A TCP receiver on {@code port} that takes one stream to its end and
     * then prints {@code received BYTES SECONDS}, timed from the first byte
     * to the end (read it with {@link Received#of}).
     */
    public LabProcess rateServe(int port) {
        return starter.apply(helperCommand("rate-serve", Integer.toString(port)));
    }

    /** Sends {@code bytes} bytes over one TCP connection and waits until the receiver has read them all. */
    public void sendBytes(String ip, int port, long bytes, int timeoutSeconds) {
        Exec.run(Duration.ofSeconds(timeoutSeconds + 30L), helperCommand("send-bytes", ip, Integer.toString(port),
                Long.toString(bytes), Integer.toString(timeoutSeconds))).orThrow();
    }

    /** What a {@link #rateServe} receiver got: bytes, and seconds from the first byte to the end. */
    public record Received(long bytes, double seconds) {

        /** Reads the receiver's {@code received BYTES SECONDS} line. */
        public static Received of(String line) {
            String[] parts = line.split(" ");
            if (parts.length != 3 || !parts[0].equals("received")) {
                throw new IllegalArgumentException("not a rate-serve result line: " + line);
            }
            return new Received(Long.parseLong(parts[1]), Double.parseDouble(parts[2]));
        }

        /** Bytes per second of payload (TCP goodput). */
        public double rate() {
            return bytes / seconds;
        }
    }

    /** Gives {@code eth0} another MAC, as a VM that spoofs one would. */
    public void spoofMac(Mac spoofed) {
        run("ip", "link", "set", "dev", "eth0", "address", spoofed.toString()).orThrow();
    }

    /**
     * Replaces {@code eth0}'s addresses of the spoofed one's family by it
     * ({@code 10.0.0.99/24}), so what the VM sends next carries that source.
     */
    public void spoofAddress(String spoofed) {
        boolean v6 = spoofed.contains(":");
        run("ip", v6 ? "-6" : "-4", "addr", "flush", "dev", "eth0", "scope", "global").orThrow();
        addAddress(spoofed);
    }

    /**
     * A static neighbour entry, so a VM can send to {@code ip} without ARP or
     * neighbour discovery — which anti-spoofing rules may drop and so hide
     * whether the packet itself was dropped.
     */
    public void neighbour(String ip, Mac neighbourMac) {
        run("ip", "neigh", "replace", ip, "lladdr", neighbourMac.toString(), "dev", "eth0", "nud", "permanent")
                .orThrow();
    }

    /** Back to the MAC and addresses given at creation. */
    public void unspoof() {
        spoofMac(mac);
        run("ip", "addr", "flush", "dev", "eth0", "scope", "global").orThrow();
        addresses.forEach(this::addAddress);
    }

    void addAddress(String address) {
        List<String> command = new ArrayList<>(List.of("ip", "addr", "add", address, "dev", "eth0"));
        if (address.contains(":")) {
            command.add("nodad");
        }
        run(command.toArray(String[]::new)).orThrow();
    }

    private Exec.Result helper(String... args) {
        return Exec.run(Exec.DEFAULT_TIMEOUT, helperCommand(args));
    }

    private List<String> helperCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(LabPrerequisites.PYTHON.toString(), helper));
        command.addAll(List.of(args));
        return Exec.inNamespace(namespace, command);
    }

    @Override
    public String toString() {
        return "lab VM " + vmId + " NIC " + nicIndex + " (" + tap() + " on " + host.name() + ", namespace "
                + namespace + ", " + mac + " " + addresses + ")";
    }
}
