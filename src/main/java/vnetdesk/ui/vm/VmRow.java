package vnetdesk.ui.vm;

import java.util.Locale;

import vnetdesk.model.Words;
import vnetdesk.model.vm.VmState;
import vnetdesk.service.vm.VmDetails;
import vnetdesk.ui.common.OwnedObjectActions;

/** One line of the VMs table: what its columns show and what the actions need, computed once per load. */
public record VmRow(int id, String name, String owner, String group, VmState state, String host, String addresses,
                    String lock, int nics) {

    static VmRow of(VmDetails d) {
        var vm = d.vm();
        return new VmRow(vm.id(), vm.name(), d.ownerName(), d.groupName(), vm.state(),
                d.host().map(h -> h.label()).orElse(""), NicRow.addressesOf(d), vm.lock().map(Enum::name).orElse(""),
                vm.nics().size());
    }

    /** "id:name" as shown next to every object. */
    public String label() {
        return id + ":" + name;
    }

    /** The VM as the whole-object actions name it; a delete releases every NIC's lease. */
    OwnedObjectActions.Target target() {
        String leases = nics == 0 ? "" : "\n\nThe " + Words.noun(nics, "lease") + " of its " + Words.count(nics, "NIC")
                + (nics == 1 ? " is" : " are") + " released.";
        return new OwnedObjectActions.Target(id, name, owner, group, leases);
    }

    /** Whether the filter text (case-insensitive) is the id or appears in the name, owner, state, host or an address. */
    boolean matches(String filter) {
        String f = filter.toLowerCase(Locale.ROOT);
        return String.valueOf(id).equals(f) || name.toLowerCase(Locale.ROOT).contains(f)
                || owner.toLowerCase(Locale.ROOT).contains(f) || state.name().toLowerCase(Locale.ROOT).contains(f)
                || host.toLowerCase(Locale.ROOT).contains(f) || addresses.toLowerCase(Locale.ROOT).contains(f);
    }
}
