package vnetdesk.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;

import vnetdesk.model.Mac;

/**
 * Starts a lab by hand ({@code src/test/lab/lab.sh [hosts] [--vms]}) so a
 * person can ssh into the test hosts, prints how, and removes everything on
 * Enter or Ctrl-C. A command-line program, so it prints to standard output.
 */
public final class LabMain {

    private LabMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        int hosts = args.length > 0 && !args[0].startsWith("-") ? Integer.parseInt(args[0]) : 2;
        boolean vms = List.of(args).contains("--vms");
        LabPrerequisites.Probe probe = LabPrerequisites.probe();
        if (probe.missing().isPresent()) {
            System.err.println("lab unavailable: " + probe.missing().get());
            System.exit(1);
        }
        try (Lab lab = Lab.start(hosts)) {
            out.println("lab with " + hosts + " host(s); 802.1Q " + (Lab.supports8021q() ? "available" : "unavailable"));
            for (LabHost host : lab.hosts()) {
                out.println();
                out.println(host.name() + "  namespace " + host.namespace());
                out.println("  " + host.sshCommand() + " -o UserKnownHostsFile=" + lab.dir().resolve("known_hosts"));
                out.println("  host key " + host.hostKeyFingerprint());
                writeKnownHost(lab, host);
                if (vms) {
                    addVms(lab, host, out);
                }
            }
            out.println();
            out.println("Press Enter (or Ctrl-C) to remove the lab.");
            int key;
            do {
                key = System.in.read();
            } while (key != '\n' && key != -1);
        }
    }

    /** Two VMs on bridge {@code labbr0} of the host, to try traffic by hand. */
    private static void addVms(Lab lab, LabHost host, PrintStream out) {
        for (int nic = 1; nic <= 2; nic++) {
            int vmId = host.index() * 10 + nic;
            String ip = "10.99." + host.index() + "." + nic;
            LabVm vm = lab.vm(host, vmId, 0, Mac.parse("mac", "02:00:0a:63:" + String.format("%02x", host.index())
                    + ":" + String.format("%02x", nic)), List.of(ip + "/24"));
            lab.enslave(host, vm.tap(), "labbr0");
            out.println("  " + vm + ": ip netns exec " + vm.namespace() + " bash");
        }
    }

    /** Writes the host's key into the lab's known_hosts, so the printed ssh command trusts it at once. */
    private static void writeKnownHost(Lab lab, LabHost host) throws IOException {
        Files.writeString(lab.dir().resolve("known_hosts"), host.knownHostsLine() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
