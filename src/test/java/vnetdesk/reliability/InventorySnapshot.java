package vnetdesk.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import vnetdesk.model.AddressRange;
import vnetdesk.model.LeaseAddresses;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.Inventory;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.LeaseRepository.LeaseRow;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.VmRepository;
import vnetdesk.store.VmRepository.NicRow;

/**
 * Everything the inventory stores about networks and leases, read in one go,
 * and the invariants that must hold whatever happened before: every lease
 * inside its AR, no address leased twice in a network (by index, IPv4 or
 * MAC), AR USED counters equal to the lease rows, reservation owners existing,
 * and every NIC's lease owned by that NIC while every lease of a stored VM is
 * one of its NICs'.
 */
final class InventorySnapshot {

    /** One lease with the addresses it resolves to. */
    record ResolvedLease(LeaseRow row, LeaseAddresses addresses) {
    }

    private final Map<Integer, VirtualNetwork> networks;
    private final Map<Integer, List<LeaseRow>> leases;
    private final Map<String, Long> countedPerAr;
    private final Map<Integer, List<NicRow>> nicsByVm;

    private InventorySnapshot(Map<Integer, VirtualNetwork> networks, Map<Integer, List<LeaseRow>> leases,
                              Map<String, Long> countedPerAr, Map<Integer, List<NicRow>> nicsByVm) {
        this.networks = networks;
        this.leases = leases;
        this.countedPerAr = countedPerAr;
        this.nicsByVm = nicsByVm;
    }

    static InventorySnapshot read(Inventory inventory) {
        NetworkRepository networkRepository = new NetworkRepository();
        LeaseRepository leaseRepository = new LeaseRepository();
        VmRepository vmRepository = new VmRepository();
        return inventory.database().read(c -> {
            Map<Integer, VirtualNetwork> nets = new LinkedHashMap<>();
            Map<Integer, List<LeaseRow>> rows = new LinkedHashMap<>();
            for (VirtualNetwork n : networkRepository.list(c)) {
                nets.put(n.id(), n);
                rows.put(n.id(), leaseRepository.page(c, n.id(), 0, OptionalLong.empty(), Integer.MAX_VALUE));
            }
            Map<Integer, List<NicRow>> nics = new LinkedHashMap<>();
            for (VmRepository.VmRow vm : vmRepository.list(c)) {
                nics.put(vm.id(), vm.nics());
            }
            return new InventorySnapshot(nets, rows, leaseRepository.countedPerAr(c), nics);
        });
    }

    Map<Integer, VirtualNetwork> networks() {
        return networks;
    }

    Optional<VirtualNetwork> networkNamed(String name) {
        return networks.values().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The leases of a network with their addresses (leases outside their AR are skipped; see violations). */
    List<ResolvedLease> leasesOf(int networkId) {
        VirtualNetwork n = networks.get(networkId);
        List<ResolvedLease> out = new ArrayList<>();
        for (LeaseRow row : leases.getOrDefault(networkId, List.of())) {
            n.addressRange(row.arId()).filter(ar -> ar.containsIndex(row.index()))
                    .ifPresent(ar -> out.add(new ResolvedLease(row, ar.addressesAt(row.index()))));
        }
        return out;
    }

    /** Primary address (IPv4 here) to owner, for the leases of one network. */
    Map<String, LeaseOwner> ownersByAddress(int networkId) {
        Map<String, LeaseOwner> out = new HashMap<>();
        for (ResolvedLease l : leasesOf(networkId)) {
            out.put(l.addresses().primary(), l.row().owner());
        }
        return out;
    }

    long leaseCount() {
        return leases.values().stream().mapToLong(List::size).sum();
    }

    /** Sum of the AR USED counters of one network. */
    long usedCounter(int networkId) {
        String prefix = networkId + "/";
        return countedPerAr.keySet().stream().filter(k -> k.startsWith(prefix))
                .mapToLong(InventorySnapshot::counterOf).sum();
    }

    /** Every broken invariant, described; empty when the inventory is consistent. */
    List<String> violations() {
        List<String> out = new ArrayList<>();
        for (VirtualNetwork n : networks.values()) {
            checkLeases(n, out);
        }
        checkNics(out);
        countedPerAr.forEach((key, rows) -> {
            if (counterOf(key) != rows) {
                out.add("AR " + key.substring(0, key.indexOf(' ')) + ": USED counter " + counterOf(key)
                        + " but " + rows + " lease rows");
            }
        });
        return out;
    }

    /** A NIC's lease is owned by that NIC; a lease of a stored VM belongs to one of its NICs. */
    private void checkNics(List<String> out) {
        Map<String, LeaseOwner> ownerOf = new HashMap<>();
        leases.forEach((net, rows) -> rows.forEach(r -> ownerOf.put(net + "/" + r.arId() + "/" + r.index(), r.owner())));
        Set<LeaseOwner> nicOwners = new HashSet<>();
        nicsByVm.forEach((vm, nics) -> nics.forEach(nic -> nic.lease().ifPresent(l -> {
            LeaseOwner expected = new LeaseOwner.VmNic(vm, nic.index());
            nicOwners.add(expected);
            LeaseOwner stored = ownerOf.get(l.networkId() + "/" + l.arId() + "/" + l.index());
            if (!expected.equals(stored)) {
                out.add("NIC " + nic.index() + " of VM " + vm + " holds lease " + l + " owned by " + stored);
            }
        })));
        ownerOf.values().stream().filter(o -> o instanceof LeaseOwner.VmNic v && nicsByVm.containsKey(v.vmId())
                && !nicOwners.contains(o)).forEach(o -> out.add("lease of " + o.label() + " has no NIC"));
    }

    private void checkLeases(VirtualNetwork n, List<String> out) {
        Set<String> indexes = new HashSet<>();
        Map<Long, LeaseRow> byIpv4 = new HashMap<>();
        Map<Long, LeaseRow> byMac = new HashMap<>();
        for (LeaseRow row : leases.getOrDefault(n.id(), List.of())) {
            if (!indexes.add(row.arId() + ":" + Long.toUnsignedString(row.index()))) {
                out.add("network " + n.label() + ": AR " + row.arId() + " index " + row.index() + " leased twice");
            }
            Optional<AddressRange> ar = n.addressRange(row.arId()).filter(a -> a.containsIndex(row.index()));
            if (ar.isEmpty()) {
                out.add("network " + n.label() + ": lease " + row + " is outside every address range");
                continue;
            }
            LeaseAddresses a = ar.get().addressesAt(row.index());
            a.ip().ifPresent(ip -> {
                LeaseRow other = byIpv4.put(ip.unsigned(), row);
                if (other != null) {
                    out.add("network " + n.label() + ": " + ip + " leased twice: " + other + " and " + row);
                }
            });
            LeaseRow sameMac = byMac.put(a.mac().value(), row);
            if (sameMac != null) {
                out.add("network " + n.label() + ": MAC " + a.mac() + " leased twice: " + sameMac + " and " + row);
            }
            if (row.owner() instanceof LeaseOwner.Reservation r) {
                VirtualNetwork child = networks.get(r.networkId());
                if (child == null || child.parentNetworkId().filter(p -> p == n.id()).isEmpty()) {
                    out.add("network " + n.label() + ": lease " + row
                            + " is owned by a reservation that is not its child");
                }
            }
        }
    }

    private static long counterOf(String countedKey) {
        return Long.parseLong(countedKey.substring(countedKey.indexOf("used=") + 5));
    }
}
