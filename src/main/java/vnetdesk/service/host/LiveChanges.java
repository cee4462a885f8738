package vnetdesk.service.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.VnetException;
import vnetdesk.model.Words;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.HostApplyOutcome;
import vnetdesk.model.vm.Vm;
import vnetdesk.service.SecurityGroupService;
import vnetdesk.service.vm.NicRequest;
import vnetdesk.service.vm.VmDetails;
import vnetdesk.service.vm.VmService;
import vnetdesk.ssh.Cancellation;

/**
 * Inventory changes that reach the hosts at once: a security group's commit
 * applies to the hosts of its VMs and records each VM's state as its host
 * answered; a NIC attached to a running VM is applied to its host and taken
 * back (lease released, NIC removed) when the host cannot take it, but kept
 * as a pending change when the host is unreachable; a detach is applied the
 * same way. A NIC on a network vnetdesk does not manage on hosts applies no
 * host: its driver owns its tap.
 *
 * <p>The user's change is checked with the user's rights (USE on the network,
 * MANAGE on the group …); applying its consequence to the host is the
 * system's work, as oned runs the drivers for any user: a user who may attach
 * a NIC to a VM needs no right on the host it runs on. The host applies only
 * what the inventory implies.
 */
public final class LiveChanges {

    /** Who applies the hosts: the administrator, as OpenNebula's drivers run as oneadmin. */
    private static final Actor SYSTEM = Actor.ONEADMIN;

    /** How a commit ended: per host its apply, and how many VMs are now up to date or in error. */
    public record CommitResult(SecurityGroupService.CommitSelection selection, List<HostEngine.HostApply> hosts,
                               int updated, int failed) {
        public String message() {
            if (selection.vms().isEmpty()) {
                return "security group " + selection.groupLabel() + " has no VM to update";
            }
            return "security group " + selection.groupLabel() + ": " + Words.count(updated, "VM") + " up to date, " + failed
                    + " in error, over " + Words.count(hosts.size(), "host");
        }
    }

    /** A NIC change and what its host did: applied, pending (unreachable or no address), or taken back. */
    public record NicChange(int vmId, int nicIndex, Optional<HostEngine.HostApply> host, boolean rolledBack,
                            String message) {
    }

    private final HostEngine engine;
    private final VmService vms;
    private final HostService hosts;
    private final SecurityGroupService groups;

    public LiveChanges(HostEngine engine, VmService vms, HostService hosts, SecurityGroupService groups) {
        this.engine = engine;
        this.vms = vms;
        this.hosts = hosts;
        this.groups = groups;
    }

