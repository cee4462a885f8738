package vnetdesk.service.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

import vnetdesk.lab.Exec;
import vnetdesk.lab.Lab;
import vnetdesk.lab.LabHost;
import vnetdesk.lab.LabVm;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.service.Inventory;
import vnetdesk.ssh.Cancellation;
import vnetdesk.ssh.HostKeyPrompt;
import vnetdesk.ssh.SshTransport;
import vnetdesk.template.TemplateParser;

/**
 * The engine's lab tests' common ground: a lab of n hosts, each registered in
 * a fresh inventory as {@code kvm<i>} (key login, host key trusted on first
 * use), the engine over real SSH, and VMs created, deployed and given a lab
 * namespace with their lease's MAC and address. Closing removes it all.
 */
final class EngineLab implements AutoCloseable {

    static final Actor ADMIN = Actor.ONEADMIN;

    final Lab lab;
    final Inventory inv;
    final SshTransport transport;
    final HostEngine engine;
    final List<HostKeyPrompt.UnknownHostKey> prompted = Collections.synchronizedList(new ArrayList<>());

    private EngineLab(Lab lab, Path dir) {
        this.lab = lab;
        this.inv = Inventory.openDirectory(dir.resolve("inventory"));
        for (LabHost host : lab.hosts()) {
            inv.hosts().create(ADMIN, name(host.index()), Optional.empty(), Optional.of(host.address()),
                    new HostConnection(host.port(), host.user(),
                            new HostConnection.Identity.KeyFile(host.privateKey().toString())));
        }
        this.transport = new SshTransport(new SshTransport.Settings(dir.resolve("known_hosts"), Optional.empty(),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)), key -> {
                    prompted.add(key);
                    return true;
                });
        this.engine = inv.hostEngine(transport, (target, what) -> Optional.empty(), HostEngine.Settings.defaults());
    }

    /** Starts the lab (skipping or failing the test when it cannot run here) and the inventory in {@code dir}. */
    static EngineLab start(Path dir, int hosts) {
        Lab lab = Lab.start(hosts);
        try {
            return new EngineLab(lab, dir);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /**
     * Skips the calling test with a printed one-line reason unless
     * {@code condition} holds: for what a legitimate host may lack (a kernel
     * feature), never for a missing lab prerequisite.
     */
    static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.getLogger(EngineLab.class.getName()).log(System.Logger.Level.WARNING, reason + ", skipping");
            Assumptions.abort(reason);
        }
    }

    static String name(int hostIndex) {
        return "kvm" + hostIndex;
    }

    LabHost host(int index) {
        return lab.host(index);
    }

    int group(String template) {
        return inv.securityGroups().create(ADMIN, TemplateParser.parse(template, "sg"));
    }

    int network(String template) {
        return inv.networks().create(ADMIN, TemplateParser.parse(template, "net"));
    }

    /**
     * A VM with one NIC ({@code nic} is the inside of {@code NIC = [ … ]}),
     * deployed to {@code kvm<hostIndex>}, and its lab namespace with the
     * lease's MAC and IPv4 address in a /24.
     */
    LabVm vm(String name, String nic, int hostIndex) {
        int id = inv.vms().create(ADMIN, TemplateParser.parse("NAME = " + name + "\nNIC = [ " + nic + " ]\n", "vm"));
        inv.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name(name(hostIndex)));
        NicNetwork.Leased lease = inv.vms().show(ADMIN, ObjectRef.id(id)).vm().nics().get(0).lease().orElseThrow();
        return lab.vm(host(hostIndex), id, 0, lease.addresses().mac(),
                List.of(lease.addresses().ip().orElseThrow() + "/24"));
    }

    /** The VM ends: deleted from the inventory, and its tap gone from the host as the hypervisor removes it. */
    void terminate(LabVm vm) {
        inv.vms().delete(ADMIN, ObjectRef.id(vm.vmId()));
        vm.host().run("ip", "link", "del", "dev", vm.tap()).orThrow();
    }

    /** One engine apply over the given hosts (in parallel on its pool); the results in that order. */
    List<HostEngine.HostApply> apply(int... hostIndexes) {
        List<ObjectRef> refs = Arrays.stream(hostIndexes).mapToObj(i -> ObjectRef.name(name(i))).toList();
        List<HostEngine.HostApply> results = engine.apply(ADMIN, refs, new Cancellation(), r -> { });
        assertEquals(hostIndexes.length, results.size());
        return results;
    }

    HostEngine.HostPlan plan(int hostIndex) {
        return engine.plan(ADMIN, List.of(ObjectRef.name(name(hostIndex))), new Cancellation()).get(0);
    }

    /** {@code ip -d link show dev DEVICE} on the host, or empty when the device is not there. */
    Optional<String> link(int hostIndex, String device) {
        Exec.Result r = host(hostIndex).run("ip", "-d", "link", "show", "dev", device);
        return r.ok() ? Optional.of(r.out()) : Optional.empty();
    }

    @Override
    public void close() {
        try {
            transport.close();
            inv.close();
        } finally {
            lab.close();
        }
    }
}
