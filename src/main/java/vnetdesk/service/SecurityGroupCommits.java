package vnetdesk.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.PropagationState;
import vnetdesk.model.Words;
import vnetdesk.service.SecurityGroupService.CommitReport;
import vnetdesk.service.SecurityGroupService.CommitSelection;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.OwnedObjects;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.OwnedObjectRepository.Row;
import vnetdesk.store.SecurityGroupStateRepository.VmState;
import vnetdesk.store.SecurityGroupStateRepository;
import vnetdesk.store.VmRepository;

/**
 * A security group's commit in the inventory: which VMs it selects, their
 * propagation states while the hosts are applied (by the host engine, which
 * the service layer below it does not know) and after.
 */
final class SecurityGroupCommits {

    private final Tx tx;
    private final Access access;
    private final OwnedObjects objects;
    private final SecurityGroupStateRepository states;
    private final SecurityGroupVms vms;
    private final VmRepository vmRows;

    SecurityGroupCommits(ServiceContext ctx, OwnedObjects objects, SecurityGroupStateRepository states,
                         SecurityGroupVms vms) {
        this.tx = ctx.tx();
        this.access = ctx.access();
        this.objects = objects;
        this.states = states;
        this.vms = vms;
        this.vmRows = ctx.vms();
    }

    /** Offline: the selected VMs marked outdated, and a report that no host was changed. */
    CommitReport commit(Actor actor, ObjectRef ref, boolean onlyOutdatedAndFailed) {
        CommitSelection selection = select(actor, ref, onlyOutdatedAndFailed, PropagationState.OUTDATED);
        String message = selection.vms().isEmpty()
                ? "security group " + selection.groupLabel() + " has no VM to update"
                : "no host apply is available here: nothing was changed on any host; "
                + Words.count(selection.vms().size(), "VM")
                + (selection.vms().size() == 1 ? " stays" : " stay") + " outdated";
        return new CommitReport(selection.vms(), 0, message);
    }

    CommitSelection begin(Actor actor, ObjectRef ref, boolean onlyOutdatedAndFailed) {
        return select(actor, ref, onlyOutdatedAndFailed, PropagationState.UPDATING);
    }

    void finish(CommitSelection selection, Map<Integer, Optional<String>> errors) {
        tx.write((c, hooks) -> {
            for (int vm : selection.vms()) {
                if (errors.containsKey(vm) && vmRows.find(c, vm).isPresent()) {
                    Optional<String> error = errors.get(vm);
                    states.set(c, selection.groupId(), vm,
                            error.isPresent() ? PropagationState.ERROR : PropagationState.UPDATED, error);
                }
            }
            return null;
        });
    }

    private CommitSelection select(Actor actor, ObjectRef ref, boolean onlyOutdatedAndFailed, PropagationState mark) {
        return tx.write((c, hooks) -> {
            Row row = objects.resolve(c, ref);
            access.of(c, actor).require(objects.guarded(row), Right.MANAGE, "commit");
            Map<Integer, VmState> stored = states.states(c, row.id());
            List<Integer> selected = new ArrayList<>();
            for (int vm : vms.of(c, row.id(), Optional.empty())) {
                PropagationState s = Optional.ofNullable(stored.get(vm)).map(VmState::state)
                        .orElse(PropagationState.OUTDATED);
                if (!onlyOutdatedAndFailed || s == PropagationState.OUTDATED || s == PropagationState.ERROR) {
                    selected.add(vm);
                }
            }
            states.setAll(c, row.id(), selected, mark);
            return new CommitSelection(row.id(), row.id() + ":" + row.name(), selected);
        });
    }
}