    /**
     * Applies the group's rules to the hosts of its VMs: each selected VM is
     * updating while its host is applied, then up to date, or in error with
     * its host's message — recorded as each host answers, so a view reading
     * the group meanwhile sees the states change. A VM not on a host has
     * nothing to update there. A host skipped by {@code run}'s cancel leaves
     * its VMs in error ("cancelled"), for a retry of the failed.
     */
    public CommitResult commitSecurityGroup(Actor actor, ObjectRef ref, boolean onlyOutdatedAndFailed, HostRun run) {
        SecurityGroupService.CommitSelection selection = groups.beginCommit(actor, ref, onlyOutdatedAndFailed);
        Map<Integer, Optional<Integer>> hostOf = new LinkedHashMap<>();
        for (int vm : selection.vms()) {
            hostOf.put(vm, vms.placement(vm));
        }
        Set<Integer> hostIds = new TreeSet<>();
        hostOf.values().forEach(h -> h.ifPresent(hostIds::add));
        Map<Integer, Optional<String>> offHosts = new LinkedHashMap<>();
        hostOf.forEach((vm, host) -> {
            if (host.isEmpty()) {
                offHosts.put(vm, Optional.empty());
            }
        });
        groups.finishCommit(selection, offHosts);
        List<HostEngine.HostApply> applied;
        Set<Integer> heard = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            applied = engine.apply(SYSTEM, hostIds.stream().map(ObjectRef::id).toList(), run, a -> {
                heard.add(a.host().id());
                groups.finishCommit(selection, errors(hostOf, Map.of(a.host().id(), a.outcome())));
            });
        } catch (RuntimeException e) {
            // no VM may stay "updating" for ever: those whose host was not heard are in error, with why
            Map<Integer, Optional<String>> broke = new LinkedHashMap<>();
            hostOf.forEach((vm, host) -> host.filter(h -> !heard.contains(h)).ifPresent(h -> broke.put(vm,
                    Optional.of("the commit broke before host " + h + " answered: " + e.getMessage()))));
            groups.finishCommit(selection, broke);
            throw e;
        }
        Map<Integer, HostApplyOutcome> byHost = new LinkedHashMap<>();
        applied.forEach(a -> byHost.put(a.host().id(), a.outcome()));
        Map<Integer, Optional<String>> errors = errors(hostOf, byHost);
        // hosts skipped by a cancel were never heard: their VMs are recorded now
        groups.finishCommit(selection, errors);
        int updated = (int) errors.values().stream().filter(Optional::isEmpty).count();
        return new CommitResult(selection, applied, updated, selection.vms().size() - updated);
    }

    /** Per VM on one of {@code outcomes}' hosts (or on none): no error, or its host's. */
    private static Map<Integer, Optional<String>> errors(Map<Integer, Optional<Integer>> hostOf,
                                                         Map<Integer, HostApplyOutcome> outcomes) {
        Map<Integer, Optional<String>> errors = new LinkedHashMap<>();
        for (Map.Entry<Integer, Optional<Integer>> e : hostOf.entrySet()) {
            if (e.getValue().isEmpty()) {
                errors.put(e.getKey(), Optional.empty());
                continue;
            }
            HostApplyOutcome outcome = outcomes.get(e.getValue().get());
            if (outcome != null) {
                errors.put(e.getKey(), outcome.result().success() ? Optional.empty()
                        : Optional.of("host " + e.getValue().get() + ": " + outcome.summary() + ": "
                        + outcome.message()));
            }
        }
        return errors;
    }

    /** Attaches the NIC and applies its host at once; a host that cannot take it gets the attach taken back. */
    public NicChange attachNic(Actor actor, ObjectRef vmRef, NicRequest request) {
        return attachNic(actor, vmRef, request, HostRun.quiet());
    }

    /** As {@link #attachNic(Actor, ObjectRef, NicRequest)}, {@code run} hearing the host's progress. */
    public NicChange attachNic(Actor actor, ObjectRef vmRef, NicRequest request, HostRun run) {
        int index = vms.attachNic(actor, vmRef, request);
        VmDetails details = vms.show(actor, vmRef);
        Vm vm = details.vm();
        Optional<VirtualNetwork> unmanaged = unmanaged(details, index);
        if (unmanaged.isPresent()) {
            return new NicChange(vm.id(), index, Optional.empty(), false, "NIC " + index + " attached; "
                    + nothingOnHosts(unmanaged.get()));
        }
        Optional<Host> host = runningHost(vm);
        if (host.isEmpty()) {
            return new NicChange(vm.id(), index, Optional.empty(), false, pendingReason(vm));
        }
        HostEngine.HostApply result;
        try {
            result = engine.apply(SYSTEM, List.of(ObjectRef.id(host.get().id())), run, r -> { }).get(0);
        } catch (RuntimeException e) {
            // the host's state is unknown: the attach is not left claiming a NIC its host may not carry
            vms.detachNic(actor, vmRef, index);
            throw new VnetException("NIC " + index + " could not be applied to host " + host.get().label() + " ("
                    + e.getMessage() + "); the attach was taken back, its lease released", e);
        }
        HostApplyOutcome.Result r = result.outcome().result();
        if (r.success()) {
            return new NicChange(vm.id(), index, Optional.of(result), false, "NIC " + index + " attached and applied"
                    + " to host " + host.get().label());
        }
        if (r == HostApplyOutcome.Result.UNREACHABLE) {
            return new NicChange(vm.id(), index, Optional.of(result), false, "NIC " + index + " attached; host "
                    + host.get().label() + " is unreachable, its change is pending: " + result.outcome().message());
        }
        vms.detachNic(actor, vmRef, index);
        String why = "host " + host.get().label() + " could not take NIC " + index + " (" + result.outcome().summary()
                + ": " + result.outcome().message() + "); the attach was taken back, its lease released";
        if (r == HostApplyOutcome.Result.FAILED_NOT_ROLLED_BACK) {
            HostEngine.HostApply again = engine.apply(SYSTEM, List.of(ObjectRef.id(host.get().id())),
                    new Cancellation(), x -> { }).get(0);
            why += "; re-applying the host without it: " + again.outcome().summary();
        }
        return new NicChange(vm.id(), index, Optional.of(result), true, why);
    }

    /** Detaches the NIC (its lease released) and applies its host; a host that fails keeps the change pending. */
    public NicChange detachNic(Actor actor, ObjectRef vmRef, int index) {
        Optional<VirtualNetwork> unmanaged = unmanaged(vms.show(actor, vmRef), index);
        vms.detachNic(actor, vmRef, index);
        Vm vm = vms.show(actor, vmRef).vm();
        if (unmanaged.isPresent()) {
            return new NicChange(vm.id(), index, Optional.empty(), false, "NIC " + index + " detached; "
                    + nothingOnHosts(unmanaged.get()));
        }
        Optional<Host> host = runningHost(vm);
        if (host.isEmpty()) {
            return new NicChange(vm.id(), index, Optional.empty(), false, pendingReason(vm));
        }
        HostEngine.HostApply result = engine.apply(SYSTEM, List.of(ObjectRef.id(host.get().id())), new Cancellation(),
                r -> { }).get(0);
        String message = result.outcome().result().success()
                ? "NIC " + index + " detached and removed from host " + host.get().label()
                : "NIC " + index + " detached; host " + host.get().label() + " still has it, the change is pending ("
                + result.outcome().summary() + ": " + result.outcome().message() + ")";
        return new NicChange(vm.id(), index, Optional.of(result), false, message);
    }

    /**
     * The network of NIC {@code index} when vnetdesk does not manage it on
     * hosts: its driver attaches and detaches the tap, so no host is applied
     * for it — an apply would add nothing for the NIC, could take the attach
     * back for another network's blocker, and after a detach would remove
     * what the driver still has of its tap.
     */
    private static Optional<VirtualNetwork> unmanaged(VmDetails vm, int index) {
        return vm.nics().stream().filter(n -> n.nic().index() == index).findFirst()
                .flatMap(VmDetails.NicDetails::network).filter(n -> !n.conf().driver().managedOnHosts());
    }

    private static String nothingOnHosts(VirtualNetwork network) {
        return "network " + network.label() + " is not managed on hosts (driver " + network.conf().driver().mad()
                + "): vnetdesk changes nothing on its host for it";
    }

    private Optional<Host> runningHost(Vm vm) {
        if (vm.hostId().isEmpty() || !vm.state().hasRunningDomain()) {
            return Optional.empty();
        }
        Host host = hosts.show(SYSTEM, ObjectRef.id(vm.hostId().get())).host();
        return host.address().isBlank() ? Optional.empty() : Optional.of(host);
    }

    private static String pendingReason(Vm vm) {
        if (vm.hostId().isEmpty() || !vm.state().hasRunningDomain()) {
            return "VM " + vm.label() + " is " + vm.state() + ": its NICs reach a host when it runs";
        }
        return "VM " + vm.label() + "'s host has no address: the change is pending until the host is applied";
    }
}
