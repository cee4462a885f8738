package vnetdesk.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vnetdesk.host.plan.Plan;
import vnetdesk.lab.Exec;
import vnetdesk.lab.Lab;
import vnetdesk.lab.LabHost;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.HostConnection;
import vnetdesk.model.vm.NicNetwork;
import vnetdesk.service.Inventory;
import vnetdesk.service.host.HostEngine;
import vnetdesk.ssh.Cancellation;
import vnetdesk.ssh.Identity;
import vnetdesk.ssh.SshSession;
import vnetdesk.ssh.SshTarget;
import vnetdesk.ssh.SshTransport;
import vnetdesk.template.TemplateParser;

/**
 * The lab the host-apply benchmarks run on: {@code hosts} lab hosts (real
 * OpenSSH), an inventory in which each carries {@code vmsPerHost} VMs with
 * one NIC each, spread over {@code networks} fw networks (VM v of host h on
 * network (h × vmsPerHost + v) mod networks) with both anti-spoofing filters
 * and a security group of seven rules, the VMs' taps in place, and a
 * {@link HostEngine} whose pool runs every host at once. {@link #reset}
 * brings the hosts back to before the first apply (outside SSH, untimed).
 */
final class HostBenchLab implements AutoCloseable {

    static final Actor ADMIN = Actor.ONEADMIN;
    /** Everything the engine creates on these hosts (bridges vdbr*), removed the way an admin would by hand. */
    private static final String RESET = "iptables -F && iptables -X && ip6tables -F && ip6tables -X"
            + " && ebtables -F && ebtables -X && ipset destroy"
            + " && for b in $(ip -o link show type bridge | cut -d: -f2 | grep vdbr); do ip link del dev $b || exit 1;"
            + " done";

    private final Lab lab;
    private final BenchInventory bench;
    private final SshTransport transport;
    private final HostEngine engine;
    private final List<ObjectRef> refs = new ArrayList<>();

    private HostBenchLab(Lab lab, BenchInventory bench, SshTransport transport, HostEngine engine) {
        this.lab = lab;
        this.bench = bench;
        this.transport = transport;
        this.engine = engine;
    }

    static HostBenchLab start(int hosts, int vmsPerHost, int networks) {
        Lab lab = Lab.start(hosts);
        BenchInventory bench = BenchInventory.fresh("hosts");
        SshTransport transport = null;
        try {
            Inventory inv = bench.inventory();
            inv.securityGroups().create(ADMIN, TemplateParser.parse("NAME = web\n"
                    + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = \"22,80,443\" ]\n"
                    + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 8000:8100, IP = 10.1.0.0, SIZE = 256 ]\n"
                    + "RULE = [ PROTOCOL = UDP, RULE_TYPE = inbound, RANGE = 53 ]\n"
                    + "RULE = [ PROTOCOL = ICMP, RULE_TYPE = inbound, ICMP_TYPE = 8 ]\n"
                    + "RULE = [ PROTOCOL = ICMPV6, RULE_TYPE = inbound ]\n"
                    + "RULE = [ PROTOCOL = ALL, RULE_TYPE = inbound, IP = 192.168.10.0, SIZE = 64 ]\n"
                    + "RULE = [ PROTOCOL = ALL, RULE_TYPE = outbound ]\n", "sg"));
            for (int n = 0; n < networks; n++) {
                inv.networks().create(ADMIN, TemplateParser.parse("NAME = lan" + n + "\nVN_MAD = fw\nBRIDGE = vdbr" + n
                        + "\nSECURITY_GROUPS = 100\nFILTER_MAC_SPOOFING = YES\nFILTER_IP_SPOOFING = YES\n"
                        + "AR = [ TYPE = IP4, IP = 10." + n + ".0.1, SIZE = 250 ]\n", "net"));
            }
            transport = new SshTransport(new SshTransport.Settings(lab.dir().resolve("known_hosts"),
                    Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)),
                    key -> true);
            HostEngine engine = inv.hostEngine(transport, (target, what) -> Optional.empty(),
                    new HostEngine.Settings(hosts, Duration.ofSeconds(60), System.getenv(), Clock.systemUTC()));
            HostBenchLab out = new HostBenchLab(lab, bench, transport, engine);
            for (LabHost host : lab.hosts()) {
                out.addHost(host, vmsPerHost, networks);
            }
            return out;
        } catch (RuntimeException e) {
            if (transport != null) {
                transport.close();
            }
            bench.close();
            lab.close();
            throw e;
        }
    }

    private void addHost(LabHost host, int vms, int networks) {
        Inventory inv = bench.inventory();
        String name = "kvm" + host.index();
        inv.hosts().create(ADMIN, name, Optional.empty(), Optional.of(host.address()),
                new HostConnection(host.port(), host.user(),
                        new HostConnection.Identity.KeyFile(host.privateKey().toString())));
        refs.add(ObjectRef.name(name));
        for (int v = 0; v < vms; v++) {
            int id = inv.vms().create(ADMIN, TemplateParser.parse("NAME = " + name + "-vm" + v
                    + "\nNIC = [ NETWORK = lan" + (host.index() * vms + v) % networks + " ]\n", "vm"));
            inv.vms().deploy(ADMIN, ObjectRef.id(id), ObjectRef.name(name));
            NicNetwork.Leased lease = inv.vms().show(ADMIN, ObjectRef.id(id)).vm().nics().get(0).lease().orElseThrow();
            lab.vm(host, id, 0, lease.addresses().mac(), List.of(lease.addresses().ip().orElseThrow() + "/24"));
        }
    }

    List<LabHost> hosts() {
        return lab.hosts();
    }

    List<ObjectRef> refs() {
        return List.copyOf(refs);
    }

    HostEngine engine() {
        return engine;
    }

    Path dir() {
        return lab.dir();
    }

    /** Applies to {@code which} at once; fails unless every host ends with {@code expected}. */
    List<HostEngine.HostApply> apply(List<ObjectRef> which, HostApplyOutcome.Result expected) {
        List<HostEngine.HostApply> results = engine.apply(ADMIN, which, new Cancellation(), r -> { });
        for (HostEngine.HostApply r : results) {
            if (r.outcome().result() != expected) {
                throw new IllegalStateException(r.host().label() + ": expected " + expected + ", got "
                        + r.outcome().result() + ": " + r.outcome().message());
            }
        }
        return results;
    }

    /** The engine's plan for one host, read over SSH; fails on an unreachable host. */
    Plan plan(ObjectRef ref) {
        HostEngine.HostPlan plan = engine.plan(ADMIN, List.of(ref), new Cancellation()).get(0);
        return plan.plan().orElseThrow(() -> new IllegalStateException(ref + ": " + plan.error().orElse("no plan")));
    }

    /** One session to {@code host} with the MINA transport, as the engine opens it (raised to root). */
    SshSession session(LabHost host) {
        SshSession session = transport.connect(new SshTarget(host.address(), host.port(), host.user()),
                new Identity.KeyFile(host.privateKey(), (target, what) -> Optional.empty()));
        session.elevate();
        return session;
    }

    /** Removes what the engine made on every host, so the next apply starts from the taps alone. */
    void reset() {
        for (LabHost host : lab.hosts()) {
            reset(host);
        }
    }

    void reset(LabHost host) {
        Exec.Result r = host.sh(RESET);
        if (!r.ok()) {
            throw new IllegalStateException(host.name() + ": reset failed: " + r.err().strip());
        }
    }

    @Override
    public void close() {
        transport.close();
        bench.close();
        lab.close();
    }
}
