package vnetdesk.service.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vnetdesk.host.desired.DesiredStateCompiler;
import vnetdesk.host.desired.HostInventory;
import vnetdesk.host.plan.Plan;
import vnetdesk.host.plan.Planner;
import vnetdesk.host.plan.SavedTables;
import vnetdesk.host.state.HostState;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.vm.Host;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.vm.VmDetails;
import vnetdesk.service.vm.VmService;

/**
 * Host planning without a connection: what the inventory implies for a
 * host, whether that moved since the host's last successful apply (its
 * pending changes), and what an attach being previewed changes on its host
 * — the plan from the host's desired state without the NIC to the one with it.
 */
public final class OfflinePlans {

    private final HostService hosts;
    private final VmService vms;
    private final DesiredHosts desired;
    private final HostStatuses statuses;

    public OfflinePlans(ServiceContext ctx, HostService hosts, VmService vms) {
        this.hosts = hosts;
        this.vms = vms;
        this.desired = new DesiredHosts(ctx.tx(), vms, ctx.networks());
        this.statuses = new HostStatuses(ctx);
    }

    DesiredHosts desiredHosts() {
        return desired;
    }

    public HostState desiredState(Actor actor, ObjectRef ref) {
        return desired.desired(hosts.manageable(actor, ref, "plan for"));
    }

    /**
     * What the host must carry, per network and per NIC, with whether it had
     * each device when last read ({@link HostStatus#devices()}).
     */
    public DesiredReport desiredReport(Actor actor, ObjectRef ref) {
        Host host = hosts.manageable(actor, ref, "plan for");
        // one read of the VMs on the host for both the inventory and their labels, so they cannot disagree
        HostOwners owners = desired.owners(host);
        return DesiredReports.build(host, owners.inventory(), owners.vmLabels(), statuses.status(actor, ref));
    }

    /** Whether the host's desired state moved since its last successful apply. */
    public boolean pending(Actor actor, ObjectRef ref) {
        Host host = hosts.manageable(actor, ref, "plan for");
        return !hosts.appliedDigest(actor, ref).equals(Optional.of(HostEngine.digest(desired.desired(host))));
    }

    /**
     * What attaching {@code nic} to VM {@code vmId} changes on the VM's host
     * (assuming the host is otherwise in its desired state); empty when the
     * VM's domain is not running on a host, so nothing is applied anywhere.
     */
    public Optional<HostChange> attachChanges(Actor actor, int vmId, VmDetails.NicDetails nic) {
        VmDetails vm = vms.show(actor, ObjectRef.id(vmId));
        if (vm.host().isEmpty() || !vm.vm().state().hasRunningDomain()) {
            return Optional.empty();
        }
        Host host = vm.host().get();
        HostState before = DesiredStateCompiler.compile(desired.inventory(host));
        HostInventory with = desired.inventory(host, Optional.of(new DesiredHosts.Extra(vmId, nic)));
        Plan plan = Planner.plan(before, DesiredStateCompiler.compile(with), SavedTables.NONE);
        List<String> steps = new ArrayList<>(plan.readableLines());
        // a NIC on a network vnetdesk does not manage changes nothing on the host: say so instead of nothing
        with.skipped().stream().filter(s -> nic.network().map(n -> n.id() == s.network().id()).orElse(false))
                .forEach(s -> steps.add("note: " + s.note()));
        return Optional.of(new HostChange(host, steps, plan.commandText()));
    }

    /** A host and one change on it: readable steps (blockers and notes too) and the exact commands. */
    public record HostChange(Host host, List<String> steps, String commands) {
        public HostChange {
            steps = List.copyOf(steps);
        }
    }
}
