package vnetdesk.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers the NICs of VM leases read without a {@code NIC_NAME} of the form {@code NICn}
 * (older OpenNebula XML has none, and a user may name a NIC freely). Without this, two
 * leases of one VM would both become NIC 0. Each VM's unnumbered leases get 0, 1, … in
 * document order, over the whole document (a VM's NIC numbers are unique across networks),
 * skipping the numbers that the VM's named leases anywhere in the document use.
 */
final class OneXmlNicNumbers {

    /** VM leases without a number, by identity: two such leases may be equal records. */
    private final Set<ImportedLease> unnumbered = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The NIC numbers given by NIC_NAME, per VM id. */
    private final Map<Integer, Set<Integer>> named = new HashMap<>();

    /** Notes a VM lease as read: with its NIC number from NIC_NAME, or without one. */
    void add(ImportedLease lease, boolean numbered) {
        ImportedOwner.Vm vm = (ImportedOwner.Vm) lease.owner();
        if (numbered) {
            named.computeIfAbsent(vm.vmId(), k -> new HashSet<>()).add(vm.nicIndex());
        } else {
            unnumbered.add(lease);
        }
    }

    /** The networks with every unnumbered VM lease numbered; the same list when there is none. */
    List<ImportedNetwork> apply(List<ImportedNetwork> networks) {
        if (unnumbered.isEmpty()) {
            return networks;
        }
        Map<Integer, Integer> next = new HashMap<>();
        List<ImportedNetwork> out = new ArrayList<>(networks.size());
        for (ImportedNetwork n : networks) {
            List<ImportedAr> ranges = new ArrayList<>(n.addressRanges().size());
            for (ImportedAr ar : n.addressRanges()) {
                List<ImportedLease> leases = new ArrayList<>(ar.leases().size());
                for (ImportedLease lease : ar.leases()) {
                    leases.add(unnumbered.contains(lease) ? numbered(lease, next) : lease);
                }
                ranges.add(new ImportedAr(ar.arId(), ar.attributes(), ar.nextIndex(), leases));
            }
            out.add(n.withAddressRanges(ranges));
        }
        return out;
    }

    private ImportedLease numbered(ImportedLease lease, Map<Integer, Integer> next) {
        int vmId = ((ImportedOwner.Vm) lease.owner()).vmId();
        Set<Integer> taken = named.getOrDefault(vmId, Set.of());
        int nic = next.getOrDefault(vmId, 0);
        while (taken.contains(nic)) {
            nic++;
        }
        next.put(vmId, nic + 1);
        return new ImportedLease(lease.ip(), lease.ip6(), lease.mac(), new ImportedOwner.Vm(vmId, nic));
    }
}
