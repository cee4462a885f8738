package vnetdesk.service.host;

import java.util.Map;

import vnetdesk.host.desired.HostInventory;

/**
 * Who owns the objects a plan touches on one host: the inventory the plan
 * was compiled from (its networks and NICs) and the labels ({@code id:name})
 * of the VMs those NICs belong to, so a plan reads "VM 5:web", not "VM 5".
 */
public record HostOwners(HostInventory inventory, Map<Integer, String> vmLabels) {

    public HostOwners {
        vmLabels = Map.copyOf(vmLabels);
    }

    /** The VM's label, or its id when the VM was not listed. */
    public String vmLabel(int vmId) {
        return vmLabels.getOrDefault(vmId, Integer.toString(vmId));
    }
}
